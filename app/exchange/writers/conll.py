"""CoNLL-style BIO tags, one token per line (``token<TAB>label``), for training taggers.

Tokens are jieba's, with the project's dictionary terms kept whole (``unit="token"``), or
single code points (``unit="char"``). Each document opens with ``-DOCSTART-<TAB>O`` and a
blank line; a blank line ends each sentence. A sentence ends after a token ending in 。！？
or at a line break, but never inside a span, so every tagged chunk opens with ``B-``.
Whitespace is not written.

Spans are never silently lost:

- where a span starts or ends inside a jieba token, the token is split there (the
  summary counts the tokens split);
- BIO cannot hold overlapping spans, so of overlapping spans the longest wins (then the
  one starting first, then the older one) and the summary counts the spans left out;
  identical spans (same tag and place, say from two annotators) are written once;
- a span of nothing but whitespace has no token to tag and is counted.
"""

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from pathlib import Path

from app.exchange.progress import Reporter
from app.exchange.writers.corpus import AnnotationRecord, Corpus
from app.exchange.writers.options import ExportSummary

SENTENCE_ENDS = ("。", "！", "？")
DOCUMENT_START = "-DOCSTART-\tO"
_VISIBLE = re.compile(r"\S+")
_LINE_BREAK = re.compile("[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def label_name(tag: str) -> str:
    return "_".join(tag.split())


def place_spans(
    annotations: list[AnnotationRecord], summary: ExportSummary
) -> list[tuple[int, int, str]]:
    """Non-overlapping spans (start, end, tag), sorted; the longest wins an overlap."""
    seen: set[tuple[int, int, str]] = set()
    unique: list[AnnotationRecord] = []
    for annotation in annotations:
        key = (annotation.start, annotation.end, annotation.tag)
        if key in seen:
            summary.warn("identical_spans")
            continue
        seen.add(key)
        unique.append(annotation)
    unique.sort(key=lambda a: (-(a.end - a.start), a.start, a.id))
    starts: list[int] = []
    placed: list[tuple[int, int, str]] = []
    for annotation in unique:
        index = bisect_right(starts, annotation.start)
        clashes = (index > 0 and placed[index - 1][1] > annotation.start) or (
            index < len(placed) and placed[index][0] < annotation.end
        )
        if clashes:
            summary.warn("overlap_dropped")
            continue
        starts.insert(index, annotation.start)
        placed.insert(index, (annotation.start, annotation.end, annotation.tag))
    return placed


Tokenize = Callable[[str], list[tuple[str, int, int]]]


def _units(text: str, unit: str, tokenize: Tokenize | None) -> Iterator[tuple[int, int]]:
    if unit == "char":
        for index in range(len(text)):
            yield index, index + 1
        return
    if tokenize is None:
        from app.chinese.segmentation import tokens

        tokenize = tokens
    for _word, start, end in tokenize(text):
        yield start, end


def _pieces(
    text: str,
    unit: str,
    boundaries: list[int],
    summary: ExportSummary,
    tokenize: Tokenize | None = None,
) -> Iterator[tuple[int, int]]:
    """Token spans cut at every span boundary that falls inside them."""
    for start, end in _units(text, unit, tokenize):
        first = bisect_right(boundaries, start)
        last = bisect_left(boundaries, end)
        if first >= last:
            yield start, end
            continue
        summary.warn("tokens_split")
        position = start
        for cut in boundaries[first:last]:
            yield position, cut
            position = cut
        yield position, end


def document_lines(
    text: str,
    annotations: list[AnnotationRecord],
    unit: str,
    summary: ExportSummary,
    tokenize: Tokenize | None = None,
) -> Iterator[str]:
    """The lines of one document (without line endings); the last one is blank.

    ``tokenize`` cuts the text into tokens (by default jieba with its own dictionary).
    """
    spans = place_spans(annotations, summary)
    boundaries = sorted({offset for start, end, _tag in spans for offset in (start, end)})
    labels = [label_name(tag) for _start, _end, tag in spans]
    yield DOCUMENT_START
    yield ""
    span = 0  # the first span not yet passed
    previous_span = -1  # the span of the last token written (-1: none)
    tagged: set[int] = set()
    pending_break = False
    written = False
    for piece_start, piece_end in _pieces(text, unit, boundaries, summary, tokenize):
        for match in _VISIBLE.finditer(text, piece_start, piece_end):
            start, end = match.span()
            gap = text[piece_start:start]
            if _LINE_BREAK.search(gap):
                pending_break = True
            piece_start = end
            while span < len(spans) and spans[span][1] <= start:
                span += 1
            inside = span if span < len(spans) and spans[span][0] <= start else -1
            if pending_break and written:
                if inside == -1 or inside != previous_span:
                    yield ""
                pending_break = False
            if inside == -1:
                label = "O"
            elif inside != previous_span:
                label = "B-" + labels[inside]
            else:
                label = "I-" + labels[inside]
            if inside != -1:
                tagged.add(inside)
            yield f"{match.group()}\t{label}"
            summary.rows += 1
            written = True
            previous_span = inside
            if match.group().endswith(SENTENCE_ENDS):
                pending_break = True
        if _LINE_BREAK.search(text, piece_start, piece_end):
            pending_break = True
    if written:
        yield ""
    blank = len(spans) - len(tagged)
    if blank:
        summary.warn("blank_spans", blank)


def write_conll(corpus: Corpus, path: Path, reporter: Reporter, summary: ExportSummary) -> None:
    unit = corpus.options.unit
    tokenize = None
    if unit != "char":  # jieba with the project's dictionary, so its terms stay one token
        from app.chinese.segmentation import for_session

        tokenize = for_session(corpus.session).tokens
    spaced = {tag.name for tag in corpus.tags if label_name(tag.name) != tag.name}
    if spaced:
        summary.warn("label_spaces", len(spaced))
    with path.open("w", encoding="utf-8", newline="\n") as stream:
        for data in corpus:
            for line in document_lines(data.text, data.annotations, unit, summary, tokenize):
                stream.write(line)
                stream.write("\n")
            summary.documents += 1
            summary.annotations += len(data.annotations)
            reporter.advance()
