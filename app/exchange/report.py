"""File ▸ Export Report…: a printable report of interviews with their coded passages.

``build_report(project, document_ids)`` returns one self-contained HTML page (its CSS in
the page, nothing beside it): a legend of the tags used, then each interview with its
particulars, its text with every coded passage highlighted in a light tint of its tag's
colour (black text stays readable on it), speaker labels in bold, each note as a numbered
footnote marker after its passage and the notes listed at the end of the interview, and a
summary per tag; at the end a summary of the whole selection. ``write_html_report``
writes it. The window prints the same page to PDF through Qt's rich text, so everything
that must show in print uses only what both Qt and browsers understand.

How overlapping passages and notes are shown: app.exchange.report_text; what the
summaries count: app.exchange.report_counts. Offsets are code points (Python string
indices) throughout.
"""

from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields, replace
from datetime import date
from pathlib import Path

from app.dto import AnnotationInfo, DocumentContent, TagInfo
from app.errors import QT_TRANSLATE_NOOP, ExportTargetError, FangtanError
from app.exchange.report_counts import TagCount, selection_summary, summarize
from app.exchange.report_text import TextWriter, escape, light_color
from app.exchange.writers.staging import Staging
from app.project import Project

# Families with Chinese glyphs, tried in order by whatever shows the page; the window
# puts the one it found first.
REPORT_FONTS: tuple[str, ...] = (
    "WenQuanYi Micro Hei",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "PingFang SC",
    "Microsoft YaHei",
    "SimSun",
)


class ReportTargetError(FangtanError):
    template = QT_TRANSLATE_NOOP("Errors", "Cannot write the report {path}: {detail}.")


@dataclass(frozen=True)
class ReportLabels:
    """The fixed words of a report, English by default; the window gives them translated
    (context "Report"). ``{name}`` parts are filled in."""

    title: str = QT_TRANSLATE_NOOP("Report", "Coding report")
    interviews: str = QT_TRANSLATE_NOOP("Report", "Interviews: {count}")
    everyone: str = QT_TRANSLATE_NOOP("Report", "Annotations of everyone")
    annotators: str = QT_TRANSLATE_NOOP("Report", "Annotations of {names}")
    made_on: str = QT_TRANSLATE_NOOP("Report", "Made on {date}")
    legend: str = QT_TRANSLATE_NOOP("Report", "Legend")
    no_tags: str = QT_TRANSLATE_NOOP("Report", "No passage is coded.")
    overlaps: str = QT_TRANSLATE_NOOP(
        "Report",
        "Where passages overlap, the innermost one gives the colour; a passage that one "
        "more tag covers is underlined in that tag's colour, one that several more cover "
        "has a wavy line. Numbers after a passage refer to the notes below the interview.",
    )
    interviewee: str = QT_TRANSLATE_NOOP("Report", "Interviewee")
    outlet: str = QT_TRANSLATE_NOOP("Report", "Outlet")
    series: str = QT_TRANSLATE_NOOP("Report", "Series")
    published: str = QT_TRANSLATE_NOOP("Report", "Published")
    reporter: str = QT_TRANSLATE_NOOP("Report", "Reporter")
    notes: str = QT_TRANSLATE_NOOP("Report", "Notes")
    summary: str = QT_TRANSLATE_NOOP("Report", "Summary by tag")
    selection: str = QT_TRANSLATE_NOOP("Report", "Summary of all interviews in this report")
    tag: str = QT_TRANSLATE_NOOP("Report", "Tag")
    annotations: str = QT_TRANSLATE_NOOP("Report", "Annotations")
    characters: str = QT_TRANSLATE_NOOP("Report", "Characters coded")
    answer_share: str = QT_TRANSLATE_NOOP("Report", "Share of answer text coded")
    all_tags: str = QT_TRANSLATE_NOOP("Report", "All tags")
    answer_text: str = QT_TRANSLATE_NOOP("Report", "Answer text: {count} characters.")

    def translated(self, translate: Callable[[str], str]) -> "ReportLabels":
        """The same labels passed through ``translate`` (an English text to its translation)."""
        return replace(
            self, **{item.name: translate(getattr(self, item.name)) for item in fields(self)}
        )


@dataclass(frozen=True)
class ReportInterview:
    """One interview as the report shows it: its annotations (of the chosen annotators,
    kept inside the text) and its summary, tags in codebook order and all tags last."""

    content: DocumentContent
    annotations: tuple[AnnotationInfo, ...]
    summary: tuple[TagCount, ...]


# Reading -------------------------------------------------------------------------


def read_interviews(
    project: Project,
    document_ids: Sequence[int],
    tags: Sequence[TagInfo],
    annotators: Collection[str] | None = None,
) -> tuple[list[ReportInterview], list[TagInfo]]:
    """The interviews of the report, in the order given (each once), and the tags used,
    in codebook order (``tags``, the project's)."""
    known = {tag.id for tag in tags}
    interviews = []
    for document_id in dict.fromkeys(document_ids):
        content = project.document(document_id)
        kept = tuple(
            _inside(annotation, len(content.text))
            for annotation in project.annotations(document_id)
            if annotation.tag_id in known
            and (annotators is None or (annotation.annotator or "") in annotators)
            and min(annotation.end, len(content.text)) > max(annotation.start, 0)
        )
        interviews.append(ReportInterview(content, kept, summarize(content, kept, tags)))
    used = {annotation.tag_id for interview in interviews for annotation in interview.annotations}
    return interviews, [tag for tag in tags if tag.id in used]


def _inside(annotation: AnnotationInfo, length: int) -> AnnotationInfo:
    if annotation.start >= 0 and annotation.end <= length:
        return annotation
    return replace(annotation, start=max(annotation.start, 0), end=min(annotation.end, length))


# The page ------------------------------------------------------------------------

_STYLE = """
body {{ font-family: {fonts}; font-size: 11pt; color: #000000; }}
h1 {{ font-size: 18pt; margin-top: 0px; margin-bottom: 6px; }}
h2 {{ font-size: 14pt; margin-top: 20px; margin-bottom: 8px; }}
h3 {{ font-size: 11pt; margin-top: 16px; margin-bottom: 6px; }}
p {{ margin-top: 0px; margin-bottom: 8px; }}
p.text {{ white-space: pre-wrap; line-height: 160%; }}
p.about {{ color: #444444; }}
p.legend {{ line-height: 180%; }}
p.note {{ font-size: 9pt; margin-bottom: 4px; }}
a.marker {{ color: #000000; text-decoration: none; }}
table {{ border-collapse: collapse; margin-bottom: 6px; }}
th, td {{ border: 1px solid #888888; padding: 3px 8px; }}
th {{ background-color: #eeeeee; text-align: left; }}
td.number {{ text-align: right; }}
"""


def _font_list(fonts: Sequence[str]) -> str:
    names = [name.replace("'", "") for name in fonts]
    return ", ".join(f"'{name}'" for name in names) + ", sans-serif"


def _filled(template: str, **values: object) -> str:
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):  # a translation naming other values
        return template


def _legend(tags: Sequence[TagInfo], labels: ReportLabels) -> list[str]:
    parts = [f"<h2>{escape(labels.legend)}</h2>"]
    if not tags:
        return [*parts, f"<p>{escape(labels.no_tags)}</p>"]
    names = "&nbsp;&nbsp; ".join(
        f'<span style="background-color:{light_color(tag.color)};">'
        f"&nbsp;{escape(tag.name)}&nbsp;</span>"
        for tag in tags
    )
    return [
        *parts,
        f'<p class="legend">{names}</p>',
        f'<p class="about">{escape(labels.overlaps)}</p>',
    ]


def _summary_table(
    rows: Sequence[TagCount], tags: dict[int, TagInfo], labels: ReportLabels
) -> list[str]:
    head = "".join(
        f"<th>{escape(label)}</th>"
        for label in (labels.tag, labels.annotations, labels.characters, labels.answer_share)
    )
    body = []
    for row in rows:
        if row.tag_id is None:
            name = f"<b>{escape(labels.all_tags)}</b>"
        else:
            tag = tags[row.tag_id]
            tint = light_color(tag.color)
            swatch = f'<span style="background-color:{tint};">&nbsp;&nbsp;&nbsp;</span>'
            name = f"{swatch} {escape(tag.name)}"
        body.append(
            f'<tr><td>{name}</td><td class="number" align="right">{row.annotations}</td>'
            f'<td class="number" align="right">{row.characters}</td>'
            f'<td class="number" align="right">{row.answer_share * 100:.1f}%</td></tr>'
        )
    total = rows[-1].answer_total if rows else 0
    return [
        '<table class="summary" border="1" cellspacing="0" cellpadding="3">'
        f"<tr>{head}</tr>{''.join(body)}</table>",
        f'<p class="about">{escape(_filled(labels.answer_text, count=total))}</p>',
    ]


def _about(content: DocumentContent, labels: ReportLabels) -> str:
    meta = content.meta
    person = meta.interviewee
    if meta.interviewee_role:
        person = f"{person}（{meta.interviewee_role}）" if person else meta.interviewee_role
    published = meta.published_on.isoformat() if meta.published_on else ""
    facts = [
        (labels.interviewee, person),
        (labels.outlet, meta.outlet),
        (labels.series, meta.series),
        (labels.published, published),
        (labels.reporter, meta.reporter),
    ]
    shown = [f"{escape(label)}: {escape(value)}" for label, value in facts if value]
    return f'<p class="about">{" · ".join(shown)}</p>' if shown else ""


def _interview(
    interview: ReportInterview, tags: dict[int, TagInfo], labels: ReportLabels, first: bool
) -> list[str]:
    meta = interview.content.meta
    breaking = "" if first else ' style="page-break-before: always;"'
    parts = [f"<h2{breaking}>{escape(meta.title)}</h2>"]
    if meta.subtitle:
        parts.append(f"<p><i>{escape(meta.subtitle)}</i></p>")
    parts.append(_about(interview.content, labels))
    writer = TextWriter(interview.content, interview.annotations, tags)
    parts.extend(
        f'<p class="text" lang="zh-CN">{paragraph}</p>' for paragraph in writer.paragraphs()
    )
    notes = writer.notes()
    if notes:
        parts.append(f"<h3>{escape(labels.notes)}</h3>")
        parts.extend(notes)
    parts.append(f"<h3>{escape(labels.summary)}</h3>")
    parts.extend(_summary_table(interview.summary, tags, labels))
    return parts


def build_report(
    project: Project,
    document_ids: Sequence[int],
    *,
    annotators: Collection[str] | None = None,
    labels: ReportLabels | None = None,
    fonts: Sequence[str] = REPORT_FONTS,
    made_on: date | None = None,
) -> str:
    """The report of the interviews ``document_ids`` (in that order) as one HTML page,
    with the annotations of ``annotators`` only when given."""
    labels = labels or ReportLabels()
    codebook = project.tags()
    interviews, used = read_interviews(project, document_ids, codebook, annotators)
    tags = {tag.id: tag for tag in codebook}
    who = (
        labels.everyone
        if annotators is None
        else _filled(labels.annotators, names="、".join(sorted(annotators)))
    )
    facts = [
        _filled(labels.interviews, count=len(interviews)),
        who,
        _filled(labels.made_on, date=(made_on or date.today()).isoformat()),
    ]
    title = f"{labels.title} — {project.name}" if project.name else labels.title
    parts = [
        "<!DOCTYPE html>",
        '<html><head><meta charset="utf-8">',
        f"<title>{escape(title)}</title>",
        f"<style>{_STYLE.format(fonts=_font_list(fonts))}</style>",
        "</head><body>",
        f"<h1>{escape(title)}</h1>",
        f'<p class="about">{" · ".join(escape(fact) for fact in facts)}</p>',
        *_legend(used, labels),
    ]
    for position, interview in enumerate(interviews):
        parts.extend(_interview(interview, tags, labels, first=not position))
    if len(interviews) > 1:
        parts.append(f"<h2>{escape(labels.selection)}</h2>")
        parts.extend(
            _summary_table(
                selection_summary([i.summary for i in interviews], codebook),
                tags,
                labels,
            )
        )
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


# Writing -------------------------------------------------------------------------


@contextmanager
def report_target(path: Path) -> Iterator[Path]:
    """A temporary file beside ``path`` to write the report to, moved over ``path`` only
    when the block ends without an error; else removed, and ``path`` is left as it was."""
    path = Path(path)
    try:
        with Staging() as staging:
            yield staging.file(path)
    except ExportTargetError as error:
        raise ReportTargetError(path=str(path), detail=error.params["detail"]) from error


def save_report(page: str, path: Path) -> None:
    """Write a built report as UTF-8, whole or not at all."""
    with report_target(path) as temporary:
        try:
            temporary.write_text(page, encoding="utf-8")
        except OSError as error:
            raise ReportTargetError(path=str(path), detail=error.strerror or str(error)) from error


def write_html_report(
    project: Project,
    document_ids: Sequence[int],
    path: Path,
    *,
    annotators: Collection[str] | None = None,
    labels: ReportLabels | None = None,
) -> None:
    """Build the report (see ``build_report``) and write it to ``path`` as HTML."""
    save_report(build_report(project, document_ids, annotators=annotators, labels=labels), path)
