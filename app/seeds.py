"""The files shipped in seeds/: sample interviews and the default codebook."""

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

SAMPLE_INTERVIEWS = "interviews-2023-xihaian.txt"


@dataclass(frozen=True)
class TagSeed:
    name: str
    color: str
    shortcut: str
    description: str


def default_codebook() -> list[TagSeed]:
    raw = json.loads((resources.files("seeds") / "codebook.json").read_text(encoding="utf-8"))
    return [TagSeed(**entry) for entry in raw["tags"]]


def sample_interviews_path() -> Path:
    return Path(str(resources.files("seeds") / SAMPLE_INTERVIEWS))
