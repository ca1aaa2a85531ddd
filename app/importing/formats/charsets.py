"""Find the encoding of a text file, and accept it only if the whole file decodes cleanly.

Fangtan reads UTF-8 (with or without a BOM), UTF-16 and UTF-32 with a BOM, GB18030
(which also reads GBK and GB2312 files: it is their superset) and Big5 (falling back
to its Windows and Hong Kong variants, cp950 and big5hkscs). The steps:

1. An encoding the caller forces is used alone. GBK and GB2312 are read as GB18030.
2. A byte order mark settles UTF-8, UTF-16 or UTF-32.
3. NUL bytes mean a binary file (or UTF-16 without a BOM, which is refused with that
   reason), and so do control bytes (other than tab, line and page breaks, Ctrl-Z and
   escape) making up more than 2% of the first 64 KB.
4. A charset the file declares (an HTML ``<meta charset>``) is tried next.
5. Valid UTF-8 is UTF-8. A file whose only flaw is an incomplete character at the end
   was cut off; one that is UTF-8 apart from a few bad bytes is broken UTF-8. Both are
   refused, with the byte position, rather than read as another encoding.
6. Otherwise GB18030 and Big5 are tried. Each must decode the whole file strictly; the
   survivors are scored by how odd their characters are for Chinese text (see
   :func:`oddness`), the least odd wins, and GB18030 wins a tie. charset-normalizer
   then checks the result: when it is sure the file is in another encoding (EUC-KR
   Korean, say, which decodes as plausible GB2312 characters) and reads it much more
   cleanly, the file is refused. charset-normalizer does not choose between GB18030
   and Big5 itself: on short texts it guesses wrong ("记者：你好" in GBK comes out
   as cp949, "你好" as Big5), which the scoring gets right.

Whatever the encoding, text in which more than 2% of the characters are controls,
private-use or unassigned code points, or replacement characters is refused as
garbled.
"""

import codecs
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from charset_normalizer import CharsetMatch, from_bytes
from charset_normalizer.md import mess_ratio

from app.importing.errors import (
    BinarySourceError,
    ForcedEncodingError,
    GarbledTextError,
    SourceEncodingError,
    TruncatedSourceError,
    UnknownEncodingError,
    UnsupportedEncodingError,
)
from app.importing.notes import ImportNote

GB18030 = "gb18030"
BIG5 = "big5"
# Tried in this order when Big5 is a candidate: plain Big5, then the supersets.
BIG5_VARIANTS = ("big5", "cp950", "big5hkscs")
# Names (Python's and the WHATWG labels HTML uses) read as GB18030.
_GB_NAMES = frozenset(
    {
        "gb18030",
        "gbk",
        "gb2312",
        "cp936",
        "ms936",
        "windows-936",
        "x-gbk",
        "gb_2312",
        "gb_2312-80",
        "csgb2312",
        "chinese",
        "iso-ir-58",
        "euc-cn",
        "x-euc-cn",
        "csiso58gb231280",
    }
)
_BIG5_NAMES = frozenset(
    {"big5", "big5-tw", "csbig5", "cn-big5", "x-x-big5", "cp950", "ms950", "big5hkscs"}
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Reasons Python gives when the bytes stop inside a character.
_CUT_OFF = frozenset({"unexpected end of data", "incomplete multibyte sequence", "truncated data"})
# Allowed in text: tab, line feed, vertical tab, form feed, carriage return.
_TEXT_CONTROLS = frozenset("\t\n\x0b\x0c\r")
GARBAGE_LIMIT = 0.02
# Above this share of odd characters, no Chinese encoding fits the file.
ODDNESS_LIMIT = 0.3
_SAMPLE_CHARS = 200_000
# How much cleaner a non-Chinese reading must be to overrule the Chinese one.
_CHAOS_MARGIN = 0.1
_DETECTOR_MIN_BYTES = 64


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    warnings: tuple[ImportNote, ...] = ()


def canonical_encoding(name: str) -> str:
    """The codec Fangtan uses for ``name``: GBK and GB2312 become gb18030."""
    label = name.strip().lower().replace("_", "-")
    if label in _GB_NAMES or label.replace("-", "_") in _GB_NAMES:
        return GB18030
    try:
        return codecs.lookup(label).name
    except LookupError:
        return label


def decode_text(
    data: bytes, shown: str, encoding: str | None = None, declared: str | None = None
) -> Decoded:
    """Decode ``data`` (a whole file) or raise the reason it is not readable text.

    ``encoding`` is forced by the caller; ``declared`` is what the file says about
    itself (an HTML ``<meta charset>``), tried before detection but not trusted blindly.
    """
    if encoding:
        return _forced(data, shown, encoding)
    for bom, name in _BOMS:
        if data.startswith(bom):
            text = _strict(data, name, shown, forced=False)
            return Decoded(_checked(text, name, shown), name)
    if b"\x00" in data:
        kind = (
            "UTF-16 text without a byte order mark; save it as UTF-8"
            if _looks_like_bomless_utf16(data)
            else "contains NUL bytes"
        )
        raise BinarySourceError(path=shown, kind=kind)
    if _control_share(data) > GARBAGE_LIMIT:
        raise BinarySourceError(path=shown, kind="contains control bytes")
    warnings: list[ImportNote] = []
    if declared:
        found = _declared(data, declared, shown)
        if isinstance(found, Decoded):
            return found
        warnings.append(found)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        _refuse_damaged_utf8(data, error, shown)
    else:
        return Decoded(_checked(text, "utf-8", shown), "utf-8", tuple(warnings))
    decoded = _detect_chinese(data, shown)
    return Decoded(decoded.text, decoded.encoding, (*warnings, *decoded.warnings))


def _forced(data: bytes, shown: str, encoding: str) -> Decoded:
    name = canonical_encoding(encoding)
    try:
        codecs.lookup(name)
    except LookupError as error:
        raise UnknownEncodingError(path=shown, encoding=encoding) from error
    text = _strict(data, name, shown, forced=True)
    return Decoded(_checked(text, name, shown), name)


def _strict(data: bytes, name: str, shown: str, *, forced: bool) -> str:
    try:
        return data.decode(name)
    except UnicodeDecodeError as error:
        if _cut_off(error, data):
            raise TruncatedSourceError(path=shown, encoding=name) from error
        if forced:
            raise ForcedEncodingError(path=shown, encoding=name, position=error.start) from error
        raise SourceEncodingError(path=shown, position=error.start) from error


def _cut_off(error: UnicodeDecodeError, data: bytes) -> bool:
    return error.end >= len(data) and error.reason in _CUT_OFF


def _declared(data: bytes, declared: str, shown: str) -> Decoded | ImportNote:
    """The file decoded as it declares, or a warning saying why the declaration was not used.

    A declaration is checked like a guess: the whole file must decode, and the result must
    not be garbled or odd for Chinese text. As in browsers, a page that declares UTF-16
    without a byte order mark is read as UTF-8.
    """
    name = canonical_encoding(declared)
    if name.startswith(("utf-16", "utf-32")):
        name = "utf-8"
    if name in _BIG5_NAMES:
        candidates: tuple[str, ...] = BIG5_VARIANTS
    elif name in ("utf-8", GB18030):
        candidates = (name,)
    else:
        return ImportNote.of("charset_unknown", charset=declared)
    for candidate in candidates:
        try:
            text = data.decode(candidate)
        except UnicodeDecodeError:
            continue
        if candidate != "utf-8" and oddness(text, candidate) > ODDNESS_LIMIT:
            break
        try:
            return Decoded(_checked(text, candidate, shown), candidate)
        except GarbledTextError:
            break
    return ImportNote.of("charset_mismatch", charset=declared)


def _refuse_damaged_utf8(data: bytes, error: UnicodeDecodeError, shown: str) -> None:
    """Raise if ``data`` is UTF-8 that was cut off or has a few bad bytes."""
    if _cut_off(error, data):
        raise TruncatedSourceError(path=shown, encoding="utf-8") from error
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for char in text if char > "\x7f" and char != "\ufffd")
    if bad * 4 <= good:
        raise SourceEncodingError(path=shown, position=error.start) from error


@dataclass(frozen=True)
class _Candidate:
    encoding: str
    text: str
    cut_off: bool
    oddness: float


def _detect_chinese(data: bytes, shown: str) -> Decoded:
    detected = list(from_bytes(data))
    guess = detected[0].encoding if detected else ""
    candidates = [
        candidate
        for family in (GB18030, BIG5)
        if (candidate := _try_family(data, family)) is not None
    ]
    if not candidates:
        raise UnsupportedEncodingError(path=shown, guess=guess)
    best = min(candidates, key=lambda c: (c.oddness, c.encoding != GB18030))
    if best.oddness > ODDNESS_LIMIT and _counted(best.text) >= 6:
        raise UnsupportedEncodingError(path=shown, guess=guess)
    if len(data) >= _DETECTOR_MIN_BYTES and detected and _other_fits_better(detected[0], best.text):
        raise UnsupportedEncodingError(path=shown, guess=guess)
    if best.cut_off:
        raise TruncatedSourceError(path=shown, encoding=best.encoding)
    return Decoded(_checked(best.text, best.encoding, shown), best.encoding)


def _other_fits_better(top: CharsetMatch, chinese: str) -> bool:
    """Whether charset-normalizer's favourite is a non-Chinese encoding that reads far cleaner.

    EUC-KR Korean decodes as plausible GB2312 characters; only the detector's "mess"
    measure (spacing and punctuation that make no sense) tells the two apart. On short
    texts that measure is noise (it finds "：过去一年，" messy), so it is consulted only
    from ``_DETECTOR_MIN_BYTES`` on.
    """
    name = canonical_encoding(top.encoding)
    if name == GB18030 or name in _BIG5_NAMES or name.startswith("utf"):
        return False
    return top.chaos + _CHAOS_MARGIN <= mess_ratio(chinese[:_SAMPLE_CHARS], 1.0)


def _try_family(data: bytes, family: str) -> _Candidate | None:
    variants = BIG5_VARIANTS if family == BIG5 else (GB18030,)
    for variant in variants:
        try:
            text = data.decode(variant)
            cut_off = False
        except UnicodeDecodeError as error:
            if not _cut_off(error, data):
                continue
            try:
                text = data[: error.start].decode(variant)
            except UnicodeDecodeError:
                continue
            cut_off = True
        return _Candidate(variant, text, cut_off, oddness(text, variant))
    return None


# Scoring -------------------------------------------------------------------------


def _is_ideograph(code: int) -> bool:
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x3FFFF
    )


# Scripts that a GB or Big5 double-byte code can land on but Chinese prose rarely uses:
# kana, Bopomofo, Hangul, Greek, Cyrillic, box drawing.
_ODD_SCRIPTS = (
    (0x0370, 0x052F),
    (0x1100, 0x11FF),
    (0x2500, 0x259F),
    (0x3040, 0x30FF),
    (0x3100, 0x312F),
    (0x3130, 0x318F),
    (0xAC00, 0xD7AF),
)


def is_garbage(char: str) -> bool:
    """A control, private-use, surrogate, unassigned or replacement character."""
    if char in _TEXT_CONTROLS:
        return False
    code = ord(char)
    if code == 0xFFFD:
        return True
    if 0x20000 <= code <= 0x3FFFF:  # CJK extensions newer than Python's Unicode tables
        return False
    return unicodedata.category(char) in ("Cc", "Co", "Cs", "Cn")


def _common_in(char: str, encoding: str) -> bool:
    """Whether an ideograph is among the common ones of ``encoding``'s character set.

    For GB18030 that is GB2312 (the 6,763 everyday simplified characters); for Big5 it is
    Big5's first level (5,401 frequent traditional characters, lead bytes below 0xC9).
    """
    if encoding == GB18030:
        try:
            char.encode("gb2312")
        except UnicodeEncodeError:
            return False
        return True
    try:
        encoded = char.encode(encoding)
    except UnicodeEncodeError:
        return False
    return len(encoded) == 2 and encoded[0] < 0xC9


def _is_odd(char: str, encoding: str) -> bool:
    if is_garbage(char):
        return True
    code = ord(char)
    if any(low <= code <= high for low, high in _ODD_SCRIPTS):
        return True
    return _is_ideograph(code) and not _common_in(char, encoding)


def _counted(text: str) -> int:
    return sum(1 for char in text[:_SAMPLE_CHARS] if char > "\x7f" and not char.isspace())


def oddness(text: str, encoding: str) -> float:
    """Share of the non-ASCII characters that would be odd in Chinese text read as ``encoding``.

    Odd: garbage (see :func:`is_garbage`), kana, Bopomofo, Hangul, Greek, Cyrillic, box
    drawing, and ideographs outside the encoding's common set. GBK bytes read as Big5
    land on Big5's second level and on Bopomofo; Big5 bytes read as GB18030 land on
    private-use codes, kana and GBK's rare extension characters.
    """
    counts = Counter(char for char in text[:_SAMPLE_CHARS] if char > "\x7f" and not char.isspace())
    total = sum(counts.values())
    if not total:
        return 0.0
    odd = sum(n for char, n in counts.items() if _is_odd(char, encoding))
    return odd / total


def garbage_count(text: str) -> int:
    """How many characters of ``text`` are garbage; one pass over the text."""
    bad = [char for char in set(text) if is_garbage(char)]
    if not bad:
        return 0
    pattern = re.compile("[" + "".join(re.escape(char) for char in bad) + "]")
    return sum(1 for _ in pattern.finditer(text))


def _checked(text: str, encoding: str, shown: str) -> str:
    """``text``, unless too much of it is garbage for it to be real text."""
    bad = garbage_count(text)
    if bad < 2:
        return text
    visible = len(text) - sum(text.count(char) for char in set(text) if char.isspace())
    share = bad / max(1, visible)
    if share > GARBAGE_LIMIT:
        raise GarbledTextError(path=shown, encoding=encoding, percent=max(1, round(share * 100)))
    return text


_CONTROL_BYTES = bytes(b for b in range(0x20) if b not in b"\t\n\x0b\x0c\r\x1a\x1b")


def _control_share(data: bytes) -> float:
    """Share of control bytes (never part of a character in the encodings read here)."""
    sample = data[:65536]
    return (len(sample) - len(sample.translate(None, _CONTROL_BYTES))) / len(sample)


def _looks_like_bomless_utf16(data: bytes) -> bool:
    sample = data[:4096]
    even = sample[0::2]
    odd = sample[1::2]
    if len(odd) < 2:
        return False
    zero_even = even.count(0) / len(even)
    zero_odd = odd.count(0) / len(odd)
    return max(zero_even, zero_odd) > 0.3 and min(zero_even, zero_odd) < 0.05
