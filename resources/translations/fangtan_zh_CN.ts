<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AgreementDialog</name>
    <message>
        <source>Comparing…</source>
        <translation>正在比较…</translation>
    </message>
    <message>
        <source>Agreement could not be worked out: %1</source>
        <translation>无法计算一致性：%1</translation>
    </message>
    <message>
        <source> · %1 units</source>
        <translation> · %1 个单位</translation>
    </message>
    <message>
        <source>%1 · %2 interviews compared</source>
        <translation>%1 · 比较了 %2 篇访谈</translation>
    </message>
    <message>
        <source>fewer than 30 units</source>
        <translation>单位少于 30 个</translation>
    </message>
    <message>
        <source>one value covers 85 % or more</source>
        <translation>单一取值占 85% 以上</translation>
    </message>
    <message>
        <source>kappa undefined</source>
        <translation>kappa 无定义</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单位数</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>一致性</translation>
    </message>
    <message>
        <source>Cohen's κ (mean)</source>
        <translation>Cohen κ（平均）</translation>
    </message>
    <message>
        <source>κ %1</source>
        <translation>κ %1</translation>
    </message>
    <message>
        <source>Fleiss' κ</source>
        <translation>Fleiss κ</translation>
    </message>
    <message>
        <source>Krippendorff's α</source>
        <translation>Krippendorff α</translation>
    </message>
    <message>
        <source>Gwet's AC1</source>
        <translation>Gwet AC1</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>All tags (pooled)</source>
        <translation>全部标签（合并）</translation>
    </message>
    <message>
        <source>Exact F1 %1</source>
        <translation>精确 F1 %1</translation>
    </message>
    <message>
        <source>Overlap F1 %1</source>
        <translation>重叠 F1 %1</translation>
    </message>
    <message>
        <source>Unitizing α</source>
        <translation>切分 α</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <source>Undefined: the chance term leaves nothing to correct</source>
        <translation>无定义：机遇项已无可校正的余地</translation>
    </message>
    <message>
        <source>Agreement table copied.</source>
        <translation>一致性表格已复制。</translation>
    </message>
    <message>
        <source>Disagreements: %1 (the first %2 listed); click one to open it</source>
        <translation>分歧：%1 处（列出前 %2 处）；点击一处即可在正文中打开</translation>
    </message>
    <message>
        <source>Disagreements: %1; click one to open it</source>
        <translation>分歧：%1 处；点击一处即可在正文中打开</translation>
    </message>
    <message>
        <source>Interview</source>
        <translation>访谈</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Turns</source>
        <translation>话轮</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>字符</translation>
    </message>
    <message>
        <source>Spans (annotations)</source>
        <translation>片段（标注本身）</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>单位(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Annotators:</source>
        <translation>标注者(&amp;A)：</translation>
    </message>
    <message>
        <source>Names, comma-separated; empty compares everyone but the gold layer</source>
        <translation>名字，用逗号分隔；留空则比较金标层以外的所有人</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>比较(&amp;C)</translation>
    </message>
    <message>
        <source>Co&amp;py Table</source>
        <translation>复制表格(&amp;P)</translation>
    </message>
</context>
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
    <message>
        <source>Annotator</source>
        <translation>标注者</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>That project is open in another Fangtan window, shown now.</source>
        <translation>该项目已在另一个 Fangtan 窗口中打开，已将其显示在前面。</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>Assign Interviews</source>
        <translation>分配访谈</translation>
    </message>
    <message>
        <source>Annotators, comma-separated</source>
        <translation>标注者，用逗号分隔</translation>
    </message>
    <message>
        <source>Every interview in the project</source>
        <translation>项目中的全部访谈</translation>
    </message>
    <message>
        <source>(no interview chosen)</source>
        <translation>（未选访谈）</translation>
    </message>
    <message>
        <source>Otherwise only “%1”.</source>
        <translation>否则只分配“%1”。</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>分配</translation>
    </message>
    <message>
        <source>&amp;Annotators:</source>
        <translation>标注者(&amp;A)：</translation>
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
    <name>CodebookExchange</name>
    <message>
        <source>REFI-QDA codebook (*.qdc)</source>
        <translation>REFI-QDA 编码本 (*.qdc)</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>Export Codebook</source>
        <translation>导出编码本</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n tag(s) to %1</source>
        <translation>
            <numerusform>已将 %n 个标签导出到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Import Codebook</source>
        <translation>导入编码本</translation>
    </message>
    <message>
        <source>Codebooks (*.qdc *.csv)</source>
        <translation>编码本 (*.qdc *.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n new tag(s)</source>
        <translation>
            <numerusform>新增 %n 个标签</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n tag(s) already in the project</source>
        <translation>
            <numerusform>；%n 个标签项目中已有</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n given guideline text)</source>
        <translation>
            <numerusform>（其中 %n 个补充了指南文字）</numerusform>
        </translation>
    </message>
    <message>
        <source>New: %1</source>
        <translation>新标签：%1</translation>
    </message>
    <message>
        <source>Shortcuts already taken, left out: %1</source>
        <translation>快捷键已被占用，未导入：%1</translation>
    </message>
    <message>
        <source>Export &amp;Codebook…</source>
        <translation>导出编码本(&amp;C)…</translation>
    </message>
    <message>
        <source>Import Code&amp;book…</source>
        <translation>导入编码本(&amp;B)…</translation>
    </message>
</context>
<context>
    <name>CurationPanel</name>
    <message>
        <source>Open an interview to curate it.</source>
        <translation>打开一篇访谈即可审定。</translation>
    </message>
    <message>
        <source>Curation of “%1”</source>
        <translation>审定“%1”</translation>
    </message>
    <message>
        <source>not begun</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>begun</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>%1 · agreed %2, of which %3 in gold · disagreements %4, %5 open · curation %6</source>
        <translation>%1 · 一致 %2 条，其中 %3 条已入金标 · 分歧 %4 处，%5 处待定 · 审定%6</translation>
    </message>
    <message>
        <source>Add Agreed to Gold (%1)</source>
        <translation>一致部分加入金标（%1）</translation>
    </message>
    <message>
        <source>open</source>
        <translation>待定</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>No disagreement left in this interview.</source>
        <translation>这篇访谈已没有分歧。</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <source>nothing (rejected)</source>
        <translation>无（已驳回）</translation>
    </message>
    <message>
        <source>Gold holds: %1</source>
        <translation>金标现有：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n agreed annotation(s) added to gold.</source>
        <translation>
            <numerusform>已将 %n 条一致标注加入金标。</numerusform>
        </translation>
    </message>
    <message>
        <source>Check the versions to accept, or choose Reject All.</source>
        <translation>请勾选要采纳的版本，或选择“全部驳回”。</translation>
    </message>
    <message>
        <source>The end must come after the start.</source>
        <translation>结束位置必须在开始位置之后。</translation>
    </message>
    <message>
        <source>Select the passage in the text first.</source>
        <translation>请先在正文中选中段落。</translation>
    </message>
    <message>
        <source>Curation</source>
        <translation>审定</translation>
    </message>
    <message>
        <source>&amp;Rule:</source>
        <translation>规则(&amp;R)：</translation>
    </message>
    <message>
        <source>Unanimous</source>
        <translation>全体一致</translation>
    </message>
    <message>
        <source>Majority</source>
        <translation>多数一致</translation>
    </message>
    <message>
        <source>Agreed: the same tag, start and end by every annotator compared (unanimous) or by more than half of them (majority)</source>
        <translation>一致：所比较的每位标注者（全体一致）或过半标注者（多数一致）给出相同的标签、起点和终点</translation>
    </message>
    <message>
        <source>Curation &amp;done</source>
        <translation>审定完成(&amp;D)</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>金标</translation>
    </message>
    <message>
        <source>Annotators</source>
        <translation>标注者</translation>
    </message>
    <message>
        <source>Span</source>
        <translation>片段</translation>
    </message>
    <message>
        <source>Own boundaries:</source>
        <translation>自定边界：</translation>
    </message>
    <message>
        <source>From &amp;Selection</source>
        <translation>取自选区(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Accept Checked</source>
        <translation>采纳勾选(&amp;A)</translation>
    </message>
    <message>
        <source>Accept &amp;Boundaries</source>
        <translation>采纳边界(&amp;B)</translation>
    </message>
    <message>
        <source>Re&amp;ject All</source>
        <translation>全部驳回(&amp;J)</translation>
    </message>
</context>
<context>
    <name>DictionaryDialog</name>
    <message>
        <source>Import Words</source>
        <translation>导入词语</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>文本文件 (*.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Word Lists</source>
        <translation>词表</translation>
    </message>
    <message>
        <source>Dictionary</source>
        <translation>用户词典</translation>
    </message>
    <message>
        <source>Stop Words</source>
        <translation>停用词</translation>
    </message>
    <message>
        <source>Words that word selection, keywords and CoNLL export keep whole: place names, programme names. A new word takes effect at once.</source>
        <translation>按词选择、关键词和 CoNLL 导出都会把这些词当作整体：地名、项目名等。新加的词立即生效。</translation>
    </message>
    <message>
        <source>Words and punctuation left out of keyword lists.</source>
        <translation>不列入关键词的词语和标点。</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>New words, separated by spaces or commas</source>
        <translation>新词，用空格或逗号分隔</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Import from File…</source>
        <translation>从文件导入(&amp;I)…</translation>
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
        <source>No document selected. Import interviews with File ▸ Import Interviews…</source>
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
        <source>Copy Details</source>
        <translation>复制详细信息</translation>
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
        <source>The backup of {path} failed: {detail}.</source>
        <translation>{path} 的备份失败：{detail}。</translation>
    </message>
    <message>
        <source>The number of backups to keep must be a whole number from {low} to {high} (got {value}).</source>
        <translation>保留的备份数必须是 {low} 到 {high} 之间的整数（当前为 {value}）。</translation>
    </message>
    <message>
        <source>{path} is read-only ({detail}); nothing can be changed in it.</source>
        <translation>{path} 是只读的（{detail}），其中的内容不能修改。</translation>
    </message>
    <message>
        <source>There is no project at {path}.</source>
        <translation>{path} 处没有项目。</translation>
    </message>
    <message>
        <source>{path} was closed; open it again to go on.</source>
        <translation>{path} 已关闭，请重新打开后继续。</translation>
    </message>
    <message>
        <source>Could not save to {path}: {detail}. Nothing was changed.</source>
        <translation>无法保存到 {path}：{detail}。没有做任何改动。</translation>
    </message>
    <message>
        <source>{path}: the folder {folder} does not exist.</source>
        <translation>{path}：文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <source>{path}: {folder} is a file, not a folder.</source>
        <translation>{path}：{folder} 是文件，不是文件夹。</translation>
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
        <source>This step of the undo history cannot be read (it was saved by another version of Fangtan), so it was dropped.</source>
        <translation>撤销记录中的这一步无法读取（由其他版本的访谈保存），已将其删除。</translation>
    </message>
    <message>
        <source>Changed by {name} meanwhile; the view shows the newest version now. Nothing was changed.</source>
        <translation>{name} 在此期间已修改；现在显示的是最新版本。未作任何更改。</translation>
    </message>
    <message>
        <source>Changed by someone else meanwhile; the view shows the newest version now. Nothing was changed.</source>
        <translation>其他人在此期间已修改；现在显示的是最新版本。未作任何更改。</translation>
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
        <source>A tag cannot be merged into itself.</source>
        <translation>标签不能合并到它自己。</translation>
    </message>
    <message>
        <source>The annotations already have the tag “{name}”; choose another tag.</source>
        <translation>这些标注已经是标签“{name}”；请选择其他标签。</translation>
    </message>
    <message>
        <source>Choose at least one annotation to move to the other tag.</source>
        <translation>请至少选择一条要移到其他标签的标注。</translation>
    </message>
    <message>
        <source>Import interview files and annotation files (.jsonl, .json, .qdpx) separately.</source>
        <translation>请分开导入访谈文件和标注文件（.jsonl、.json、.qdpx）。</translation>
    </message>
    <message>
        <source>Cannot write {path}: {detail}.</source>
        <translation>无法写入 {path}：{detail}。</translation>
    </message>
    <message>
        <source>There is no export format called “{name}”.</source>
        <translation>没有名为“{name}”的导出格式。</translation>
    </message>
    <message>
        <source>{path} ends in {extension}, the extension of {other} files, not {format}: name it {wanted} or export as {other}.</source>
        <translation>{path} 的扩展名 {extension} 属于 {other} 文件，而不是 {format}：请改名为 {wanted}，或导出为 {other}。</translation>
    </message>
    <message>
        <source>The train/dev/test ratios must be three numbers of at least 0 that add up to 1 (got {ratios}).</source>
        <translation>训练/验证/测试比例必须是三个不小于 0、合计为 1 的数（当前为 {ratios}）。</translation>
    </message>
    <message>
        <source>The {format} format has no column for the train/dev/test split; export the split as separate files instead.</source>
        <translation>{format} 格式没有存放训练/验证/测试划分的列，请改为导出成单独的文件。</translation>
    </message>
    <message>
        <source>{path}: cannot tell the annotation format; use a .jsonl (doccano), .json (Label Studio) or .qdpx (REFI-QDA) file.</source>
        <translation>{path}：无法判断标注格式，请使用 .jsonl（doccano）、.json（Label Studio）或 .qdpx（REFI-QDA）文件。</translation>
    </message>
    <message>
        <source>{path}: not a valid {format} file ({detail}). Nothing was imported.</source>
        <translation>{path}：不是有效的 {format} 文件（{detail}）。没有导入任何内容。</translation>
    </message>
    <message>
        <source>{path}: document {number} has a passage at {start}–{end}, outside its text (length {length}). Nothing was imported.</source>
        <translation>{path}：第 {number} 篇文档在 {start}–{end} 处有一段标注，超出了文本范围（长度 {length}）。没有导入任何内容。</translation>
    </message>
    <message>
        <source>{path}: document {number} has a passage without a tag name. Nothing was imported.</source>
        <translation>{path}：第 {number} 篇文档有一段标注没有标签名。没有导入任何内容。</translation>
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
        <source>{path}: the PDF's fonts do not say which characters they draw, so its text cannot be read.</source>
        <translation>{path}：该 PDF 的字体没有说明所绘制的字符，无法读取其文字。</translation>
    </message>
    <message>
        <source>Type something to search for.</source>
        <translation>请输入要搜索的内容。</translation>
    </message>
    <message>
        <source>There is no tag named “{name}” in this project.</source>
        <translation>本项目中没有名为“{name}”的标签。</translation>
    </message>
    <message>
        <source>--outside needs a tag: add --tag NAME.</source>
        <translation>--outside 需要指定标签：请加上 --tag 标签名。</translation>
    </message>
    <message>
        <source>“{word}” cannot be a trigger word: use 1 to 100 characters on one line.</source>
        <translation>“{word}”不能作为触发词：请用一行内 1 到 100 个字符。</translation>
    </message>
    <message>
        <source>“{word}” is already a trigger word of this tag.</source>
        <translation>“{word}”已经是这个标签的触发词。</translation>
    </message>
    <message>
        <source>“{word}” is not a trigger word of this tag.</source>
        <translation>“{word}”不是这个标签的触发词。</translation>
    </message>
    <message>
        <source>The suggestion at {start}–{end} has already been accepted or rejected.</source>
        <translation>{start}–{end} 处的建议已经被接受或拒绝了。</translation>
    </message>
    <message>
        <source>The threshold must be a number from 0 to 1 (got {value}).</source>
        <translation>阈值必须是 0 到 1 之间的数（当前为 {value}）。</translation>
    </message>
    <message>
        <source>“{value}” is not a valid value for {setting}.</source>
        <translation>“{value}”不是 {setting} 的有效值。</translation>
    </message>
    <message>
        <source>There is no document {id} in this project.</source>
        <translation>本项目中没有编号为 {id} 的文档。</translation>
    </message>
    <message>
        <source>Type a word first.</source>
        <translation>请先输入一个词。</translation>
    </message>
    <message>
        <source>“{word}…” is too long for the list: a word has at most {limit} characters.</source>
        <translation>“{word}…”太长，无法加入词表：一个词最多 {limit} 个字符。</translation>
    </message>
    <message>
        <source>“{word}” cannot be kept as one word: segmentation always splits it at “{character}”.</source>
        <translation>“{word}”无法保持为一个词：分词总会在“{character}”处切开。</translation>
    </message>
    <message>
        <source>Every word given is already in the list.</source>
        <translation>所给的词都已在词表中。</translation>
    </message>
    <message>
        <source>{path}: cannot read a word list from it ({detail}).</source>
        <translation>{path}：无法从中读取词表（{detail}）。</translation>
    </message>
    <message>
        <source>The document has no turn {index}.</source>
        <translation>该文档没有第 {index} 个发言段。</translation>
    </message>
    <message>
        <source>“{kind}” is not a kind of turn; use {valid}.</source>
        <translation>“{kind}”不是发言段的类型，请使用 {valid}。</translation>
    </message>
    <message>
        <source>A speaker's name must have 1 to {limit} characters on one line.</source>
        <translation>发言人姓名须为一行内 1 到 {limit} 个字符。</translation>
    </message>
    <message>
        <source>Name at least one interviewee, in at most {limit} characters in all.</source>
        <translation>请至少填写一位受访者，总共不超过 {limit} 个字符。</translation>
    </message>
    <message>
        <source>No turn of this document is spoken by “{name}”.</source>
        <translation>该文档中没有“{name}”的发言。</translation>
    </message>
    <message>
        <source>Position {offset} does not split turn {index} in two: give a position between its words, after {start} and before {end}.</source>
        <translation>位置 {offset} 不能把第 {index} 个发言段分成两段：请给出其文字中间的位置，大于 {start} 且小于 {end}。</translation>
    </message>
    <message>
        <source>The first turn has no turn before it to be merged into.</source>
        <translation>第一个发言段之前没有可以合并的发言段。</translation>
    </message>
    <message>
        <source>The turns cannot be detected again: reading this document's text again does not give back the same text.</source>
        <translation>无法重新识别发言段：重新读取该文档的文本得不到相同的文本。</translation>
    </message>
    <message>
        <source>{what} must be a whole number (got “{value}”).</source>
        <translation>{what} 必须是整数（当前为“{value}”）。</translation>
    </message>
    <message>
        <source>There is no annotator named “{name}” in this project.</source>
        <translation>本项目中没有名为“{name}”的标注者。</translation>
    </message>
    <message>
        <source>No interview in this project has the {field} “{value}”.</source>
        <translation>本项目中没有{field}为“{value}”的访谈。</translation>
    </message>
    <message>
        <source>The dates are the wrong way round: {start} is after {end}.</source>
        <translation>日期先后颠倒了：{start} 晚于 {end}。</translation>
    </message>
    <message>
        <source>The {what} of a page of passages must be 0 or more (got {value}).</source>
        <translation>段落分页的 {what} 必须不小于 0（当前为 {value}）。</translation>
    </message>
    <message>
        <source>Cannot write coded passages to “{name}”: choose a .csv, .xlsx or .html file.</source>
        <translation>无法将编码段落写入“{name}”：请选择 .csv、.xlsx 或 .html 文件。</translation>
    </message>
    <message>
        <source>{path}: not a valid codebook file ({detail}). Nothing was imported.</source>
        <translation>{path}：不是有效的编码本文件（{detail}）。未导入任何内容。</translation>
    </message>
    <message>
        <source>{path}: the codebook file is {size_mb} MB; files over {limit_mb} MB are not imported.</source>
        <translation>{path}：编码本文件大小为 {size_mb} MB；超过 {limit_mb} MB 的文件不予导入。</translation>
    </message>
    <message>
        <source>{path}: the tag “{name}” is listed twice. Nothing was imported.</source>
        <translation>{path}：标签“{name}”出现了两次。未导入任何内容。</translation>
    </message>
    <message>
        <source>{path}: the parent “{parent}” of “{name}” is neither in the file nor in the project. Nothing was imported.</source>
        <translation>{path}：“{name}”的上级标签“{parent}”既不在文件中，也不在项目中。未导入任何内容。</translation>
    </message>
    <message>
        <source>{path}: codebooks are exchanged as .qdc or .csv files, not {suffix}.</source>
        <translation>{path}：编码本须为 .qdc 或 .csv 文件，而不是 {suffix}。</translation>
    </message>
    <message>
        <source>The project has no tags: there is no codebook to export.</source>
        <translation>项目中没有标签，没有可导出的编码本。</translation>
    </message>
    <message>
        <source>The imported tag “{name}” has annotations now; remove them first.</source>
        <translation>导入的标签“{name}”现在已有标注，请先删除这些标注。</translation>
    </message>
    <message>
        <source>Agreement needs at least two annotators; this compares only {found}.</source>
        <translation>一致性至少需要两位标注者；此处只比较了 {found}。</translation>
    </message>
    <message>
        <source>{names} have no interview in common: none was annotated or marked done by all of them.</source>
        <translation>{names} 没有共同的访谈：没有一篇访谈被他们全部标注过或标记为完成。</translation>
    </message>
    <message>
        <source>Nobody of {names} used the tag “{tag}” in the interviews they share.</source>
        <translation>{names} 在共同的访谈中都没有使用标签“{tag}”。</translation>
    </message>
    <message>
        <source>{names} used no tag in the interviews they share: there is nothing to compare.</source>
        <translation>{names} 在共同的访谈中没有使用任何标签：没有可比较的内容。</translation>
    </message>
    <message>
        <source>“{unit}” is not a unit of agreement; use turn, char or span.</source>
        <translation>“{unit}”不是一致性的单位；请使用 turn、char 或 span。</translation>
    </message>
    <message>
        <source>“{name}” cannot be an annotator's name.</source>
        <translation>“{name}”不能用作标注者名称。</translation>
    </message>
    <message>
        <source>{path} is this project itself; nothing was merged.</source>
        <translation>{path} 就是本项目本身；未合并任何内容。</translation>
    </message>
    <message>
        <source>“{title}” in {path} has a different text from the interview of that title in this project; nothing was merged.</source>
        <translation>{path} 中的“{title}”与本项目中同名访谈的正文不同；未合并任何内容。</translation>
    </message>
    <message>
        <source>“{rule}” is not a rule of adjudication; use unanimous or majority.</source>
        <translation>“{rule}”不是裁定规则；请用 unanimous 或 majority。</translation>
    </message>
    <message>
        <source>Adjudication needs at least two annotators to compare; this compares only {found}.</source>
        <translation>裁定至少需要比较两位标注者；这里只有 {found}。</translation>
    </message>
    <message>
        <source>“{title}” was annotated by {found} only; adjudication needs at least two annotators.</source>
        <translation>“{title}”只有 {found} 标注过；裁定至少需要两位标注者。</translation>
    </message>
    <message>
        <source>“{name}” is the gold layer itself and cannot be one of the annotators compared.</source>
        <translation>“{name}”就是金标层本身，不能作为被比较的标注者。</translation>
    </message>
    <message>
        <source>No interview was annotated by at least two of {names}: nothing to adjudicate.</source>
        <translation>{names} 中没有哪篇访谈有至少两人标注过：无可裁定。</translation>
    </message>
    <message>
        <source>This project has no interview numbered {ids}.</source>
        <translation>此项目中没有编号为 {ids} 的访谈。</translation>
    </message>
    <message>
        <source>{path} is a server project: its backups are made and restored on the server (pg_dump), not from Fangtan.</source>
        <translation>{path} 是服务器项目：其备份在服务器上制作和恢复（pg_dump），而不是在访谈中。</translation>
    </message>
    <message>
        <source>{path} is not a server address ({detail}).</source>
        <translation>{path} 不是服务器地址（{detail}）。</translation>
    </message>
    <message>
        <source>Cannot connect to {path}: {detail}</source>
        <translation>无法连接到 {path}：{detail}</translation>
    </message>
    <message>
        <source>{path} asks for a password: give it when asked, or put it in your .pgpass file.</source>
        <translation>{path} 需要密码：请在询问时输入，或写入您的 .pgpass 文件。</translation>
    </message>
    <message>
        <source>{path} is an empty database, not yet a Fangtan project: the lead sets it up with fangtan server init.</source>
        <translation>{path} 是空数据库，还不是访谈项目：由负责人用 fangtan server init 设置。</translation>
    </message>
    <message>
        <source>{path} is already set up (schema {revision}); nothing was changed.</source>
        <translation>{path} 已经设置好了（结构版本 {revision}）；未作任何更改。</translation>
    </message>
    <message>
        <source>{path} is a server project: its backups are made on the server (pg_dump), not by Fangtan.</source>
        <translation>{path} 是服务器项目：其备份在服务器上制作（pg_dump），而不是由访谈制作。</translation>
    </message>
    <message>
        <source>Cannot give an account on {path}: {detail}</source>
        <translation>无法在 {path} 上开设账户：{detail}</translation>
    </message>
    <message>
        <source>{path} uses an older schema ({revision}): the lead upgrades it with fangtan server upgrade. Nothing was changed.</source>
        <translation>{path} 使用较旧的结构版本（{revision}）：由负责人用 fangtan server upgrade 升级。未作任何更改。</translation>
    </message>
    <message>
        <source>The server refused this change: {detail}</source>
        <translation>服务器拒绝了此更改：{detail}</translation>
    </message>
    <message>
        <source>{path} is empty: there is no project in it to copy. Nothing was copied.</source>
        <translation>{path} 是空的：其中没有可复制的项目。未复制任何内容。</translation>
    </message>
    <message>
        <source>{path} already exists: a project is copied into a new file only. Nothing was copied.</source>
        <translation>{path} 已存在：项目只能复制到新文件中。未复制任何内容。</translation>
    </message>
    <message>
        <source>{path} is not an empty database: a project is copied into an empty one only. Nothing was copied.</source>
        <translation>{path} 不是空数据库：项目只能复制到空数据库中。未复制任何内容。</translation>
    </message>
    <message>
        <source>Copying {path} needs a lead's login: an annotator does not see everyone's work. Nothing was copied.</source>
        <translation>复制 {path} 需要负责人的登录：标注员看不到所有人的工作。未复制任何内容。</translation>
    </message>
    <message>
        <source>The copy in {path} did not match its source ({detail}), so it was not kept.</source>
        <translation>{path} 中的副本与源项目不一致（{detail}），因此未保留。</translation>
    </message>
    <message>
        <source>Copying the project to {path} failed ({detail}). Nothing was copied.</source>
        <translation>将项目复制到 {path} 失败（{detail}）。未复制任何内容。</translation>
    </message>
    <message>
        <source>Cannot write the report {path}: {detail}.</source>
        <translation>无法写入报告 {path}：{detail}。</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>{count} jieba tokens split at span boundaries</source>
        <translation>有 {count} 个 jieba 词在标注边界处被切开</translation>
    </message>
    <message>
        <source>{count} overlapping spans left out of the BIO tags (the longest span wins)</source>
        <translation>有 {count} 段重叠的标注未写入 BIO 标记（以最长的一段为准）</translation>
    </message>
    <message>
        <source>{count} spans identical to another (same tag and place) written once</source>
        <translation>有 {count} 段标注与另一段完全相同（同一标签同一位置），只写一次</translation>
    </message>
    <message>
        <source>{count} spans hold only spaces or line breaks and have no tokens</source>
        <translation>有 {count} 段标注只有空格或换行，没有词</translation>
    </message>
    <message>
        <source>{count} tag names with spaces written with underscores</source>
        <translation>有 {count} 个含空格的标签名以下划线写出</translation>
    </message>
    <message>
        <source>{count} spans across line breaks written as brat fragments</source>
        <translation>有 {count} 段跨行标注以 brat 片段写出</translation>
    </message>
    <message>
        <source>{count} spans holding only line breaks left out (brat cannot show them)</source>
        <translation>有 {count} 段只含换行的标注未写出（brat 无法显示）</translation>
    </message>
    <message>
        <source>{count} notes with line breaks or tabs written on one line</source>
        <translation>有 {count} 条含换行或制表符的备注写成了一行</translation>
    </message>
    <message>
        <source>{count} names or notes had characters XML cannot hold, replaced by �</source>
        <translation>有 {count} 个名称或备注含 XML 不能容纳的字符，已替换为 �</translation>
    </message>
    <message>
        <source>{count} cells had control characters Excel cannot hold, replaced by �</source>
        <translation>有 {count} 个单元格含 Excel 不能容纳的控制字符，已替换为 �</translation>
    </message>
    <message>
        <source>{count} cells longer than Excel's 32,767 characters were cut</source>
        <translation>有 {count} 个单元格超过 Excel 的 32,767 字符上限，已截断</translation>
    </message>
    <message>
        <source>{count} documents contain carriage returns; programs that convert line endings will count positions differently</source>
        <translation>有 {count} 篇文档含回车符；转换换行符的程序计算的位置会不同</translation>
    </message>
    <message>
        <source>1 jieba token split at span boundaries</source>
        <translation>有 1 个 jieba 词在标注边界处被切开</translation>
    </message>
    <message>
        <source>1 overlapping span left out of the BIO tags (the longest span wins)</source>
        <translation>有 1 段重叠的标注未写入 BIO 标记（以最长的一段为准）</translation>
    </message>
    <message>
        <source>1 span identical to another (same tag and place) written once</source>
        <translation>有 1 段标注与另一段完全相同（同一标签同一位置），只写一次</translation>
    </message>
    <message>
        <source>1 span holds only spaces or line breaks and has no tokens</source>
        <translation>有 1 段标注只有空格或换行，没有词</translation>
    </message>
    <message>
        <source>1 tag name with spaces written with underscores</source>
        <translation>有 1 个含空格的标签名以下划线写出</translation>
    </message>
    <message>
        <source>1 span across line breaks written as brat fragments</source>
        <translation>有 1 段跨行标注以 brat 片段写出</translation>
    </message>
    <message>
        <source>1 span holding only line breaks left out (brat cannot show it)</source>
        <translation>有 1 段只含换行的标注未写出（brat 无法显示）</translation>
    </message>
    <message>
        <source>1 note with line breaks or tabs written on one line</source>
        <translation>有 1 条含换行或制表符的备注写成了一行</translation>
    </message>
    <message>
        <source>1 name or note had characters XML cannot hold, replaced by �</source>
        <translation>有 1 个名称或备注含 XML 不能容纳的字符，已替换为 �</translation>
    </message>
    <message>
        <source>1 cell had control characters Excel cannot hold, replaced by �</source>
        <translation>有 1 个单元格含 Excel 不能容纳的控制字符，已替换为 �</translation>
    </message>
    <message>
        <source>1 cell longer than Excel's 32,767 characters was cut</source>
        <translation>有 1 个单元格超过 Excel 的 32,767 字符上限，已截断</translation>
    </message>
    <message>
        <source>1 document contains carriage returns; programs that convert line endings will count positions differently</source>
        <translation>有 1 篇文档含回车符；转换换行符的程序计算的位置会不同</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>CSV — one row per annotation (Excel)</source>
        <translation>CSV — 每条标注一行（Excel）</translation>
    </message>
    <message>
        <source>Turns CSV — one row per Q&amp;A turn, 0/1 per tag</source>
        <translation>发言 CSV — 每个问答发言一行，每个标签 0/1</translation>
    </message>
    <message>
        <source>Documents CSV — one row per document, counts per tag</source>
        <translation>文档 CSV — 每篇文档一行，各标签计数</translation>
    </message>
    <message>
        <source>Excel workbook — the three tables as sheets, coloured by tag</source>
        <translation>Excel 工作簿 — 三张表各为一页，按标签着色</translation>
    </message>
    <message>
        <source>doccano JSONL — spans per document</source>
        <translation>doccano JSONL — 每篇文档的标注片段</translation>
    </message>
    <message>
        <source>Label Studio JSON — tasks with span results</source>
        <translation>Label Studio JSON — 含标注结果的任务</translation>
    </message>
    <message>
        <source>brat — a .txt and .ann per document (folder)</source>
        <translation>brat — 每篇文档一个 .txt 和 .ann（文件夹）</translation>
    </message>
    <message>
        <source>CoNLL — BIO tags per token or character</source>
        <translation>CoNLL — 按词或按字的 BIO 标记</translation>
    </message>
    <message>
        <source>REFI-QDA project (NVivo, ATLAS.ti, MAXQDA, QualCoder)</source>
        <translation>REFI-QDA 项目（NVivo、ATLAS.ti、MAXQDA、QualCoder）</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>全部文档</translation>
    </message>
    <message>
        <source>Only the current document</source>
        <translation>仅当前文档</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>任何状态</translation>
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
        <source>everyone (or names, comma-separated)</source>
        <translation>所有人（或用逗号分隔的名字）</translation>
    </message>
    <message>
        <source>Include notes</source>
        <translation>包含备注</translation>
    </message>
    <message>
        <source>jieba words</source>
        <translation>jieba 词</translation>
    </message>
    <message>
        <source>characters</source>
        <translation>单字</translation>
    </message>
    <message>
        <source>Train/dev/test split by document</source>
        <translation>按文档划分训练/验证/测试集</translation>
    </message>
    <message>
        <source>Separate files (train, dev, test)</source>
        <translation>分成单独文件（train、dev、test）</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>随机种子：</translation>
    </message>
    <message>
        <source>Shares:</source>
        <translation>比例：</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Save to:</source>
        <translation>保存到：</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>Documents:</source>
        <translation>文档：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Annotators:</source>
        <translation>标注人：</translation>
    </message>
    <message>
        <source>Headers:</source>
        <translation>表头：</translation>
    </message>
    <message>
        <source>Units:</source>
        <translation>单位：</translation>
    </message>
    <message>
        <source>Export to a Folder</source>
        <translation>导出到文件夹</translation>
    </message>
</context>
<context>
    <name>FirstScreenWindow</name>
    <message>
        <source>Opening the project…</source>
        <translation>正在打开项目…</translation>
    </message>
</context>
<context>
    <name>GuidelinePanel</name>
    <message>
        <source>Definition</source>
        <translation>定义</translation>
    </message>
    <message>
        <source>When to use</source>
        <translation>何时使用</translation>
    </message>
    <message>
        <source>When not to use</source>
        <translation>何时不用</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>No guideline yet: right-click the tag ▸ Edit to write one.</source>
        <translation>尚无编码说明：右键单击标签 ▸ 编辑即可撰写。</translation>
    </message>
    <message>
        <source>Place the cursor in a tagged passage to see its tag's guideline.</source>
        <translation>将光标放在已标注的段落中，即可查看其标签的编码说明。</translation>
    </message>
    <message>
        <source>Guideline</source>
        <translation>编码说明</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>Tag “%1”</source>
        <translation>标注“%1”</translation>
    </message>
    <message>
        <source>Remove Tag “%1”</source>
        <translation>移除标注“%1”</translation>
    </message>
    <message>
        <source>Remove 1 Annotation</source>
        <translation>移除 1 条标注</translation>
    </message>
    <message>
        <source>Remove %1 Annotations</source>
        <translation>移除 %1 条标注</translation>
    </message>
    <message>
        <source>Edit Note</source>
        <translation>编辑备注</translation>
    </message>
    <message>
        <source>Edit Properties of “%1”</source>
        <translation>编辑“%1”的属性</translation>
    </message>
    <message>
        <source>New Tag “%1”</source>
        <translation>新建标签“%1”</translation>
    </message>
    <message>
        <source>Edit Tag “%1”</source>
        <translation>编辑标签“%1”</translation>
    </message>
    <message>
        <source>Delete Tag “%1”</source>
        <translation>删除标签“%1”</translation>
    </message>
    <message>
        <source>Move Tag “%1”</source>
        <translation>移动标签“%1”</translation>
    </message>
    <message>
        <source>Archive Tag “%1”</source>
        <translation>归档标签“%1”</translation>
    </message>
    <message>
        <source>Restore Tag “%1” from the Archive</source>
        <translation>从归档中恢复标签“%1”</translation>
    </message>
    <message>
        <source>Tag 1 Search Hit “%2”</source>
        <translation>将 1 处搜索结果标注为“%2”</translation>
    </message>
    <message>
        <source>Tag %1 Search Hits “%2”</source>
        <translation>将 %1 处搜索结果标注为“%2”</translation>
    </message>
    <message>
        <source>Accept Suggestion “%1”</source>
        <translation>接受建议“%1”</translation>
    </message>
    <message>
        <source>Reject Suggestion “%1”</source>
        <translation>拒绝建议“%1”</translation>
    </message>
    <message>
        <source>Accept 1 Suggestion</source>
        <translation>接受 1 条建议</translation>
    </message>
    <message>
        <source>Accept %1 Suggestions</source>
        <translation>接受 %1 条建议</translation>
    </message>
    <message>
        <source>Edit Trigger Words</source>
        <translation>编辑触发词</translation>
    </message>
    <message>
        <source>Set Speaker of Turn %1 to “%2”</source>
        <translation>将第 %1 段的发言人设为“%2”</translation>
    </message>
    <message>
        <source>Change Kind of Turn %1</source>
        <translation>更改第 %1 段的类型</translation>
    </message>
    <message>
        <source>Split Turn %1</source>
        <translation>拆分第 %1 段</translation>
    </message>
    <message>
        <source>Merge Turn %1 into the One Before</source>
        <translation>将第 %1 段并入上一段</translation>
    </message>
    <message>
        <source>Rename Speaker “%1” to “%2”</source>
        <translation>将发言人“%1”改名为“%2”</translation>
    </message>
    <message>
        <source>Set Interviewees “%1”</source>
        <translation>设置受访者“%1”</translation>
    </message>
    <message>
        <source>Detect Turns Again</source>
        <translation>重新识别发言段</translation>
    </message>
    <message>
        <source>Assign %1 Interviews to %2</source>
        <translation>将 %1 篇访谈分配给 %2</translation>
    </message>
    <message>
        <source>Assign 1 Interview to %2</source>
        <translation>将 1 篇访谈分配给 %2</translation>
    </message>
    <message>
        <source>Mark “%1” Done for %2</source>
        <translation>为 %2 将“%1”标为完成</translation>
    </message>
    <message>
        <source>Mark “%1” Not Done for %2</source>
        <translation>为 %2 取消“%1”的完成标记</translation>
    </message>
    <message>
        <source>Adjudicate %1 Interviews (%2)</source>
        <translation>裁定 %1 篇访谈（%2）</translation>
    </message>
    <message>
        <source>Adjudicate 1 Interview (%2)</source>
        <translation>裁定 1 篇访谈（%2）</translation>
    </message>
    <message>
        <source>Accept into Gold in “%1”</source>
        <translation>在“%1”中采纳入金标</translation>
    </message>
    <message>
        <source>Reject for Gold in “%1”</source>
        <translation>在“%1”中驳回金标</translation>
    </message>
    <message>
        <source>Mark Curation of “%1” Done</source>
        <translation>将“%1”的审定标为完成</translation>
    </message>
    <message>
        <source>Reopen Curation of “%1”</source>
        <translation>重新审定“%1”</translation>
    </message>
    <message>
        <source>Add “%1” to the dictionary</source>
        <translation>将“%1”加入词典</translation>
    </message>
    <message>
        <source>Add %1 words to the dictionary</source>
        <translation>将 %1 个词加入词典</translation>
    </message>
    <message>
        <source>Remove “%1” from the dictionary</source>
        <translation>从词典中移除“%1”</translation>
    </message>
    <message>
        <source>Remove %1 words from the dictionary</source>
        <translation>从词典中移除 %1 个词</translation>
    </message>
    <message>
        <source>Add stop word “%1”</source>
        <translation>添加停用词“%1”</translation>
    </message>
    <message>
        <source>Add %1 stop words</source>
        <translation>添加 %1 个停用词</translation>
    </message>
    <message>
        <source>Remove stop word “%1”</source>
        <translation>移除停用词“%1”</translation>
    </message>
    <message>
        <source>Remove %1 stop words</source>
        <translation>移除 %1 个停用词</translation>
    </message>
    <message>
        <source>Import Codebook “%1”</source>
        <translation>导入编码本“%1”</translation>
    </message>
    <message>
        <source>Merge Tag “%1” into “%2”</source>
        <translation>将标签“%1”合并到“%2”</translation>
    </message>
    <message>
        <source>Split Tag “%1”</source>
        <translation>拆分标签“%1”</translation>
    </message>
</context>
<context>
    <name>HitTableModel</name>
    <message>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>发言人</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>前文</translation>
    </message>
    <message>
        <source>Hit</source>
        <translation>命中</translation>
    </message>
    <message>
        <source>After</source>
        <translation>后文</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>named {suffix} but is plain text; it was read as text</source>
        <translation>扩展名为 {suffix}，实为纯文本，已按纯文本读取</translation>
    </message>
    <message>
        <source>named {suffix} but is a Word document; it was read as one</source>
        <translation>扩展名为 {suffix}，实为 Word 文档，已按 Word 文档读取</translation>
    </message>
    <message>
        <source>named {suffix} but is a web page; it was read as one</source>
        <translation>扩展名为 {suffix}，实为网页，已按网页读取</translation>
    </message>
    <message>
        <source>named {suffix} but is a PDF document; it was read as one</source>
        <translation>扩展名为 {suffix}，实为 PDF 文档，已按 PDF 读取</translation>
    </message>
    <message>
        <source>declares the charset {charset}, which Fangtan does not read; its encoding was detected instead</source>
        <translation>声明的字符集 {charset} 访谈不支持，已改为自动识别编码</translation>
    </message>
    <message>
        <source>declares the charset {charset}, but its bytes do not fit it; its encoding was detected instead</source>
        <translation>声明的字符集为 {charset}，但内容与之不符，已改为自动识别编码</translation>
    </message>
    <message>
        <source>{count} characters whose font gives no Unicode value were left out</source>
        <translation>有 {count} 个字符的字体未给出 Unicode 编码，已略去</translation>
    </message>
    <message>
        <source>{count} running header, footer and page-number lines were removed</source>
        <translation>已去除 {count} 行页眉、页脚和页码</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import Interviews</source>
        <translation>导入访谈</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>识别结果</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <source>Split the file into its interviews</source>
        <translation>把文件拆分为其中的各篇访谈</translation>
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
        <source>Encoding:</source>
        <translation>编码：</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <source>Interviewee:</source>
        <translation>受访者：</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>职务：</translation>
    </message>
    <message>
        <source>Reporter:</source>
        <translation>记者：</translation>
    </message>
    <message>
        <source>Outlet:</source>
        <translation>媒体：</translation>
    </message>
    <message>
        <source>Turns (set a turn's kind in its box):</source>
        <translation>发言段（在下拉框中设置每段的类型）：</translation>
    </message>
    <message>
        <source>published %1</source>
        <translation>发表于 %1</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>无日期</translation>
    </message>
    <message>
        <source>Guessed, please check:</source>
        <translation>以下为推测，请核对：</translation>
    </message>
    <message>
        <source>Fix it here: who asks in Speakers, a turn's kind in its box.</source>
        <translation>在此修正：在“发言人”表中设定谁提问，在各段的下拉框中设定类型。</translation>
    </message>
    <message>
        <source>Not readable</source>
        <translation>无法读取</translation>
    </message>
    <message numerus="yes">
        <source>%n interview(s)</source>
        <translation>
            <numerusform>%n 篇访谈</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n already in the project</source>
        <translation>
            <numerusform>，其中 %n 篇已在项目中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n note(s)</source>
        <translation>
            <numerusform>，%n 条提示</numerusform>
        </translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Word document</source>
        <translation>Word 文档</translation>
    </message>
    <message>
        <source>Web page</source>
        <translation>网页</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <source>(already in the project: skipped)</source>
        <translation>（已在项目中：跳过）</translation>
    </message>
    <message>
        <source>Asks</source>
        <translation>提问</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>回答</translation>
    </message>
    <message numerus="yes">
        <source>%n interview(s) to import</source>
        <translation>
            <numerusform>将导入 %n 篇访谈</numerusform>
        </translation>
    </message>
    <message>
        <source>No new interviews to import</source>
        <translation>没有可导入的新访谈</translation>
    </message>
    <message numerus="yes">
        <source>; %n file(s) cannot be read</source>
        <translation>
            <numerusform>；%n 个文件无法读取</numerusform>
        </translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>ImportTurns</name>
    <message>
        <source>no speaker labels found: paragraphs are read as narration</source>
        <translation>未找到发言人标记：各段按叙述处理</translation>
    </message>
    <message>
        <source>who asks was guessed from question marks</source>
        <translation>提问方是根据问号推测的</translation>
    </message>
    <message>
        <source>the interviewee was taken from the headline</source>
        <translation>受访者取自标题</translation>
    </message>
    <message>
        <source>the interviewee is the speaker who answers most</source>
        <translation>受访者为回答最多的发言人</translation>
    </message>
    <message>
        <source>no headline found: the title is the file name</source>
        <translation>未找到标题：以文件名作为标题</translation>
    </message>
    <message>
        <source>several speakers answer: all are interviewees</source>
        <translation>有多位发言人回答：均作为受访者</translation>
    </message>
    <message>
        <source>Asks</source>
        <translation>提问</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>Narration</source>
        <translation>叙述</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>小标题</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>发言人</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
</context>
<context>
    <name>IntervieweesDialog</name>
    <message>
        <source>Interviewees</source>
        <translation>受访者</translation>
    </message>
    <message>
        <source>The turns of the speakers ticked are answers; the other speakers ask.</source>
        <translation>勾选的发言人的发言为回答，其他发言人为提问。</translation>
    </message>
</context>
<context>
    <name>KeywordModel</name>
    <message>
        <source>%1: %2 times in the tag's passages, %3 times elsewhere</source>
        <translation>%1：在该标签的段落中出现 %2 次，其他地方 %3 次</translation>
    </message>
    <message>
        <source>%1: %2 times</source>
        <translation>%1：%2 次</translation>
    </message>
    <message>
        <source>Word</source>
        <translation>词语</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>z-score</source>
        <translation>z 值</translation>
    </message>
    <message>
        <source>TF-IDF</source>
        <translation>TF-IDF</translation>
    </message>
</context>
<context>
    <name>KeywordsPanel</name>
    <message>
        <source>Document shown</source>
        <translation>当前文档</translation>
    </message>
    <message>
        <source>%1 (%2 turns)</source>
        <translation>%1（%2 段发言）</translation>
    </message>
    <message>
        <source>Choose a document, a speaker or a tag.</source>
        <translation>请选择一篇文档、一位发言人或一个标签。</translation>
    </message>
    <message>
        <source>Counting words…</source>
        <translation>正在统计词语…</translation>
    </message>
    <message>
        <source>No words in the answers here. Choose “%1” or “%2” to count more.</source>
        <translation>这里的回答中没有词。选择“%1”或“%2”以统计更多内容。</translation>
    </message>
    <message>
        <source>No words to show here.</source>
        <translation>这里没有可显示的词语。</translation>
    </message>
    <message>
        <source>%1 words in the tag's passages; z-scores of log-odds against the rest of the project.</source>
        <translation>该标签的段落共 %1 个词；显示相对项目其余部分的对数几率 z 值。</translation>
    </message>
    <message>
        <source>%1 words counted; TF-IDF weights.</source>
        <translation>共统计 %1 个词；显示 TF-IDF 权重。</translation>
    </message>
    <message>
        <source>Keywords could not be computed: %1</source>
        <translation>无法计算关键词：%1</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>关键词</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>发言人</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Only in the document shown</source>
        <translation>仅限当前文档</translation>
    </message>
    <message>
        <source>Answers only</source>
        <translation>仅回答</translation>
    </message>
    <message>
        <source>Questions and answers</source>
        <translation>问题和回答</translation>
    </message>
    <message>
        <source>All text but headings</source>
        <translation>除标题外的全部文字</translation>
    </message>
    <message>
        <source>Which turns the words are counted in. Titles, subtitles and other headings never count; a speaker's words come from all their turns.</source>
        <translation>在哪些话轮中统计词语。标题、副标题和其他小标题从不计入；某位发言人的词语来自其全部话轮。</translation>
    </message>
    <message>
        <source>Click a word to search for it</source>
        <translation>单击词语即可搜索</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Connected to the server again.</source>
        <translation>已重新连接到服务器。</translation>
    </message>
    <message>
        <source>Offline: the server cannot be reached. Trying again…</source>
        <translation>离线：无法连接到服务器。正在重试…</translation>
    </message>
    <message>
        <source>Changes made elsewhere were loaded.</source>
        <translation>已载入在别处所做的修改。</translation>
    </message>
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
        <source>Undone: %1</source>
        <translation>已撤销：%1</translation>
    </message>
    <message>
        <source>Redone: %1</source>
        <translation>已重做：%1</translation>
    </message>
    <message>
        <source>Select an annotation in the list first.</source>
        <translation>请先在列表中选择一条标注。</translation>
    </message>
    <message>
        <source>Read-only: changes cannot be saved</source>
        <translation>只读：修改无法保存</translation>
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
        <source>(read-only)</source>
        <translation>（只读）</translation>
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
        <source>Open &amp;Server Project…</source>
        <translation>打开服务器项目(&amp;S)…</translation>
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
        <source>Import &amp;Annotations…</source>
        <translation>导入标注(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Restore from Backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
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
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>重新载入(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>T&amp;ools</source>
        <translation>工具(&amp;O)</translation>
    </message>
</context>
<context>
    <name>OverviewDialog</name>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>The overview could not be worked out: %1</source>
        <translation>无法完成统计：%1</translation>
    </message>
    <message>
        <source>%1 interviews: %2 done, %3 in progress, %4 not started</source>
        <translation>共 %1 篇访谈：%2 篇已完成，%3 篇进行中，%4 篇未开始</translation>
    </message>
    <message>
        <source>Corpus Overview</source>
        <translation>语料概览</translation>
    </message>
    <message>
        <source>Tags Together</source>
        <translation>标签共现</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>标注数</translation>
    </message>
    <message>
        <source>Characters coded</source>
        <translation>已编码字数</translation>
    </message>
    <message>
        <source>Share of the answers coded</source>
        <translation>回答的编码比例</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Tags × %1</source>
        <translation>标签 × %1</translation>
    </message>
    <message>
        <source>Interview: #%1 %2</source>
        <translation>访谈：#%1 %2</translation>
    </message>
    <message>
        <source>(undated)</source>
        <translation>（无日期）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message numerus="yes">
        <source>%n interview(s)</source>
        <translation>
            <numerusform>%n 篇访谈</numerusform>
        </translation>
    </message>
    <message>
        <source>Frequencies far apart</source>
        <translation>频次相差悬殊</translation>
    </message>
    <message>
        <source>%1 is in %2 turns, %3 in %4: one tag is more than five times as frequent as the other. The c-coefficient misleads when frequencies differ this much (as ATLAS.ti warns): it stays low even when the rarer tag always comes with the other.</source>
        <translation>%1 出现在 %2 个话轮中，%3 出现在 %4 个话轮中：一个标签的频次是另一个的五倍以上。频次相差这么大时，c 系数会产生误导（ATLAS.ti 也有此提醒）：即使较少的标签总与另一个同时出现，它也仍然很低。</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV（*.csv）</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿（*.xlsx）</translation>
    </message>
    <message>
        <source>Export Table</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <source>Table written to %1</source>
        <translation>表格已写入 %1</translation>
    </message>
    <message>
        <source>Overlapping passages</source>
        <translation>重叠的段落</translation>
    </message>
    <message>
        <source>Turns with both</source>
        <translation>同时带有两者的发言段</translation>
    </message>
    <message>
        <source>c-coefficient</source>
        <translation>c 系数</translation>
    </message>
    <message>
        <source>Over Time</source>
        <translation>随时间变化</translation>
    </message>
    <message>
        <source>Coverage and Progress</source>
        <translation>覆盖与进度</translation>
    </message>
    <message>
        <source>Columns:</source>
        <translation>列：</translation>
    </message>
    <message>
        <source>Interviews</source>
        <translation>访谈</translation>
    </message>
    <message>
        <source>Interviewees</source>
        <translation>受访者</translation>
    </message>
    <message>
        <source>Outlets</source>
        <translation>媒体</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>栏目</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Measure:</source>
        <translation>度量：</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>计数</translation>
    </message>
    <message>
        <source>Row percentages</source>
        <translation>行百分比</translation>
    </message>
    <message>
        <source>Column percentages</source>
        <translation>列百分比</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Corpus &amp;Overview…</source>
        <translation>语料概览(&amp;O)…</translation>
    </message>
</context>
<context>
    <name>PassagesPanel</name>
    <message>
        <source>%1 of %2 passages</source>
        <translation>共 %2 段，已列出 %1 段</translation>
    </message>
    <message>
        <source>Export Coded Passages</source>
        <translation>导出已编码段落</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel（*.xlsx）</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>网页（*.html）</translation>
    </message>
    <message>
        <source>%1 passages written to %2</source>
        <translation>已将 %1 段写入 %2</translation>
    </message>
    <message>
        <source>Coded Passages</source>
        <translation>已编码段落</translation>
    </message>
    <message>
        <source>Every tag</source>
        <translation>所有标签</translation>
    </message>
    <message>
        <source>Every interviewee</source>
        <translation>所有受访者</translation>
    </message>
    <message>
        <source>Every annotator</source>
        <translation>所有标注者</translation>
    </message>
    <message>
        <source>Every outlet</source>
        <translation>所有媒体</translation>
    </message>
    <message>
        <source>Every series</source>
        <translation>所有栏目</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>任意状态</translation>
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
        <source>Published:</source>
        <translation>发布日期：</translation>
    </message>
    <message>
        <source>from any date</source>
        <translation>起始不限</translation>
    </message>
    <message>
        <source>to any date</source>
        <translation>截止不限</translation>
    </message>
    <message>
        <source>List the passages of every interview</source>
        <translation>列出所有访谈的段落</translation>
    </message>
    <message>
        <source>Questions and answers</source>
        <translation>提问和回答</translation>
    </message>
    <message>
        <source>Answers only</source>
        <translation>仅回答</translation>
    </message>
    <message>
        <source>Questions only</source>
        <translation>仅提问</translation>
    </message>
    <message>
        <source>Containing… (Enter)</source>
        <translation>包含…（回车）</translation>
    </message>
    <message>
        <source>Not grouped</source>
        <translation>不分组</translation>
    </message>
    <message>
        <source>Grouped by interview</source>
        <translation>按访谈分组</translation>
    </message>
    <message>
        <source>Grouped by tag</source>
        <translation>按标签分组</translation>
    </message>
    <message>
        <source>Interview</source>
        <translation>访谈</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>发言人</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Passage</source>
        <translation>段落</translation>
    </message>
    <message>
        <source>Show More</source>
        <translation>显示更多</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Server Password</source>
        <translation>服务器密码</translation>
    </message>
    <message>
        <source>%1 asks for a password.</source>
        <translation>%1 需要密码。</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>Team Progress</source>
        <translation>团队进度</translation>
    </message>
    <message>
        <source>assigned</source>
        <translation>已分配</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Interview</source>
        <translation>访谈</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>%1 interviews, %2 annotators</source>
        <translation>%1 篇访谈，%2 位标注者</translation>
    </message>
</context>
<context>
    <name>ProgressPage</name>
    <message>
        <source>Coverage</source>
        <translation>覆盖</translation>
    </message>
    <message>
        <source>Annotators' Progress</source>
        <translation>标注者进度</translation>
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
        <source>Interview</source>
        <translation>访谈</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Answer characters</source>
        <translation>回答字数</translation>
    </message>
    <message>
        <source>Coded</source>
        <translation>已编码</translation>
    </message>
    <message>
        <source>Share coded</source>
        <translation>编码比例</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>标注者</translation>
    </message>
    <message>
        <source>Assigned, not begun</source>
        <translation>已分配未开始</translation>
    </message>
    <message>
        <source>Untouched</source>
        <translation>未涉及</translation>
    </message>
    <message>
        <source>Share done</source>
        <translation>完成比例</translation>
    </message>
    <message>
        <source>How much of each interview's answers is coded (double-click to open it)</source>
        <translation>每篇访谈的回答有多少已编码（双击打开）</translation>
    </message>
    <message>
        <source>Each annotator's interviews</source>
        <translation>每位标注者的访谈</translation>
    </message>
    <message>
        <source>Nobody has annotated yet. Assign interviews with Team ▸ Assign Interviews….</source>
        <translation>还没有人标注。可通过“团队 ▸ 分配访谈…”分配访谈。</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <comment>All other platforms</comment>
        <translation>快捷方式</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
    <message>
        <source>Show </source>
        <translation>显示</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Coding report</source>
        <translation>编码报告</translation>
    </message>
    <message>
        <source>Interviews: {count}</source>
        <translation>访谈：{count} 篇</translation>
    </message>
    <message>
        <source>Annotations of everyone</source>
        <translation>所有人的标注</translation>
    </message>
    <message>
        <source>Annotations of {names}</source>
        <translation>{names} 的标注</translation>
    </message>
    <message>
        <source>Made on {date}</source>
        <translation>生成于 {date}</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <source>No passage is coded.</source>
        <translation>没有已编码的段落。</translation>
    </message>
    <message>
        <source>Where passages overlap, the innermost one gives the colour; a passage that one more tag covers is underlined in that tag's colour, one that several more cover has a wavy line. Numbers after a passage refer to the notes below the interview.</source>
        <translation>段落重叠时，以最内层的段落着色；另有一个标签覆盖的段落以该标签的颜色加下划线，另有多个标签覆盖的段落加波浪线。段落后的数字对应访谈下方的备注。</translation>
    </message>
    <message>
        <source>Interviewee</source>
        <translation>受访者</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>媒体</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>栏目</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>发表日期</translation>
    </message>
    <message>
        <source>Reporter</source>
        <translation>记者</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Summary by tag</source>
        <translation>按标签汇总</translation>
    </message>
    <message>
        <source>Summary of all interviews in this report</source>
        <translation>本报告所有访谈的汇总</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>Characters coded</source>
        <translation>已编码字数</translation>
    </message>
    <message>
        <source>Share of answer text coded</source>
        <translation>回答文本编码比例</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <source>Answer text: {count} characters.</source>
        <translation>回答文本：{count} 字。</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>the PDF could not be written</source>
        <translation>无法写入 PDF</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>The interview on screen</source>
        <translation>当前显示的访谈</translation>
    </message>
    <message>
        <source>The interviews ticked below</source>
        <translation>下面勾选的访谈</translation>
    </message>
    <message numerus="yes">
        <source>All interviews (%n)</source>
        <translation>
            <numerusform>全部访谈（%n 篇）</numerusform>
        </translation>
    </message>
    <message>
        <source>All interviews</source>
        <translation>全部访谈</translation>
    </message>
    <message>
        <source>PDF, to print or send</source>
        <translation>PDF，用于打印或发送</translation>
    </message>
    <message>
        <source>Web page (HTML)</source>
        <translation>网页（HTML）</translation>
    </message>
    <message>
        <source>Mine (%1)</source>
        <translation>我的（%1）</translation>
    </message>
    <message>
        <source>Everyone's</source>
        <translation>所有人的</translation>
    </message>
    <message>
        <source>Interviews:</source>
        <translation>访谈：</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Annotations:</source>
        <translation>标注：</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
</context>
<context>
    <name>ReportExport</name>
    <message>
        <source>PDF files (%1)</source>
        <translation>PDF 文件（%1）</translation>
    </message>
    <message>
        <source>Web pages (%1)</source>
        <translation>网页（%1）</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>Please wait: a report is being made.</source>
        <translation>请稍候：正在生成报告。</translation>
    </message>
    <message numerus="yes">
        <source>Report of %n interview(s) written to %1.</source>
        <translation>
            <numerusform>%n 篇访谈的报告已写入 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export &amp;Report…</source>
        <translation>导出报告(&amp;R)…</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from Backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文档数</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>标注数</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>On opening</source>
        <translation>打开时</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>恢复之前</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Restoring replaces the project with the chosen copy. The project as it is now is kept as one more backup first.</source>
        <translation>恢复会用所选的副本替换项目。替换之前，项目的当前状态会先另存为一份备份。</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Any passage</source>
        <translation>任意段落</translation>
    </message>
    <message>
        <source>Open a document first.</source>
        <translation>请先打开一篇文档。</translation>
    </message>
    <message>
        <source>No hits.</source>
        <translation>没有找到。</translation>
    </message>
    <message>
        <source>More than %1 hits; the first %1 are listed.</source>
        <translation>结果超过 %1 处，只列出前 %1 处。</translation>
    </message>
    <message>
        <source>1 hit.</source>
        <translation>找到 1 处。</translation>
    </message>
    <message>
        <source>%1 hits.</source>
        <translation>找到 %1 处。</translation>
    </message>
    <message>
        <source>%1 hits in %2 documents.</source>
        <translation>在 %2 篇文档中找到 %1 处。</translation>
    </message>
    <message>
        <source>Search for something first, then tag its hits.</source>
        <translation>请先搜索，再标注搜索结果。</translation>
    </message>
    <message>
        <source>The codebook has no tags yet.</source>
        <translation>标签集中还没有标签。</translation>
    </message>
    <message>
        <source>Every hit already carries the tag “%1”.</source>
        <translation>所有结果都已标注为“%1”。</translation>
    </message>
    <message>
        <source>Tagged %1 hits as “%2”. Ctrl+Z undoes.</source>
        <translation>已将 %1 处结果标注为“%2”。按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>%1 already had the tag.</source>
        <translation>其中 %1 处原已有该标签。</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Search: any characters, then Enter</source>
        <translation>搜索：输入任意字符后按回车</translation>
    </message>
    <message>
        <source>This document only</source>
        <translation>仅当前文档</translation>
    </message>
    <message>
        <source>inside</source>
        <translation>之内</translation>
    </message>
    <message>
        <source>outside</source>
        <translation>之外</translation>
    </message>
    <message>
        <source>Hits inside or outside passages with the chosen tag</source>
        <translation>在带所选标签的段落之内或之外的结果</translation>
    </message>
    <message>
        <source>Answers only</source>
        <translation>仅回答</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <source>Tag All Hits…</source>
        <translation>标注全部结果…</translation>
    </message>
    <message>
        <source>&amp;Find in Document…</source>
        <translation>在文档中查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Find in &amp;Project…</source>
        <translation>在项目中查找(&amp;P)…</translation>
    </message>
    <message>
        <source>Find Ne&amp;xt</source>
        <translation>查找下一个(&amp;X)</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>查找上一个(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Tag All Hits…</source>
        <translation>标注全部结果(&amp;T)…</translation>
    </message>
</context>
<context>
    <name>ServerOpenDialog</name>
    <message>
        <source>— server %1</source>
        <translation>— 服务器 %1</translation>
    </message>
    <message>
        <source>Offline — server: %1</source>
        <translation>离线 — 服务器：%1</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>服务器：%1</translation>
    </message>
    <message>
        <source>Open Server Project</source>
        <translation>打开服务器项目</translation>
    </message>
    <message>
        <source>The team's database, named by the lead</source>
        <translation>团队的数据库，名称由负责人提供</translation>
    </message>
    <message>
        <source>Your login on the server</source>
        <translation>您在服务器上的登录名</translation>
    </message>
    <message>
        <source>The password is asked for when the server wants one, and is not saved.</source>
        <translation>服务器需要密码时才会询问，且不会保存。</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>主机(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>数据库(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>用户(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;SSL mode:</source>
        <translation>SSL 模式(&amp;S)：</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>Prefer (encrypted when the server offers it)</source>
        <translation>优先（服务器提供时加密）</translation>
    </message>
    <message>
        <source>Require (always encrypted)</source>
        <translation>必须（始终加密）</translation>
    </message>
    <message>
        <source>Disable (never encrypted)</source>
        <translation>禁用（从不加密）</translation>
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
        <source>This project is read-only, so its settings cannot be changed.</source>
        <translation>此项目是只读的，无法修改它的设置。</translation>
    </message>
    <message>
        <source>A copy of the project is taken each time it is opened. Beyond this number, the oldest copies are deleted at the next one.</source>
        <translation>每次打开项目时都会保存一份副本。超出这个数目时，最旧的副本会在下一次备份时删除。</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>界面语言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Annotator:</source>
        <translation>标注人(&amp;A)：</translation>
    </message>
    <message>
        <source>This project</source>
        <translation>当前项目</translation>
    </message>
    <message>
        <source>&amp;Backups to keep:</source>
        <translation>保留备份数(&amp;B)：</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Tag with “{name}”</source>
        <translation>标注为“{name}”</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Edit the note of the selected annotation</source>
        <translation>编辑所选标注的备注</translation>
    </message>
    <message>
        <source>Undo (also after reopening the project)</source>
        <translation>撤销（重新打开项目后也可以）</translation>
    </message>
    <message>
        <source>Delete the selected annotations (in the list)</source>
        <translation>删除所选标注（在列表中）</translation>
    </message>
    <message>
        <source>Search this document</source>
        <translation>在本文档中搜索</translation>
    </message>
    <message>
        <source>Search the whole project</source>
        <translation>在整个项目中搜索</translation>
    </message>
    <message>
        <source>Next / previous search hit</source>
        <translation>下一个 / 上一个搜索结果</translation>
    </message>
    <message>
        <source>Move the selection's end by one word</source>
        <translation>把选区的末端移动一个词</translation>
    </message>
    <message>
        <source>drag</source>
        <comment>hold the key and drag the mouse</comment>
        <translation>拖动</translation>
    </message>
    <message>
        <source>Select exact characters, not whole words</source>
        <translation>精确选择字符，而不是整词</translation>
    </message>
    <message>
        <source>Double-click</source>
        <translation>双击</translation>
    </message>
    <message>
        <source>Select a word</source>
        <translation>选中一个词</translation>
    </message>
    <message>
        <source>Accept / reject / skip a suggested tag</source>
        <translation>接受 / 拒绝 / 跳过建议的标签</translation>
    </message>
    <message>
        <source>Show the keywords</source>
        <translation>显示关键词</translation>
    </message>
    <message>
        <source>Show the coded passages</source>
        <translation>显示已编码段落</translation>
    </message>
    <message>
        <source>Focus on the text: hide the panels, or show them</source>
        <translation>专注阅读：隐藏或显示各面板</translation>
    </message>
    <message>
        <source>Document properties: people, dates, who asks</source>
        <translation>文档属性：人物、日期、谁提问</translation>
    </message>
    <message>
        <source>Import interview files / a folder</source>
        <translation>导入访谈文件 / 文件夹</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Open a project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>Reload what another window or program saved</source>
        <translation>重新载入其他窗口或程序保存的内容</translation>
    </message>
    <message>
        <source>Select a passage and press a tag's key. With nothing selected, the tag goes on the whole turn under the cursor.</source>
        <translation>选中一段文字后按标签的快捷键。未选中文字时，标签会加在光标所在的整个发言段上。</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
</context>
<context>
    <name>StructureMenu</name>
    <message>
        <source>&amp;Structure</source>
        <translation>结构(&amp;S)</translation>
    </message>
    <message>
        <source>Speaker of This Turn…</source>
        <translation>本段发言人…</translation>
    </message>
    <message>
        <source>This Turn Is</source>
        <translation>本段是</translation>
    </message>
    <message>
        <source>A Question</source>
        <translation>提问</translation>
    </message>
    <message>
        <source>An Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>Narration</source>
        <translation>叙述</translation>
    </message>
    <message>
        <source>A Heading</source>
        <translation>小标题</translation>
    </message>
    <message>
        <source>Split Turn Here</source>
        <translation>在此处拆分发言段</translation>
    </message>
    <message>
        <source>Merge with Previous Turn</source>
        <translation>与上一段合并</translation>
    </message>
    <message>
        <source>Rename Speaker…</source>
        <translation>发言人改名…</translation>
    </message>
    <message>
        <source>Interviewees…</source>
        <translation>受访者…</translation>
    </message>
    <message>
        <source>Read the Structure Again…</source>
        <translation>重新识别结构…</translation>
    </message>
    <message>
        <source>Place the cursor in a turn first.</source>
        <translation>请先把光标放在某个发言段中。</translation>
    </message>
    <message>
        <source>Speaker of This Turn</source>
        <translation>本段发言人</translation>
    </message>
    <message>
        <source>Who speaks in this turn:</source>
        <translation>本段的发言人：</translation>
    </message>
    <message>
        <source>Place the cursor inside the turn, where it should split.</source>
        <translation>请把光标放在发言段中要拆分的位置。</translation>
    </message>
    <message>
        <source>The first turn has no turn before it.</source>
        <translation>第一个发言段之前没有其他发言段。</translation>
    </message>
    <message>
        <source>Rename Speaker</source>
        <translation>发言人改名</translation>
    </message>
    <message>
        <source>Speaker:</source>
        <translation>发言人：</translation>
    </message>
    <message>
        <source>New name for “%1” in every turn of this interview:</source>
        <translation>本篇访谈中“%1”的所有发言改用的新名字：</translation>
    </message>
    <message>
        <source>Read the Structure Again</source>
        <translation>重新识别结构</translation>
    </message>
    <message>
        <source>Find the turns, speakers and headings of “%1” again with the current rules? Your changes to its turns are replaced; annotations stay. Undo brings the turns back.</source>
        <translation>用当前规则重新识别“%1”的发言段、发言人和小标题吗？你对发言段的修改会被替换，标注保持不变。撤销可以恢复原来的发言段。</translation>
    </message>
</context>
<context>
    <name>SuggestionWords</name>
    <message>
        <source>Suggested: %1</source>
        <translation>建议：%1</translation>
    </message>
    <message>
        <source>trigger words %1</source>
        <translation>触发词 %1</translation>
    </message>
    <message>
        <source>model %1</source>
        <translation>模型 %1</translation>
    </message>
    <message>
        <source>Confidence %1: the model's probability for this passage.</source>
        <translation>置信度 %1：模型对这段文字给出的概率。</translation>
    </message>
    <message>
        <source>Confidence %1: the share of %2's trigger-word suggestions accepted so far.</source>
        <translation>置信度 %1：“%2”的触发词建议至今被接受的比例。</translation>
    </message>
    <message>
        <source>No confidence yet: trigger words only. It appears once suggestions of this tag have been decided or the model is trained for it.</source>
        <translation>暂无置信度：仅来自触发词。此标签的建议有了取舍、或模型为它训练后才会显示。</translation>
    </message>
    <message>
        <source>The model's probability, or for trigger words the share of the tag's word suggestions accepted so far; – until either exists.</source>
        <translation>模型给出的概率；触发词则为该标签的词语建议至今被接受的比例；两者都还没有时显示“–”。</translation>
    </message>
    <message>
        <source>Model: training…</source>
        <translation>模型：正在训练…</translation>
    </message>
    <message>
        <source>Model: not trained yet. A tag needs %1 tagged passages and %2 without it; until then only trigger words suggest.</source>
        <translation>模型：尚未训练。一个标签需要 %1 段带该标签的段落和 %2 段不带的段落；在此之前只有触发词给出建议。</translation>
    </message>
    <message>
        <source>Model: trained for %1.</source>
        <translation>模型：已为 %1 训练。</translation>
    </message>
    <message>
        <source>Retraining…</source>
        <translation>正在重新训练…</translation>
    </message>
    <message>
        <source>Accept 1 suggestion with a confidence of %1 or more in “%2”?</source>
        <translation>接受“%2”中置信度不低于 %1 的 1 条建议吗？</translation>
    </message>
    <message>
        <source>Accept %3 suggestions with a confidence of %1 or more in “%2”?</source>
        <translation>接受“%2”中置信度不低于 %1 的 %3 条建议吗？</translation>
    </message>
    <message>
        <source>Accept Suggestions</source>
        <translation>接受建议</translation>
    </message>
    <message>
        <source>Each becomes an annotation; Ctrl+Z undoes them all.</source>
        <translation>每条建议都会成为一条标注；按 Ctrl+Z 可全部撤销。</translation>
    </message>
</context>
<context>
    <name>SuggestionsPanel</name>
    <message>
        <source>Suggestions</source>
        <translation>标签建议</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Passage</source>
        <translation>段落</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Accepted / offered</source>
        <translation>接受 / 提出</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>比率</translation>
    </message>
    <message>
        <source>Accept (Enter)</source>
        <translation>接受（回车）</translation>
    </message>
    <message>
        <source>Reject (Backspace)</source>
        <translation>拒绝（退格）</translation>
    </message>
    <message>
        <source>Next (Tab)</source>
        <translation>下一个（Tab）</translation>
    </message>
    <message>
        <source>Threshold:</source>
        <translation>阈值：</translation>
    </message>
    <message>
        <source>Accept All Above</source>
        <translation>接受高于阈值的全部建议</translation>
    </message>
    <message>
        <source>Trigger Words…</source>
        <translation>触发词…</translation>
    </message>
    <message>
        <source>Retrain after</source>
        <translation>每作出</translation>
    </message>
    <message>
        <source> decisions</source>
        <translation> 个决定后重新训练</translation>
    </message>
    <message>
        <source>Open an interview to see suggestions.</source>
        <translation>打开一篇访谈即可看到建议。</translation>
    </message>
    <message>
        <source>Working out suggestions for this interview…</source>
        <translation>正在为这篇访谈生成建议…</translation>
    </message>
    <message>
        <source>No suggestions for this interview.</source>
        <translation>这篇访谈没有建议。</translation>
    </message>
    <message>
        <source>%1 suggestions for this interview. Enter accepts, Backspace rejects, Tab moves on.</source>
        <translation>这篇访谈有 %1 条建议。回车接受，退格拒绝，Tab 跳到下一条。</translation>
    </message>
    <message>
        <source>No suggestion has a confidence of %1 or more.</source>
        <translation>没有置信度达到 %1 的建议。</translation>
    </message>
    <message>
        <source>Accepted %1 suggestions. Ctrl+Z undoes them all.</source>
        <translation>已接受 %1 条建议。按 Ctrl+Z 全部撤销。</translation>
    </message>
    <message>
        <source>Suggestions could not be worked out: %1</source>
        <translation>无法得出建议：%1</translation>
    </message>
</context>
<context>
    <name>TagChooser</name>
    <message>
        <source>Tag All Hits</source>
        <translation>标注全部结果</translation>
    </message>
    <message>
        <source>Tag all %1 hits with:</source>
        <translation>将全部 %1 处结果标注为：</translation>
    </message>
    <message>
        <source>Hits that already carry the tag are left as they are.</source>
        <translation>已带有该标签的结果保持不变。</translation>
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
        <source>&amp;Definition:</source>
        <translation>定义(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;When to use:</source>
        <translation>何时使用(&amp;W)：</translation>
    </message>
    <message>
        <source>When n&amp;ot to use:</source>
        <translation>何时不用(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Example:</source>
        <translation>示例(&amp;E)：</translation>
    </message>
    <message>
        <source>Tag Colour</source>
        <translation>标签颜色</translation>
    </message>
</context>
<context>
    <name>TagMappingDialog</name>
    <message>
        <source>Tags in the File</source>
        <translation>文件中的标签</translation>
    </message>
    <message>
        <source>In the file</source>
        <translation>文件中</translation>
    </message>
    <message>
        <source>Passages</source>
        <translation>段落数</translation>
    </message>
    <message>
        <source>In this project</source>
        <translation>本项目中</translation>
    </message>
    <message>
        <source>New tag “%1”</source>
        <translation>新建标签“%1”</translation>
    </message>
    <message>
        <source>Passages go to the tag chosen on the right.</source>
        <translation>段落将归入右侧所选的标签。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>TagMergeDialog</name>
    <message>
        <source>Merge Tag</source>
        <translation>合并标签</translation>
    </message>
    <message>
        <source>Every annotation, trigger word and child tag of “%1” moves to the tag chosen below, and “%1” is deleted. Edit ▸ Undo brings it back.</source>
        <translation>“%1”的所有标注、触发词和子标签都将移到下面选择的标签，“%1”将被删除。编辑 ▸ 撤销可将其恢复。</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Merge &amp;into:</source>
        <translation>合并到(&amp;I)：</translation>
    </message>
</context>
<context>
    <name>TagPanel</name>
    <message>
        <source>Shortcut: %1</source>
        <translation>快捷键：%1</translation>
    </message>
    <message>
        <source>Archived: kept with its annotations, not offered for tagging</source>
        <translation>已归档：保留其标注，不再用于标注</translation>
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
        <source>Merge Into…</source>
        <translation>合并到…</translation>
    </message>
    <message>
        <source>Split…</source>
        <translation>拆分…</translation>
    </message>
    <message>
        <source>Restore from Archive</source>
        <translation>从归档中恢复</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>归档</translation>
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
        <source>Show Archived Tags</source>
        <translation>显示已归档标签</translation>
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
    <name>TagSplitDialog</name>
    <message>
        <source>Split Tag</source>
        <translation>拆分标签</translation>
    </message>
    <message>
        <source>Tick the annotations of “%1” that move to another tag.</source>
        <translation>勾选“%1”中要移到另一个标签的标注。</translation>
    </message>
    <message>
        <source>&amp;New tag:</source>
        <translation>新标签(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Existing tag:</source>
        <translation>已有标签(&amp;E)：</translation>
    </message>
    <message>
        <source>Tick &amp;All</source>
        <translation>全部勾选(&amp;A)</translation>
    </message>
    <message>
        <source>Tick N&amp;one</source>
        <translation>全部取消(&amp;O)</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>移动</translation>
    </message>
    <message>
        <source>Interview</source>
        <translation>访谈</translation>
    </message>
    <message>
        <source>Passage</source>
        <translation>段落</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>标注者</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>TeamMenu</name>
    <message>
        <source>&amp;Team</source>
        <translation>团队(&amp;T)</translation>
    </message>
    <message>
        <source>Mark This Interview &amp;Done</source>
        <translation>将这篇访谈标为完成(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Assign Interviews…</source>
        <translation>分配访谈(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Progress…</source>
        <translation>进度(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Blind Annotation</source>
        <translation>盲标(&amp;B)</translation>
    </message>
    <message>
        <source>A&amp;greement…</source>
        <translation>一致性(&amp;G)…</translation>
    </message>
    <message>
        <source>&amp;Curate into Gold</source>
        <translation>审定为金标(&amp;C)</translation>
    </message>
    <message>
        <source>Annotators see only their own layer of an interview until everyone assigned has marked it done; you, the lead, see every layer.</source>
        <translation>在所有被分配者都把访谈标为完成之前，标注者只能看到自己的标注层；作为负责人，你能看到所有层。</translation>
    </message>
    <message>
        <source>&amp;Annotators</source>
        <translation>标注者(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Merge Annotator Projects…</source>
        <translation>合并标注者项目(&amp;M)…</translation>
    </message>
    <message>
        <source>Only &amp;My Layer (%1)</source>
        <translation>只看我的层(&amp;M)（%1）</translation>
    </message>
    <message>
        <source>&amp;All Annotators</source>
        <translation>全部标注者(&amp;A)</translation>
    </message>
    <message>
        <source>Blind annotation: other layers open when done</source>
        <translation>盲标：完成后才能看到其他层</translation>
    </message>
    <message>
        <source>Blind annotation: only your layer</source>
        <translation>盲标：只显示你的层</translation>
    </message>
    <message>
        <source>Layer: %1</source>
        <translation>标注层：%1</translation>
    </message>
    <message>
        <source>Layers: all annotators</source>
        <translation>标注层：全部标注者</translation>
    </message>
    <message>
        <source>Layers: %1</source>
        <translation>标注层：%1</translation>
    </message>
    <message>
        <source>Open a document first.</source>
        <translation>请先打开一篇文档。</translation>
    </message>
    <message>
        <source>“%1” is marked done.</source>
        <translation>“%1”已标为完成。</translation>
    </message>
    <message>
        <source>“%1” is no longer done.</source>
        <translation>“%1”已取消完成标记。</translation>
    </message>
    <message numerus="yes">
        <source>%n interview(s) assigned to %1</source>
        <translation>
            <numerusform>已将 %n 篇访谈分配给 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Blind annotation is on: you are its lead.</source>
        <translation>盲标已开启：你是负责人。</translation>
    </message>
    <message>
        <source>Blind annotation is off.</source>
        <translation>盲标已关闭。</translation>
    </message>
    <message>
        <source>Merge Annotator Projects</source>
        <translation>合并标注者项目</translation>
    </message>
    <message>
        <source>Fangtan projects (*%1)</source>
        <translation>访谈项目 (*%1)</translation>
    </message>
    <message numerus="yes">
        <source>Merged %1: %n annotation(s) added</source>
        <translation>
            <numerusform>已合并 %1：新增 %n 条标注</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) merged.</source>
        <translation>
            <numerusform>已合并 %n 个文件。</numerusform>
        </translation>
    </message>
    <message>
        <source>Interviews: %1 matched, %2 new</source>
        <translation>访谈：%1 篇匹配，%2 篇新增</translation>
    </message>
    <message>
        <source>Tags: %1 matched, %2 new</source>
        <translation>标签：%1 个匹配，%2 个新增</translation>
    </message>
    <message>
        <source>Annotations added: %1 (%2); %3 already here</source>
        <translation>新增标注：%1 条（%2）；%3 条已存在</translation>
    </message>
    <message>
        <source>Suggestion decisions: %1 · done marks: %2</source>
        <translation>建议决定：%1 · 完成标记：%2</translation>
    </message>
</context>
<context>
    <name>TimelineChart</name>
    <message>
        <source>No dated annotations</source>
        <translation>没有带日期的标注</translation>
    </message>
</context>
<context>
    <name>TimelinePage</name>
    <message>
        <source>Interviews without a publication date left out: %1 (%2 annotations)</source>
        <translation>未计入无发表日期的访谈：%1 篇（%2 条标注）</translation>
    </message>
    <message>
        <source>Annotations over time</source>
        <translation>标注随时间变化</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像（*.png）</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 图形（*.svg）</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>Chart written to %1</source>
        <translation>图表已写入 %1</translation>
    </message>
    <message>
        <source>The chart could not be written to %1</source>
        <translation>无法将图表写入 %1</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <source>Export SVG…</source>
        <translation>导出 SVG…</translation>
    </message>
</context>
<context>
    <name>Transfers</name>
    <message>
        <source>Import Interviews</source>
        <translation>导入访谈</translation>
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
        <source>Reading files…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <source>No interview files were found there.</source>
        <translation>那里没有找到访谈文件。</translation>
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
    <message numerus="yes">
        <source>Notes on how files were read: %n.</source>
        <translation>
            <numerusform>读取文件的提示：%n 条。</numerusform>
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
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>已取消导出，没有写入任何内容。</translation>
    </message>
    <message>
        <source>Exported %1 in %2 to %3.</source>
        <comment>annotations, documents, where</comment>
        <translation>已将 %2中的 %1导出到 %3。</translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s)</source>
        <translation>
            <numerusform>%n 条标注</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n 篇文档</numerusform>
        </translation>
    </message>
    <message>
        <source>Annotations (%1);;All files (*)</source>
        <translation>标注 (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Imported %1, creating %2.</source>
        <comment>annotations, new documents</comment>
        <translation>已导入 %1，新建了 %2。</translation>
    </message>
    <message numerus="yes">
        <source>%n new document(s)</source>
        <translation>
            <numerusform>%n 篇文档</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported %1.</source>
        <comment>annotations</comment>
        <translation>已导入 %1。</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) written</source>
        <translation>
            <numerusform>已写入 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Import Annotations</source>
        <translation>导入标注</translation>
    </message>
    <message>
        <source>Importing annotations…</source>
        <translation>正在导入标注…</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was written.</source>
        <translation>已取消导入，没有写入任何内容。</translation>
    </message>
    <message>
        <source>Interviews (%1);;All files (*)</source>
        <translation>访谈 (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>%1 of %2: %3</source>
        <translation>第 %1 / %2 个：%3</translation>
    </message>
</context>
<context>
    <name>TriggersDialog</name>
    <message>
        <source>Trigger Words</source>
        <translation>触发词</translation>
    </message>
    <message>
        <source>New words, separated by spaces or commas</source>
        <translation>新词，用空格或逗号分隔</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove Selected</source>
        <translation>移除所选(&amp;R)</translation>
    </message>
    <message>
        <source>A sentence or turn that contains one of these words is suggested for the tag.</source>
        <translation>含有其中任一词的句子或发言会被建议加上该标签。</translation>
    </message>
    <message>
        <source>Already listed: %1</source>
        <translation>已在列表中：%1</translation>
    </message>
</context>
<context>
    <name>WindowLayout</name>
    <message>
        <source>Interviews</source>
        <translation>访谈</translation>
    </message>
    <message>
        <source>Tags — click to apply, right-click to edit</source>
        <translation>标签 — 单击应用，右键编辑</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>&amp;Focus on the Text</source>
        <translation>专注于正文(&amp;F)</translation>
    </message>
    <message>
        <source>Show the interview alone; press %1 again for the panels</source>
        <translation>只显示访谈正文；再按 %1 显示各面板</translation>
    </message>
</context>
<context>
    <name>WordListPage</name>
    <message numerus="yes">
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n 个词</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WordListsMenu</name>
    <message>
        <source>&amp;Word Lists…</source>
        <translation>词表(&amp;W)…</translation>
    </message>
</context>
<context>
    <name>WordSelection</name>
    <message>
        <source>Snap to &amp;Words</source>
        <translation>按词选择(&amp;W)</translation>
    </message>
    <message>
        <source>Widen selections to whole words; hold Alt while dragging for exact ones</source>
        <translation>把选区扩展到整词；拖动时按住 Alt 可精确选择</translation>
    </message>
    <message>
        <source>Move Selection End to Next Word</source>
        <translation>选区末端移到下一个词</translation>
    </message>
    <message>
        <source>Move Selection End to Previous Word</source>
        <translation>选区末端移到上一个词</translation>
    </message>
    <message>
        <source>Words cannot be found in the text: %1</source>
        <translation>无法在文本中找出词语：%1</translation>
    </message>
</context>
</TS>