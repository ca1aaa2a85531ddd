"""A tag's guideline: written in the tag dialog, shown in View ▸ Guideline and as a tooltip."""

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDockWidget

from app.dto import TagInfo
from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.editing.tag_commands import CreateTag, TagSpec
from tests.ui.conftest import reopen
from ui.dialogs.tag import TagDialog
from ui.panels.guideline import guideline_tooltip

GUIDELINE = {
    "description": "政府为改善居民生活所做的工作",
    "use_when": "讲到就业、养老、医疗、住房\n或者“15分钟生活圈”",
    "avoid_when": "只讲产值、投资的段落",
    "example": "新建3所养老服务中心",
}
EMPTY_LINE = "No guideline yet: right-click the tag ▸ Edit to write one."


def write_guideline(monkeypatch, values: dict[str, str]) -> None:
    """Make the next TagDialog fill in the guideline ``values`` and press OK."""

    def fake_exec(dialog: TagDialog) -> int:
        dialog.description_edit.setPlainText(values.get("description", ""))
        dialog.use_when_edit.setPlainText(values.get("use_when", ""))
        dialog.avoid_when_edit.setPlainText(values.get("avoid_when", ""))
        dialog.example_edit.setPlainText(values.get("example", ""))
        dialog._accept()
        return dialog.result()

    monkeypatch.setattr(TagDialog, "exec", fake_exec)


def drag_select(view, start: int, end: int) -> None:
    """Select as a mouse drag from ``start`` to ``end`` does: the cursor ends at ``end``."""
    first, last = view.offsets.span_to_utf16(start, end)
    cursor = view.textCursor()
    cursor.setPosition(first)
    cursor.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


def tag_named(window, name: str) -> TagInfo:
    return next(tag for tag in window.tags if tag.name == name)


def test_guideline_written_in_the_dialog_is_stored(qtbot, open_window, sample_project, monkeypatch):
    window = open_window(sample_project)
    livelihood = tag_named(window, "民生")
    write_guideline(monkeypatch, GUIDELINE)
    window.codebook.edit_tag(livelihood.id)
    qtbot.waitUntil(lambda: tag_named(window, "民生").example == GUIDELINE["example"])
    window.session.close()
    project = reopen(sample_project)
    try:
        stored = next(tag for tag in project.tags() if tag.id == livelihood.id)
    finally:
        project.close()
    assert {name: getattr(stored, name) for name in GUIDELINE} == GUIDELINE
    assert (stored.name, stored.color) == (livelihood.name, livelihood.color)


def test_dialog_shows_the_stored_guideline(qtbot, open_window, sample_project):
    window = open_window(sample_project)
    tag = TagInfo(9, "民生", "#2ca02c", "2", "定义", None, 0, use_when="用", example="例 <b>")
    dialog = TagDialog(window.tags, lambda values: True, tag=tag, parent=window)
    qtbot.addWidget(dialog)
    values = dialog.values()
    assert (values["description"], values["use_when"], values["avoid_when"]) == ("定义", "用", "")
    assert values["example"] == "例 <b>"


def test_panel_shows_the_guideline_of_the_tag_at_the_cursor(
    qtbot, open_window, sample_project, monkeypatch
):
    window = open_window(sample_project)
    panel = window.guideline_panel
    assert panel.objectName() == "guidelinePanel" and panel.isHidden()
    assert panel.toggleViewAction() in window.view_menu.actions()
    livelihood = tag_named(window, "民生")
    write_guideline(monkeypatch, {k: v for k, v in GUIDELINE.items() if k != "avoid_when"})
    window.codebook.edit_tag(livelihood.id)
    panel.toggleViewAction().trigger()
    qtbot.waitUntil(panel.isVisible)

    view = window.text_view
    start = view.content.text.index("大力推进")
    drag_select(view, start, start + 4)
    window.documents.apply_tag(livelihood.id)  # the cursor stays at the end of the passage
    assert view.cursor_offset() == start + 4
    qtbot.waitUntil(lambda: panel.tag_id == livelihood.id)
    shown = panel.browser.toPlainText()
    for heading, name in (("Definition", "description"), ("When to use", "use_when")):
        assert heading in shown and GUIDELINE[name].split("\n")[0] in shown
    assert "Example" in shown and GUIDELINE["example"] in shown
    assert "When not to use" not in shown  # an empty part is left out
    assert EMPTY_LINE not in shown

    window.session.run(CreateTag(TagSpec("口袋公园", "#9467bd")), "new")
    pocket = tag_named(window, "口袋公园")
    other = view.content.text.index("党的二十大")
    document_id = window.documents.document_id
    window.session.run(
        CreateAnnotations((AnnotationSpec(document_id, pocket.id, other, other + 5),)), "one"
    )
    view.clear_selection_at(other + 2)  # as a click into the highlight does
    qtbot.waitUntil(lambda: panel.tag_id == pocket.id)
    assert EMPTY_LINE in panel.browser.toPlainText()
    view.clear_selection_at(0)  # untagged text: the last guideline stays
    assert panel.tag_id == pocket.id

    view.clear_selection_at(start + 1)
    qtbot.waitUntil(lambda: panel.tag_id == livelihood.id)
    write_guideline(monkeypatch, {"example": "改过的例子"})
    window.codebook.edit_tag(livelihood.id)
    qtbot.waitUntil(lambda: "改过的例子" in panel.browser.toPlainText())
    assert "Definition" not in panel.browser.toPlainText()
    assert window.findChild(QDockWidget, "guidelinePanel") is panel


def test_tooltip_escapes_the_guideline():
    tag = TagInfo(
        1,
        "<民生>",
        "#2ca02c",
        "2",
        "a<b & c",
        None,
        0,
        use_when="",
        example="<script>x</script>\n第二行",
    )
    tip = guideline_tooltip(tag, ["Shortcut: <"])
    assert "<script>" not in tip and "a<b" not in tip and "<民生>" not in tip
    assert "&lt;script&gt;x&lt;/script&gt;<br>第二行" in tip
    assert "a&lt;b &amp; c" in tip and "&lt;民生&gt;" in tip and "Shortcut: &lt;" in tip
    assert "Definition" in tip and "Example" in tip and "When to use" not in tip
    assert tip.startswith("<qt>")
