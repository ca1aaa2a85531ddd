"""View ▸ Guideline: what a tag means and when to use it, beside the text while tagging.

The panel follows the text cursor: it shows the guideline of the tag of the annotation under
the cursor (the innermost one, or the passage that ends at the cursor, which is where the
cursor stays after a passage was selected and tagged). Clicking a highlight or its stripe,
choosing an annotation in the list and tagging a passage all put the cursor there. On
untagged text the last guideline stays, so reading on does not blank it.

``guideline_tooltip`` gives the same guideline, shorter, as a tooltip for the tag panel.
"""

import html
from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QTextBrowser

from app.dto import Changes, TagInfo
from ui.text.view import TextView
from ui.window.deferred import ChangesLater

if TYPE_CHECKING:  # the window's context; the tag panel's tooltips need none of it
    from ui.window.context import PanelContext

CONTEXT = "GuidelinePanel"
# The parts of a guideline: the tag's field and its heading, in the order shown.
PARTS = (
    ("description", str(QT_TRANSLATE_NOOP("GuidelinePanel", "Definition"))),
    ("use_when", str(QT_TRANSLATE_NOOP("GuidelinePanel", "When to use"))),
    ("avoid_when", str(QT_TRANSLATE_NOOP("GuidelinePanel", "When not to use"))),
    ("example", str(QT_TRANSLATE_NOOP("GuidelinePanel", "Example"))),
)
TOOLTIP_CHARS = 240  # of each part in a tooltip; the panel shows it whole


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _rich(text: str) -> str:
    """Plain text as escaped rich text, its line breaks kept."""
    return html.escape(text.strip()).replace("\n", "<br>")


def _parts(tag: TagInfo) -> list[tuple[str, str]]:
    """(heading, text) of the parts the tag has, headings translated."""
    return [
        (_tr(heading), str(getattr(tag, name)))
        for name, heading in PARTS
        if str(getattr(tag, name)).strip()
    ]


def guideline_tooltip(tag: TagInfo, notes: Iterable[str] = ()) -> str:
    """The tag's name and guideline as a rich-text tooltip, each part cut short, then
    ``notes`` (plain lines, such as its shortcut)."""
    lines = [f"<b>{_rich(tag.name)}</b>"]
    for heading, text in _parts(tag):
        if len(text) > TOOLTIP_CHARS:
            text = text[: TOOLTIP_CHARS - 1] + "…"
        lines.append(f"<b>{html.escape(heading)}:</b> {_rich(text)}")
    lines.extend(f"<i>{_rich(note)}</i>" for note in notes)
    return "<qt>" + "<br>".join(lines) + "</qt>"


def guideline_html(tag: TagInfo) -> str:
    """The whole guideline of ``tag`` for the panel: its name, then a heading per part."""
    color = html.escape(tag.color)
    shown = [f'<h3><span style="color:{color}">■</span> {_rich(tag.name)}</h3>']
    parts = _parts(tag)
    for heading, text in parts:
        shown.append(f"<h4>{html.escape(heading)}</h4><p>{_rich(text)}</p>")
    if not parts:
        empty = QCoreApplication.translate(
            "GuidelinePanel", "No guideline yet: right-click the tag ▸ Edit to write one."
        )
        shown.append(f"<p><i>{html.escape(empty)}</i></p>")
    return "".join(shown)


def tag_at_cursor(view: TextView) -> int | None:
    """The tag of the annotation under the text cursor: the innermost covering it, else one
    ending at it; None on untagged text."""
    offset = view.cursor_offset()
    block = view.highlighter.block_of(offset)
    spans = view.highlighter.spans_in_blocks(block, block)
    covering = [span for span in spans if span[0] <= offset < span[1]]
    if not covering:
        covering = [span for span in spans if span[0] < offset == span[1]]
    if not covering:
        return None
    return max(covering, key=lambda span: (span[0], -span[1], span[3]))[2]


class GuidelinePanel(QDockWidget):
    def __init__(self, context: "PanelContext") -> None:
        super().__init__(context.window)
        self.setObjectName("guidelinePanel")
        self._context = context
        self._tag_id: int | None = None
        self.browser = QTextBrowser()
        self.browser.setObjectName("guidelineText")
        self.browser.setOpenLinks(False)
        self.setWidget(self.browser)
        self._changes_later = ChangesLater(self._follow_changes, self)
        context.text_view.cursorPositionChanged.connect(self._follow_cursor)
        context.session.changed.connect(lambda changes, _origin: self._changes_later.add(changes))
        self._retranslate()

    @property
    def tag_id(self) -> int | None:
        """The tag whose guideline is shown, if any."""
        return self._tag_id

    def show_tag(self, tag_id: int | None) -> None:
        if tag_id != self._tag_id:
            self._tag_id = tag_id
            self.refresh()

    def refresh(self) -> None:
        """Show the guideline again, as the tags now say."""
        tag = next((tag for tag in self._context.tags() if tag.id == self._tag_id), None)
        if tag is None:
            hint = self.tr("Place the cursor in a tagged passage to see its tag's guideline.")
            self.browser.setHtml(f"<p><i>{html.escape(hint)}</i></p>")
        else:
            self.browser.setHtml(guideline_html(tag))

    def _follow_cursor(self) -> None:
        tag_id = tag_at_cursor(self._context.text_view)
        if tag_id is not None:
            self.show_tag(tag_id)

    def _follow_changes(self, changes: Changes) -> None:
        """A passage just tagged where the cursor is shows its tag."""
        if changes.added:
            self._follow_cursor()

    # Language ---------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Guideline"))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def install(context: "PanelContext", tags_changed: SignalInstance) -> GuidelinePanel:
    """Add the Guideline dock (on the right, hidden at first) and View ▸ Guideline;
    ``tags_changed`` says when the tags were read again (an edit, a reload)."""
    panel = GuidelinePanel(context)
    tags_changed.connect(panel.refresh)
    context.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel)
    panel.hide()
    toggle: QAction = panel.toggleViewAction()
    toggle.setObjectName("guidelineAction")
    context.view_menu.addAction(toggle)
    return panel
