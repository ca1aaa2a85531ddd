"""Chinese word segmentation with jieba, loaded on first use, with each project's dictionary.

Loading jieba's dictionary blocks for 0.5–0.8 s and takes about 65 MB, so nothing is
loaded when this module is imported. The window asks a worker thread to call
``Segmenter.load()`` once it is shown; until then, the calls that must not wait
(``Segmenter.word_spans_now``, ``app.chinese.words`` with ``wait=False``) answer None and the
caller falls back to characters.

jieba's own dictionary is read once per process (``base_tokenizer``). Each open project
gets a ``Segmenter``: a copy of that dictionary (about 15 MB more) with the project's
dictionary terms added, so a term added or removed takes effect at the next
segmentation, without a restart. The dictionary commands (app/chinese/dictionary.py) call
``note_dictionary_change`` in their transaction; once it commits, the project's segmenter
reads its terms again before it next segments anything.

Segmentations of pieces of text (a turn at a time) are cached by their text, up to a
number of characters, as token end offsets; the cache is emptied when the dictionary
changes. Offsets are Python code points, like every offset in Fangtan. A character
above U+FFFF (𠮷, an emoji) is one code point, so a token never splits one; emoji
sequences (skin tones, ZWJ sequences, flags) and combining marks stay with the
character they belong to.
"""

import gc
import logging
import re
import threading
import time
import unicodedata
import weakref
from array import array
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from sqlalchemy import Engine, event, select
from sqlalchemy.orm import Session

from app.text_cache import LRU
from models import DictionaryTerm

if TYPE_CHECKING:
    import jieba

    from app.project import Project

# A dictionary term gets at least this frequency (jieba's dictionary totals about 60
# million), so that it stays whole next to the words around it, not only on its own.
TERM_FREQUENCY = 10_000
CACHE_CHARACTERS = 4_000_000  # characters of text whose segmentation is kept

_base_lock = threading.Lock()
_base: "jieba.Tokenizer | None" = None
base_load_seconds: float | None = None  # how long jieba's dictionary took to load


@contextmanager
def gc_paused() -> Iterator[None]:
    """Hold off the cyclic garbage collector while a loader makes millions of objects.

    Each collection it would trigger holds the GIL while it walks every object of the
    process, which freezes the window thread for 100-300 ms at a time.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def base_tokenizer() -> "jieba.Tokenizer":
    """jieba with its own dictionary only, loaded once per process (blocks the first time)."""
    global _base, base_load_seconds
    if _base is None:
        with _base_lock, gc_paused():
            if _base is None:
                started = time.perf_counter()
                import jieba

                logging.getLogger("jieba").setLevel(logging.WARNING)
                built = jieba.Tokenizer()
                read_own_dictionary(built)
                base_load_seconds = time.perf_counter() - started
                _base = built
    return _base


# jieba's tables ------------------------------------------------------------------------
#
# jieba has no public way to load its dictionary without its cache file, to share it
# between tokenizers, or to put back the frequency of a word it knew. The three functions
# below are the only place that touches what it keeps for that (``FREQ``, ``total``,
# ``initialized``, ``gen_pfdict``, ``get_dict_file``);
# tests/app/test_segmentation_words.py fails if jieba changes them.


def read_own_dictionary(tokenizer: "jieba.Tokenizer") -> None:
    """Load jieba's own dictionary into ``tokenizer`` with jieba's (Python) reader.

    Not initialize(), which unmarshals a cache file in one C call that holds the GIL
    (and so freezes the window) for most of a second. This takes no longer, lets the
    window thread run, and writes no cache file.
    """
    with tokenizer.get_dict_file() as source:
        table, total = tokenizer.gen_pfdict(source)
    set_frequencies(tokenizer, table, total)


def frequencies(tokenizer: "jieba.Tokenizer") -> tuple[dict[str, int], int]:
    """jieba's word frequencies and their total, as ``tokenizer`` segments with them."""
    return tokenizer.FREQ, tokenizer.total


def set_frequencies(tokenizer: "jieba.Tokenizer", table: dict[str, int], total: int) -> None:
    """Make ``tokenizer`` segment with ``table`` and ``total`` (and count as loaded)."""
    tokenizer.FREQ = table
    tokenizer.total = total
    tokenizer.initialized = True


def tokens(text: str) -> list[tuple[str, int, int]]:
    """``(word, start, end)`` for every jieba token of ``text`` (jieba's dictionary only).

    The tokens cover all of ``text`` in order; whitespace comes back as tokens of its own,
    and ``text[start:end] == word`` always holds. ``Segmenter.tokens`` does the same with
    a project's dictionary.
    """
    return _as_tokens(text, _cut(base_tokenizer(), text))


# Cutting text ----------------------------------------------------------------------


def _cut(tokenizer: "jieba.Tokenizer", text: str) -> array:
    """Token end offsets of ``text`` (the last one is ``len(text)``)."""
    ends = array("I")
    if not text:
        return ends
    position = 0
    for word in tokenizer.cut(text):
        position += len(word)
        ends.append(position)
    if position != len(text) or (ends and ends[-1] != len(text)):
        # jieba should tile the text exactly; never trust offsets that do not.
        return array("I", range(1, len(text) + 1))
    return _glued(text, ends)


_JOINER = "\u200d"


def _attaches(text: str, offset: int) -> bool:
    """Whether the character at ``offset`` belongs with the one before it."""
    character = text[offset]
    before = text[offset - 1]
    point = ord(character)
    if before == _JOINER or character == _JOINER:
        return True
    if 0xFE00 <= point <= 0xFE0F or 0xE0100 <= point <= 0xE01EF:  # variation selectors
        return True
    if 0x1F3FB <= point <= 0x1F3FF or 0xE0020 <= point <= 0xE007F:  # skin tones, tag chars
        return True
    if unicodedata.category(character) in ("Mn", "Mc", "Me"):
        return True
    if _regional(character) and _regional(before):
        run = 0
        while offset - run - 1 >= 0 and _regional(text[offset - run - 1]):
            run += 1
        return run % 2 == 1  # the second flag letter of a pair
    return False


def _regional(character: str) -> bool:
    return 0x1F1E6 <= ord(character) <= 0x1F1FF


# Characters outside these ranges may attach to the one before them (marks, emoji parts).
_PLAIN = re.compile(
    "[^\x00-\u02ff\u2010-\u2027\u2030-\u205e\u3000-\u3029\u3030-\u3098\u309b-\u9fff\uff00-\uffef]"
)


def _glued(text: str, ends: array) -> array:
    """``ends`` without the boundaries that would cut a character from its marks."""
    if _PLAIN.search(text) is None:
        return ends  # Chinese, ASCII and common punctuation only: the common case
    kept = array("I")
    for end in ends:
        if end < len(text) and _attaches(text, end):
            continue
        kept.append(end)
    return kept


def _as_tokens(text: str, ends: array) -> list[tuple[str, int, int]]:
    found = []
    start = 0
    for end in ends:
        found.append((text[start:end], start, end))
        start = end
    return found


def _as_words(text: str, ends: array) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for end in ends:
        if not text[start:end].isspace():
            spans.append((start, end))
        start = end
    return spans


# One project's segmenter -------------------------------------------------------------


class Segmenter:
    """jieba with one project's dictionary terms, and a cache of what it has cut.

    Thread-safe: the window thread and one worker may use it at the same time. Only
    ``load`` and the blocking calls wait for jieba; ``*_now`` calls never do.
    """

    def __init__(self, engine: Engine) -> None:
        self._engine = weakref.ref(engine)
        self._key = _file_key(engine)
        self._seen = -1  # the word lists' revision the terms were last read at
        self._lock = threading.RLock()  # loading and changing the dictionary
        self._tokenizer: jieba.Tokenizer | None = None
        self._terms: set[str] = set()
        # Token ends by text, up to CACHE_CHARACTERS characters of text.
        self._cache: LRU[str, array] = LRU(CACHE_CHARACTERS, lambda text, _ends: len(text))

    # Loading and the dictionary

    @property
    def ready(self) -> bool:
        """True once jieba is loaded, so segmenting no longer waits for it."""
        return self._tokenizer is not None

    @property
    def terms(self) -> frozenset[str]:
        """The project's terms as the segmenter uses them now."""
        return frozenset(self._terms)

    def load(self) -> None:
        """Load jieba and the project's terms (blocks for up to a second the first time);
        later calls only read the terms again if they have changed."""
        with self._lock:
            if self._tokenizer is None:
                base = base_tokenizer()
                import jieba

                built = jieba.Tokenizer()
                table, total = frequencies(base)
                set_frequencies(built, dict(table), total)
                self._add(built, self._read_terms())
                self._tokenizer = built
                self._changed()
            elif self._stale:
                self._sync(self._read_terms())

    @property
    def revision(self) -> int:
        """Goes up each time a word list (terms or stop words) of the project changes."""
        return _revisions.get(self._key, 0)

    @property
    def _stale(self) -> bool:
        return self._seen != self.revision

    def invalidate(self) -> None:
        """The word lists changed: read the terms again before the next segmentation."""
        _changed_lists(self._key)

    def _read_terms(self) -> set[str]:
        self._seen = self.revision  # changes committed from here on are seen next time
        engine = self._engine()
        if engine is None:
            return set(self._terms)
        with Session(engine) as own:
            return set(own.scalars(select(DictionaryTerm.term)))

    def _add(self, tokenizer: "jieba.Tokenizer", terms: set[str]) -> None:
        for term in sorted(terms):
            frequency = max(tokenizer.suggest_freq(term), TERM_FREQUENCY)
            tokenizer.add_word(term, frequency)
        self._terms |= terms

    def _sync(self, terms: set[str]) -> None:
        tokenizer = self._tokenizer
        if tokenizer is None or terms == self._terms:
            return
        original, _base_total = frequencies(base_tokenizer())
        table, total = frequencies(tokenizer)
        for term in self._terms - terms:
            # Back to what jieba's own dictionary says (0: a prefix of longer words only).
            total += original.get(term, 0) - table.get(term, 0)
            table[term] = original.get(term, 0)
        set_frequencies(tokenizer, table, total)
        self._terms -= self._terms - terms
        self._add(tokenizer, terms - self._terms)
        self._changed()

    @property
    def generation(self) -> int:
        """Goes up each time the terms in use change."""
        return self._cache.version

    def _changed(self) -> None:
        self._cache.clear()

    def _current(self, wait: bool) -> "jieba.Tokenizer | None":
        """The tokenizer with the latest terms; None if that would mean waiting."""
        if wait:
            self.load()
            return self._tokenizer
        if self._tokenizer is None:
            return None
        if self._stale:
            if not self._lock.acquire(blocking=False):
                return None
            try:
                self._sync(self._read_terms())
            finally:
                self._lock.release()
        return self._tokenizer

    # Segmenting

    def _ends(self, text: str, wait: bool, cache: bool = True) -> array | None:
        if cache:
            found = self._cache.get(text)
            if found is not None and not self._stale:
                return found
        tokenizer = self._current(wait)
        if tokenizer is None:
            return None
        generation = self.generation
        ends = _cut(tokenizer, text)
        if cache and len(text) <= CACHE_CHARACTERS // 4:
            self._cache.put(text, ends, since=generation)  # not if the terms changed since
        return ends

    def tokens(self, text: str, *, cache: bool = False) -> list[tuple[str, int, int]]:
        """Like the module's ``tokens``, with the project's terms kept whole (may wait)."""
        ends = self._ends(text, wait=True, cache=cache)
        assert ends is not None
        return _as_tokens(text, ends)

    def words(self, text: str) -> list[tuple[str, int, int]]:
        """``(word, start, end)`` of every token that is not whitespace (may wait; cached)."""
        ends = self._ends(text, wait=True)
        assert ends is not None
        return [(text[start:end], start, end) for start, end in _as_words(text, ends)]

    def word_spans(self, text: str) -> list[tuple[int, int]]:
        """``(start, end)`` of every word of ``text``, whitespace left out (may wait; cached)."""
        ends = self._ends(text, wait=True)
        assert ends is not None
        return _as_words(text, ends)

    def word_spans_now(self, text: str) -> list[tuple[int, int]] | None:
        """``word_spans`` if that needs no waiting for jieba, else None."""
        ends = self._ends(text, wait=False)
        return None if ends is None else _as_words(text, ends)


_segmenters: "weakref.WeakKeyDictionary[Engine, Segmenter]" = weakref.WeakKeyDictionary()
_registry_lock = threading.Lock()


def _segmenter(engine: Engine) -> Segmenter:
    with _registry_lock:
        found = _segmenters.get(engine)
        if found is None:
            found = _segmenters[engine] = Segmenter(engine)
        return found


def for_project(project: "Project") -> Segmenter:
    """The segmenter of an open project (the same one for as long as it is open)."""
    return _segmenter(project.engine)


def for_session(session: Session) -> Segmenter:
    """The segmenter of the project ``session`` belongs to (loaded: this may wait).

    It uses the terms committed last, which a dictionary change during a long export
    can change between two documents.
    """
    segmenter = _segmenter(_engine(session))
    segmenter.load()
    return segmenter


def _engine(session: Session) -> Engine:
    """The engine of the project ``session`` belongs to (project sessions have one)."""
    bind = session.get_bind()
    if not isinstance(bind, Engine):
        raise TypeError(f"a session of a project is bound to its engine, not {bind!r}")
    return bind


def _file_key(engine: Engine) -> str:
    return str(engine.url)


# Revisions of each project file's word lists, by database URL: a commit that changes a
# list raises it, and every segmenter on that file reads its terms again.
_revisions: dict[str, int] = {}


def _changed_lists(key: str) -> None:
    with _registry_lock:
        _revisions[key] = _revisions.get(key, 0) + 1


def note_dictionary_change(session: Session) -> None:
    """Call inside a transaction that changes a word list: the project's segmenters read
    their terms again once that transaction commits (and not if it rolls back)."""
    flag = "app.chinese.segmentation.hooked"
    if session.info.get(flag):
        return
    session.info[flag] = True
    key = _file_key(_engine(session))

    def committed(_session: Session) -> None:
        session.info.pop(flag, None)
        _changed_lists(key)

    event.listen(session, "after_commit", committed, once=True)
