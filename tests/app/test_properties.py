"""Properties: any span of any imported text comes back out of the CSV export unchanged;
the suggestion engine's overlap lookup agrees with checking every annotation."""

import csv
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.exchange import export
from app.exchange.writers.tables import ANNOTATION_COLUMNS as COLUMNS
from app.importing.importer import import_paths
from app.project import Project
from app.suggestions.engine import _Coverage

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# Pieces of text; "e\u0301" and the emoji are several code points that look like one.
PIECES = st.one_of(
    st.sampled_from(
        ["𠮷", "😀", "👍🏽", "e\u0301", "a\u0301\u0302", "\r\n", "\r\n\r\n", "：", ":", "，", "。"]
    ),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),  # CJK ideographs
    st.sampled_from(list("abcxyz019 =+-@\t,\"'“”")),
)
TEXTS = st.lists(PIECES, min_size=1, max_size=60).map("".join).filter(lambda t: t.strip())


@settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(text=TEXTS, data=st.data())
def test_exported_text_is_the_stored_span(text: str, data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        source = root / "来源 文件.txt"
        source.write_bytes(text.encode("utf-8"))
        project = Project.open(root / "p.fangtan", annotator="tester")
        try:
            report = import_paths(project, [source])
            assert report.failures == []
            document_id = report.imported[0].id
            stored = project.document(document_id).text
            assert "\r" not in stored
            start = data.draw(st.integers(0, len(stored) - 1), label="start")
            end = data.draw(st.integers(start + 1, len(stored)), label="end")
            tag_id = project.tags()[0].id
            project.execute(CreateAnnotations((AnnotationSpec(document_id, tag_id, start, end),)))
            target = root / "导出.csv"
            assert export(project, "csv", target).rows == 1
        finally:
            project.close()
        with target.open(encoding="utf-8-sig", newline="") as stream:
            rows = list(csv.reader(stream))
    assert rows[0] == list(COLUMNS)
    [row] = [dict(zip(COLUMNS, values, strict=True)) for values in rows[1:]]
    expected = stored[start:end]
    if expected.startswith(FORMULA_STARTS):
        expected = "'" + expected
    assert row["text"] == expected
    assert (int(row["start"]), int(row["end"])) == (start, end)
    assert row["document_id"] == str(document_id)


spans_strategy = st.lists(
    st.tuples(st.integers(0, 60), st.integers(1, 20)).map(lambda p: (p[0], p[0] + p[1])),
    max_size=25,
)


@given(spans=spans_strategy, start=st.integers(0, 80), length=st.integers(1, 20))
def test_suggestion_coverage_lookup_agrees_with_checking_every_span(spans, start, length):
    end = start + length
    expected = any(first < end and start < last for first, last in spans)
    assert _Coverage(spans).overlaps(start, end) is expected
