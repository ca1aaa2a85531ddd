"""Chinese word segmentation with jieba, loaded on first use.

Loading jieba's dictionary takes about a second, so nothing is loaded when this module
is imported: the tokenizer is built the first time ``tokens`` is called (from a worker
thread, never the window's). Offsets are Python code points, like every offset in
Fangtan. A later feature will add a user dictionary here.
"""

import logging
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import jieba

_lock = threading.Lock()
_tokenizer: "jieba.Tokenizer | None" = None


def tokenizer() -> "jieba.Tokenizer":
    """The shared jieba tokenizer, initialised once (thread-safe)."""
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                import jieba

                logging.getLogger("jieba").setLevel(logging.WARNING)
                built = jieba.Tokenizer()
                built.initialize()
                _tokenizer = built
    return _tokenizer


def tokens(text: str) -> list[tuple[str, int, int]]:
    """``(word, start, end)`` for every jieba token of ``text``, in order, covering all of it.

    Whitespace comes back as tokens of its own; ``text[start:end] == word`` always holds.
    """
    if not text:
        return []
    found = [(word, start, end) for word, start, end in tokenizer().tokenize(text)]
    position = 0
    for word, start, end in found:
        if start != position or text[start:end] != word:
            # jieba should tile the text exactly; never trust offsets that do not.
            return [(character, index, index + 1) for index, character in enumerate(text)]
        position = end
    if position != len(text):
        return [(character, index, index + 1) for index, character in enumerate(text)]
    return found
