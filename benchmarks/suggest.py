"""Tag suggestions on a hand-labelled set: precision and recall per tag.

    python benchmarks/suggest.py [--repeats 10] [--threshold 0.5]

Systems:
- rules: the seed trigger words (seeds/triggers.json), no training.
- model@N: the suggestion model (jieba -> TF-IDF -> logistic regression per tag) trained on
  N passages drawn at random from the *other* documents (leave one document out), averaged
  over --repeats draws. A size larger than the passages of the other documents is reported
  as not reachable, never padded.
- model@all: trained on every passage of the other documents.
- rules+model@all: what the window offers: a rule hit, or the model at or above the threshold.

Counts (true/false positives, false negatives) are summed over the folds and draws before
precision and recall are taken. The labelled set and how it was made:
benchmarks/labelled/README.md.
"""

import argparse
import json
import random
from collections import defaultdict
from pathlib import Path

from app.suggestions.model import Example, train
from app.suggestions.triggers import seed_triggers, words_found

TAGS = ("产业发展", "民生", "党建", "城市更新")
SIZES = (20, 50, 100)
LABELLED = Path(__file__).resolve().parent / "labelled"


def load() -> list[dict]:
    passages = []
    for path in sorted(LABELLED.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            passages.extend(json.loads(line) for line in handle if line.strip())
    return passages


class Counts:
    def __init__(self) -> None:
        self.tp: dict[str, int] = defaultdict(int)
        self.fp: dict[str, int] = defaultdict(int)
        self.fn: dict[str, int] = defaultdict(int)
        self.runs = 0
        self.untrained: dict[str, int] = defaultdict(int)  # runs without a classifier

    def add(self, truth: set[str], predicted: set[str]) -> None:
        for tag in TAGS:
            if tag in predicted and tag in truth:
                self.tp[tag] += 1
            elif tag in predicted:
                self.fp[tag] += 1
            elif tag in truth:
                self.fn[tag] += 1

    def cells(self, tag: str | None) -> tuple[str, str]:
        tags = TAGS if tag is None else (tag,)
        tp = sum(self.tp[t] for t in tags)
        fp = sum(self.fp[t] for t in tags)
        fn = sum(self.fn[t] for t in tags)
        precision = f"{tp / (tp + fp):.2f}" if tp + fp else "–"
        recall = f"{tp / (tp + fn):.2f}" if tp + fn else "–"
        return precision, recall


def rule_tags(text: str, triggers: dict[str, tuple[str, ...]]) -> set[str]:
    return {tag for tag in TAGS if words_found(text, triggers.get(tag, ()))}


def examples(passages: list[dict]) -> list[Example]:
    ids = {tag: number for number, tag in enumerate(TAGS)}
    return [Example(p["text"], ids[tag], tag in p["tags"]) for p in passages for tag in TAGS]


def model_tags(model, texts: list[str], threshold: float) -> list[set[str]]:
    if model is None:
        return [set() for _ in texts]
    return [
        {TAGS[tag_id] for tag_id, p in probabilities.items() if p >= threshold}
        for probabilities in model.predict(texts)
    ]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=10)
    parser.add_argument("--threshold", type=float, default=0.5)
    arguments = parser.parse_args()
    passages = load()
    documents = sorted({p["document"] for p in passages})
    triggers = seed_triggers()
    support = {tag: sum(tag in p["tags"] for p in passages) for tag in TAGS}

    systems: dict[str, Counts] = {}
    notes: list[str] = []
    rules = systems.setdefault("rules", Counts())
    for passage in passages:
        rules.add(set(passage["tags"]), rule_tags(passage["text"], triggers))

    pools = {}
    for held_out in documents:
        test = [p for p in passages if p["document"] == held_out]
        pool = [p for p in passages if p["document"] != held_out]
        pools[held_out] = len(pool)
        texts = [p["text"] for p in test]
        for size in SIZES:
            name = f"model@{size}"
            counts = systems.setdefault(name, Counts())
            if len(pool) < size:
                continue
            for repeat in range(arguments.repeats):
                drawn = random.Random(repeat).sample(pool, size)
                model = train(examples(drawn))
                counts.runs += 1
                for tag_id, tag in enumerate(TAGS):
                    if model is None or tag_id not in model.tag_ids:
                        counts.untrained[tag] += 1
                for passage, predicted in zip(
                    test, model_tags(model, texts, arguments.threshold), strict=True
                ):
                    counts.add(set(passage["tags"]), predicted)
        model = train(examples(pool))
        alone = systems.setdefault("model@all", Counts())
        both = systems.setdefault("rules+model@all", Counts())
        alone.runs += 1
        both.runs += 1
        for tag_id, tag in enumerate(TAGS):
            if model is None or tag_id not in model.tag_ids:
                alone.untrained[tag] += 1
                both.untrained[tag] += 1
        for passage, predicted in zip(
            test, model_tags(model, texts, arguments.threshold), strict=True
        ):
            truth = set(passage["tags"])
            alone.add(truth, predicted)
            both.add(truth, predicted | rule_tags(passage["text"], triggers))

    print(
        f"Labelled set: {len(passages)} passages (sentences of answer turns) in "
        f"{len(documents)} documents; support per tag: "
        + ", ".join(f"{tag} {support[tag]}" for tag in TAGS)
        + f"; passages with no tag: {sum(not p['tags'] for p in passages)}."
    )
    print(
        "Cross-validation by document: train on the other document(s), test on the held-out "
        "one; training passages available per fold: "
        + ", ".join(f"{d} -> {n}" for d, n in pools.items())
        + f". Model threshold {arguments.threshold}; {arguments.repeats} random draws per size."
    )
    print()
    header = "| system | " + " | ".join(f"{tag} P / R" for tag in TAGS) + " | all tags P / R |"
    print(header)
    print("|" + "---|" * (len(TAGS) + 2))
    for name, counts in systems.items():
        if name.startswith("model@") and name != "model@all" and counts.runs == 0:
            reachable = max(pools.values())
            print(
                f"| {name} | "
                + " | ".join("n/a" for _ in TAGS)
                + f" | n/a — only {reachable} training passages in a fold |"
            )
            continue
        row = []
        for tag in TAGS:
            precision, recall = counts.cells(tag)
            mark = "*" if counts.untrained[tag] else ""
            row.append(f"{precision} / {recall}{mark}")
        precision, recall = counts.cells(None)
        print(f"| {name} | " + " | ".join(row) + f" | {precision} / {recall} |")
        untrained = {tag: n for tag, n in counts.untrained.items() if n}
        if untrained:
            notes.append(
                f"{name}: no classifier (fewer than 5 positive or negative examples) for "
                + ", ".join(f"{tag} in {n} of {counts.runs} runs" for tag, n in untrained.items())
            )
    print()
    print("P = precision, R = recall; – = nothing predicted. * = see the notes below.")
    for note in notes:
        print(f"* {note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
