"""Property tests run the same cases on every run, whatever their own settings."""

import re
from pathlib import Path

from hypothesis import settings

TESTS = Path(__file__).resolve().parents[1]
# A settings(...) call that turns random cases or the deadline back on, or another profile.
OVERRIDE = re.compile(
    r"settings\([^)]*\b(derandomize\s*=\s*(?!True)|deadline\s*=\s*(?!None)|print_blob\s*=\s*(?!True))"
    r"|load_profile\("
)


def test_the_repeatable_profile_is_loaded():
    assert settings.default.derandomize is True
    assert settings.default.deadline is None
    assert settings.default.print_blob is True


def test_no_test_turns_randomness_or_deadlines_back_on():
    found = [
        str(path.relative_to(TESTS))
        for path in sorted(TESTS.rglob("*.py"))
        if path not in (TESTS / "conftest.py", Path(__file__).resolve())
        and OVERRIDE.search(path.read_text(encoding="utf-8"))
    ]
    assert found == []
