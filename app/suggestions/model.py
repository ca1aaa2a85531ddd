"""A classifier that learns this project's tags: jieba tokens -> TF-IDF -> logistic regression.

One binary logistic regression per tag over a shared TF-IDF vocabulary (one-vs-rest, so a
passage can get several tags). A tag gets a classifier only once it has at least
MIN_POSITIVES passages with the tag and MIN_NEGATIVES without it; scikit-learn is imported
the first time a model is trained, never when the window starts.
"""

import random
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from app.chinese.segmentation import tokens
from app.user_activity import give_way

if TYPE_CHECKING:
    from sklearn.feature_extraction.text import TfidfVectorizer

MIN_POSITIVES = 5
MIN_NEGATIVES = 5
MAX_PER_CLASS = 1500  # examples of each kind per tag; more only makes training slower

_WORD = re.compile(r"[^\W\d_]")  # a letter or a Chinese character, not only digits/punctuation


Tokenizer = Callable[[str], list[tuple[str, int, int]]]


def words(text: str, tokenize: Tokenizer = tokens) -> list[str]:
    """The jieba words of ``text`` that carry meaning (no spaces, punctuation or bare numbers).

    ``tokenize`` is jieba with jieba's dictionary by default; pass a project's segmenter
    to keep its dictionary terms whole.
    """
    give_way()  # called once per passage while a model trains: let the window go first
    return [word for word, _start, _end in tokenize(text) if _WORD.search(word)]


@dataclass(frozen=True)
class Example:
    """A passage and whether it has the tag ``tag_id`` (True) or not (False)."""

    text: str
    tag_id: int
    positive: bool


class TagModel:
    """Per-tag probabilities for passages; ``tag_ids`` are the tags it can suggest."""

    def __init__(
        self,
        vectorizer: "TfidfVectorizer",
        classifiers: dict[int, Any],
        counts: dict[int, tuple[int, int]],
    ) -> None:
        self._vectorizer = vectorizer
        self._classifiers = classifiers
        self.counts = counts  # tag id -> (positives, negatives) it was trained on

    @property
    def tag_ids(self) -> frozenset[int]:
        return frozenset(self._classifiers)

    def predict(self, texts: Sequence[str]) -> list[dict[int, float]]:
        """For each text, the probability of each trained tag."""
        if not texts or not self._classifiers:
            return [{} for _ in texts]
        matrix = self._vectorizer.transform(list(texts))
        found: list[dict[int, float]] = [{} for _ in texts]
        for tag_id, classifier in self._classifiers.items():
            probabilities = classifier.predict_proba(matrix)[:, 1]
            for row, probability in enumerate(probabilities):
                found[row][tag_id] = float(probability)
        return found


# Per tag, each distinct text of its examples and whether it has the tag. What a model
# learns from, without a list of examples: a project's examples run to hundreds of
# thousands, and are read one by one into this.
Labels = dict[int, dict[str, bool]]


def labelled(examples: Iterable[tuple[str, int, bool]]) -> Labels:
    """The labels of ``examples`` given as (text, tag id, positive)."""
    labels: Labels = defaultdict(dict)
    for text, tag_id, positive in examples:
        texts = labels[tag_id]
        # a text both with and without the tag counts as having it
        texts[text] = texts.get(text, False) or positive
    return dict(labels)


def _triples(examples: Iterable[Example]) -> Iterator[tuple[str, int, bool]]:
    return ((example.text, example.tag_id, example.positive) for example in examples)


def label_counts(labels: Labels) -> dict[int, tuple[int, int]]:
    """(positives, negatives) per tag, counting each distinct text once."""
    counts = {}
    for tag_id, texts in labels.items():
        positives = sum(texts.values())
        counts[tag_id] = (positives, len(texts) - positives)
    return counts


def example_counts(examples: Iterable[Example]) -> dict[int, tuple[int, int]]:
    """(positives, negatives) per tag, counting each distinct text once."""
    return label_counts(labelled(_triples(examples)))


def _capped(labels: dict[str, bool], rng: random.Random) -> list[str]:
    """At most MAX_PER_CLASS texts with the tag and as many without, picked at random."""
    chosen: list[str] = []
    for kind in (True, False):
        texts = sorted(text for text, positive in labels.items() if positive is kind)
        if len(texts) > MAX_PER_CLASS:
            texts = rng.sample(texts, MAX_PER_CLASS)
        chosen.extend(texts)
    return sorted(chosen)


def train(
    examples: Iterable[Example], *, seed: int = 0, tokenize: Tokenizer = tokens
) -> TagModel | None:
    """A model for every tag with enough examples; None when no tag has enough."""
    return train_labels(labelled(_triples(examples)), seed=seed, tokenize=tokenize)


def train_labels(labels: Labels, *, seed: int = 0, tokenize: Tokenizer = tokens) -> TagModel | None:
    """A model for every tag with enough labelled texts; None when no tag has enough.

    Every text is segmented once, however many tags it is an example for; a tag with
    more than MAX_PER_CLASS examples of a kind learns from a random MAX_PER_CLASS of them.
    """
    counts = label_counts(labels)
    ready = sorted(
        tag_id
        for tag_id, (positive, negative) in counts.items()
        if positive >= MIN_POSITIVES and negative >= MIN_NEGATIVES
    )
    if not ready:
        return None
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    rng = random.Random(seed)
    chosen = {tag_id: _capped(labels[tag_id], rng) for tag_id in ready}
    texts = sorted({text for picked in chosen.values() for text in picked})
    row = {text: number for number, text in enumerate(texts)}
    vectorizer = TfidfVectorizer(analyzer=partial(words, tokenize=tokenize), sublinear_tf=True)
    matrix = vectorizer.fit_transform(texts)
    classifiers: dict[int, Any] = {}
    used: dict[int, tuple[int, int]] = {}
    for tag_id in ready:
        picked, known = chosen[tag_id], labels[tag_id]
        classifier = LogisticRegression(class_weight="balanced", max_iter=1000, random_state=seed)
        classifier.fit(matrix[[row[text] for text in picked]], [known[text] for text in picked])
        classifiers[tag_id] = classifier
        positives = sum(known[text] for text in picked)
        used[tag_id] = (positives, len(picked) - positives)
    return TagModel(vectorizer, classifiers, used)
