<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AnnotationList</name>
    <message>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <source>&lt;b&gt;Annotations&lt;/b&gt;</source>
        <translation>&lt;b&gt;标注&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Edit Note…</source>
        <translation>编辑备注…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Edit the note of the selected annotation</source>
        <translation>编辑所选标注的备注</translation>
    </message>
    <message>
        <source>Delete the selected annotations (Del)</source>
        <translation>删除所选标注（Del）</translation>
    </message>
</context>
<context>
    <name>AnnotationTableModel</name>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Passage</source>
        <translation>段落</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>CodebookController</name>
    <message>
        <source>Shortcut Taken</source>
        <translation>快捷键已被占用</translation>
    </message>
    <message>
        <source>%1 is already a command of the window; choose another key.</source>
        <translation>%1 已是窗口中某个命令的快捷键，请换一个按键。</translation>
    </message>
    <message>
        <source>Delete the tag “%1”? It is used by %2 annotations, which will be removed with it. Edit ▸ Undo brings them back.</source>
        <translation>删除标签“%1”？有 %2 条标注使用了它，将一并删除。可用“编辑 ▸ 撤销”恢复。</translation>
    </message>
    <message>
        <source>Delete the tag “%1”? No annotation uses it.</source>
        <translation>删除标签“%1”？目前没有标注使用它。</translation>
    </message>
    <message>
        <source>Delete Tag</source>
        <translation>删除标签</translation>
    </message>
</context>
<context>
    <name>DocumentController</name>
    <message>
        <source>Open a document first.</source>
        <translation>请先打开一篇文档。</translation>
    </message>
    <message>
        <source>Select a passage, or place the cursor in a turn.</source>
        <translation>请选中一段文字，或把光标放在某个发言段中。</translation>
    </message>
    <message>
        <source>This passage already has the tag “%1”.</source>
        <translation>这段文字已经标注为“%1”。</translation>
    </message>
    <message>
        <source>Tagged %1 characters as “%2”. Ctrl+Z undoes.</source>
        <translation>已将 %1 个字标注为“%2”。按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Note on “%1”:</source>
        <translation>“%1”的备注：</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <source>Document Properties</source>
        <translation>文档属性</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Interviewee:</source>
        <translation>受访者(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>职务(&amp;R)：</translation>
    </message>
    <message>
        <source>Re&amp;porter:</source>
        <translation>记者(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Outlet:</source>
        <translation>媒体(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Series:</source>
        <translation>栏目(&amp;S)：</translation>
    </message>
    <message>
        <source>Source &amp;URL:</source>
        <translation>来源网址(&amp;U)：</translation>
    </message>
    <message>
        <source>Known</source>
        <translation>已知</translation>
    </message>
    <message>
        <source>&amp;Published:</source>
        <translation>发表日期(&amp;P)：</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>状态(&amp;T)：</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>发言人</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Asks (interviewer)</source>
        <translation>提问（采访者）</translation>
    </message>
    <message>
        <source>Answers (interviewee)</source>
        <translation>回答（受访者）</translation>
    </message>
</context>
<context>
    <name>DocumentHeader</name>
    <message>
        <source>No document selected. Import interviews with File ▸ Import.</source>
        <translation>未选择文档。请用“文件 ▸ 导入访谈”导入。</translation>
    </message>
    <message>
        <source>Interviewee</source>
        <translation>受访者</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Reporter</source>
        <translation>记者</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>媒体</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>发表</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>栏目</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
</context>
<context>
    <name>DocumentTableModel</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Interviewee</source>
        <translation>受访者</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标注数</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Fangtan</source>
        <translation>访谈</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Fangtan met an unexpected error: {error}. Your work up to the last action is saved. The details are in the log file in {folder}.</source>
        <translation>访谈遇到意外错误：{error}。最后一步操作之前的工作都已保存。详细信息记录在 {folder} 中的日志文件里。</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>出现了问题。</translation>
    </message>
    <message>
        <source>{path} is not a Fangtan project (not a database).</source>
        <translation>{path} 不是访谈项目（不是数据库文件）。</translation>
    </message>
    <message>
        <source>{path} is a database from another program, not a Fangtan project.</source>
        <translation>{path} 是其他程序的数据库，不是访谈项目。</translation>
    </message>
    <message>
        <source>{path} was saved by a newer version of Fangtan (schema {revision}); update Fangtan to open it. The file was not changed.</source>
        <translation>{path} 由更新版本的访谈保存（结构版本 {revision}），请升级访谈后再打开。文件未被改动。</translation>
    </message>
    <message>
        <source>{path} is damaged and cannot be opened ({detail}). The file was not changed.</source>
        <translation>{path} 已损坏，无法打开（{detail}）。文件未被改动。</translation>
    </message>
    <message>
        <source>{path} is a folder, not a Fangtan project file.</source>
        <translation>{path} 是文件夹，不是访谈项目文件。</translation>
    </message>
    <message>
        <source>{path} cannot be read ({detail}).</source>
        <translation>无法读取 {path}（{detail}）。</translation>
    </message>
    <message>
        <source>{path} could not be upgraded to this version of Fangtan ({detail}). The project was left as it was.</source>
        <translation>{path} 无法升级到当前版本的访谈（{detail}）。项目保持原样。</translation>
    </message>
    <message>
        <source>There is no project at {path}.</source>
        <translation>{path} 处没有项目。</translation>
    </message>
    <message>
        <source>Could not save to {path}: {detail}. Nothing was changed.</source>
        <translation>无法保存到 {path}：{detail}。没有做任何改动。</translation>
    </message>
    <message>
        <source>{path}: no such file.</source>
        <translation>{path}：文件不存在。</translation>
    </message>
    <message>
        <source>{path}: cannot be read ({detail}).</source>
        <translation>{path}：无法读取（{detail}）。</translation>
    </message>
    <message>
        <source>{path}: the file is empty.</source>
        <translation>{path}：文件是空的。</translation>
    </message>
    <message>
        <source>{path}: this is a binary file ({kind}), not interview text.</source>
        <translation>{path}：这是二进制文件（{kind}），不是访谈文本。</translation>
    </message>
    <message>
        <source>{path}: the text is not valid UTF-8 (bad byte at position {position}).</source>
        <translation>{path}：文本不是有效的 UTF-8（第 {position} 字节有误）。</translation>
    </message>
    <message>
        <source>{path}: the file is {size_mb} MB; files over {limit_mb} MB are not imported.</source>
        <translation>{path}：文件大小为 {size_mb} MB，超过 {limit_mb} MB 的文件不予导入。</translation>
    </message>
    <message>
        <source>{path}: the file holds no text to import.</source>
        <translation>{path}：文件中没有可导入的文字。</translation>
    </message>
    <message>
        <source>The passage {start}–{end} is outside the document (length {length}).</source>
        <translation>段落 {start}–{end} 超出了文档范围（长度 {length}）。</translation>
    </message>
    <message>
        <source>Select some text, or place the cursor in a turn.</source>
        <translation>请选中文字，或把光标放在某个发言段中。</translation>
    </message>
    <message>
        <source>The tag no longer exists.</source>
        <translation>该标签已不存在。</translation>
    </message>
    <message>
        <source>The document no longer exists.</source>
        <translation>该文档已不存在。</translation>
    </message>
    <message>
        <source>The annotation no longer exists.</source>
        <translation>该标注已不存在。</translation>
    </message>
    <message>
        <source>“{value}” is not a valid {field} for a document.</source>
        <translation>“{value}”不是有效的文档{field}。</translation>
    </message>
    <message>
        <source>A tag needs a name.</source>
        <translation>标签需要一个名称。</translation>
    </message>
    <message>
        <source>There is already a tag named “{name}”.</source>
        <translation>已经有名为“{name}”的标签。</translation>
    </message>
    <message>
        <source>The shortcut {shortcut} is already used by “{name}”.</source>
        <translation>快捷键 {shortcut} 已被“{name}”使用。</translation>
    </message>
    <message>
        <source>“{color}” is not a colour like #1f77b4.</source>
        <translation>“{color}”不是有效的颜色（例如 #1f77b4）。</translation>
    </message>
    <message>
        <source>A tag cannot be placed under itself.</source>
        <translation>标签不能放在它自己下面。</translation>
    </message>
    <message>
        <source>Cannot write {path}: {detail}.</source>
        <translation>无法写入 {path}：{detail}。</translation>
    </message>
    <message>
        <source>{path}: the file ends in the middle of a character ({encoding}); it was probably cut off.</source>
        <translation>{path}：文件在一个字符中间结束（{encoding}），可能被截断了。</translation>
    </message>
    <message>
        <source>{path}: cannot be read as {encoding} (bad byte at position {position}).</source>
        <translation>{path}：无法按 {encoding} 读取（第 {position} 字节有误）。</translation>
    </message>
    <message>
        <source>{path}: “{encoding}” is not a known text encoding.</source>
        <translation>{path}：“{encoding}”不是已知的文本编码。</translation>
    </message>
    <message>
        <source>{path}: the text is in none of the encodings Fangtan reads (UTF-8, UTF-16, GB18030, Big5).</source>
        <translation>{path}：文本不属于访谈能读取的任何编码（UTF-8、UTF-16、GB18030、Big5）。</translation>
    </message>
    <message>
        <source>{path}: read as {encoding}, {percent}% of the text is control, private-use or unassigned characters; it is binary or in another encoding.</source>
        <translation>{path}：按 {encoding} 读取时，有 {percent}% 的内容是控制字符、私用区或未分配字符；这是二进制文件或其他编码。</translation>
    </message>
    <message>
        <source>{path}: not a Word (.docx) document but {kind}.</source>
        <translation>{path}：不是 Word（.docx）文档，而是{kind}。</translation>
    </message>
    <message>
        <source>{path}: the {kind} is damaged and cannot be read ({detail}).</source>
        <translation>{path}：该{kind}已损坏，无法读取（{detail}）。</translation>
    </message>
    <message>
        <source>{path}: the {kind} is password-protected; remove the password to import it.</source>
        <translation>{path}：该{kind}有密码保护，请先去掉密码再导入。</translation>
    </message>
    <message>
        <source>{path}: the document unpacks to {size_mb} MB; documents over {limit_mb} MB are not imported.</source>
        <translation>{path}：文档解压后有 {size_mb} MB，超过 {limit_mb} MB 的文档不予导入。</translation>
    </message>
    <message>
        <source>{path}: the PDF has no text layer (scanned?); only PDFs with text can be imported.</source>
        <translation>{path}：该 PDF 没有文字层（可能是扫描件），只能导入带文字的 PDF。</translation>
    </message>
    <message>
        <source>{path}: the PDF&apos;s fonts do not say which characters they draw, so its text cannot be read.</source>
        <translation>{path}：该 PDF 的字体没有说明所绘制的字符，无法读取其文字。</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>Tag “%1”</source>
        <translation>标注“%1”</translation>
    </message>
    <message>
        <source>Remove tag “%1”</source>
        <translation>移除标注“%1”</translation>
    </message>
    <message>
        <source>Remove %1 annotations</source>
        <translation>移除 %1 条标注</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>编辑备注</translation>
    </message>
    <message>
        <source>Edit properties of “%1”</source>
        <translation>编辑“%1”的属性</translation>
    </message>
    <message>
        <source>New tag “%1”</source>
        <translation>新建标签“%1”</translation>
    </message>
    <message>
        <source>Edit tag “%1”</source>
        <translation>编辑标签“%1”</translation>
    </message>
    <message>
        <source>Delete tag “%1”</source>
        <translation>删除标签“%1”</translation>
    </message>
    <message>
        <source>Move tag “%1”</source>
        <translation>移动标签“%1”</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Undo %1</source>
        <translation>撤销 %1(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>重做 %1(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Select an annotation in the list first.</source>
        <translation>请先在列表中选择一条标注。</translation>
    </message>
    <message>
        <source>All changes saved · %1</source>
        <translation>所有改动已保存 · %1</translation>
    </message>
    <message>
        <source>Fangtan projects (*%1)</source>
        <translation>访谈项目 (*%1)</translation>
    </message>
    <message>
        <source>New Project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>Fangtan — %1</source>
        <translation>访谈 — %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New Project…</source>
        <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Import Interviews…</source>
        <translation>导入访谈(&amp;I)…</translation>
    </message>
    <message>
        <source>Import &amp;Folder…</source>
        <translation>导入文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Export Annotations as CSV…</source>
        <translation>导出标注为 CSV(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>Edit &amp;Note…</source>
        <translation>编辑备注(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation>文档(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Properties…</source>
        <translation>属性(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation>标签(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;New Tag…</source>
        <translation>新建标签(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Your name, saved with each annotation</source>
        <translation>你的名字，会随每条标注一起保存</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>界面语言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Annotator:</source>
        <translation>标注人(&amp;A)：</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Tag with “{name}”</source>
        <translation>标注为“{name}”</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Delete the selected annotations (in the annotation list)</source>
        <translation>删除所选标注（在标注列表中）</translation>
    </message>
    <message>
        <source>Edit the note of the selected annotation</source>
        <translation>编辑所选标注的备注</translation>
    </message>
    <message>
        <source>Import interviews</source>
        <translation>导入访谈</translation>
    </message>
    <message>
        <source>Export annotations as CSV</source>
        <translation>导出标注为 CSV</translation>
    </message>
    <message>
        <source>Open a project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>Select a passage and press a tag&apos;s key. With nothing selected, the tag goes on the whole turn under the cursor.</source>
        <translation>选中一段文字后按标签的快捷键。未选中文字时，标签会加在光标所在的整个发言段上。</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
</context>
<context>
    <name>TagDialog</name>
    <message>
        <source>Edit Tag</source>
        <translation>编辑标签</translation>
    </message>
    <message>
        <source>New Tag</source>
        <translation>新建标签</translation>
    </message>
    <message>
        <source>(top level)</source>
        <translation>（顶层）</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Colour:</source>
        <translation>颜色(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Shortcut:</source>
        <translation>快捷键(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Parent:</source>
        <translation>上级标签(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>说明(&amp;D)：</translation>
    </message>
    <message>
        <source>Tag Colour</source>
        <translation>标签颜色</translation>
    </message>
</context>
<context>
    <name>TagPanel</name>
    <message>
        <source>Shortcut: %1</source>
        <translation>快捷键：%1</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>New Child Tag…</source>
        <translation>新建子标签…</translation>
    </message>
    <message>
        <source>Move Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>New Tag…</source>
        <translation>新建标签…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Tags&lt;/b&gt; — click to apply, right-click to edit</source>
        <translation>&lt;b&gt;标签&lt;/b&gt; — 单击应用，右键编辑</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Uses</source>
        <translation>次数</translation>
    </message>
</context>
<context>
    <name>Transfers</name>
    <message>
        <source>Import Interviews</source>
        <translation>导入访谈</translation>
    </message>
    <message>
        <source>Interview text (*.txt *.md *.text);;All files (*)</source>
        <translation>访谈文本 (*.txt *.md *.text);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import a Folder of Interviews</source>
        <translation>导入访谈文件夹</translation>
    </message>
    <message>
        <source>Please wait: another import or export is running.</source>
        <translation>请稍候：另一项导入或导出正在进行。</translation>
    </message>
    <message>
        <source>Importing interviews…</source>
        <translation>正在导入访谈…</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n interview(s).</source>
        <translation>
            <numerusform>已导入 %n 篇访谈。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported: %n interview(s).</source>
        <translation>
            <numerusform>已导入：%n 篇访谈。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped, already in the project: %n.</source>
        <translation>
            <numerusform>已跳过（项目中已有）：%n 篇。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Failed: %n file(s).</source>
        <translation>
            <numerusform>失败：%n 个文件。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: files imported before cancelling were kept.</source>
        <translation>已取消：取消前已导入的文件保留在项目中。</translation>
    </message>
    <message>
        <source>⏭ %1 (already in the project)</source>
        <translation>⏭ %1（项目中已有）</translation>
    </message>
    <message>
        <source>Import Report</source>
        <translation>导入报告</translation>
    </message>
    <message>
        <source>Export Annotations as CSV</source>
        <translation>导出标注为 CSV</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exporting annotations…</source>
        <translation>正在导出标注…</translation>
    </message>
    <message>
        <source>Exported %1 annotations to %2.</source>
        <translation>已将 %1 条标注导出到 %2。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>%1 of %2: %3</source>
        <translation>第 %1 / %2 个：%3</translation>
    </message>
    <message>
        <source>%1 rows written</source>
        <translation>已写入 %1 行</translation>
    </message>
</context>
</TS>
