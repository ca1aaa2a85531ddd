"""Test environment: offscreen Qt, user folders (settings, data, logs) in a temp dir, and
property tests that try the same cases on every run."""

import os
import tempfile

from hypothesis import settings

# A throwaway PostgreSQL cluster for the tests of server projects, started on first use.
# A test stuck where pytest-timeout cannot act prints every thread's stack and ends the run.
pytest_plugins = ["tests.support.postgres", "tests.support.hang_watch"]

os.environ["QT_QPA_PLATFORM"] = "offscreen"
_home = tempfile.mkdtemp(prefix="fangtan-tests-")
for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
    os.environ[variable] = os.path.join(_home, variable.lower())
os.environ["LANGUAGE"] = "en"
os.environ["LC_ALL"] = "C.UTF-8"

# Loaded always (on CI and on every machine) before any test module, so every @settings(...)
# starts from it: a failure is the same on the next run and on CI, a slow machine is no
# failure, and a failing case is printed with the blob that replays it (@reproduce_failure).
# No test may set derandomize or deadline back (tests/app/test_repeatable.py checks).
settings.register_profile("repeatable", derandomize=True, deadline=None, print_blob=True)
settings.load_profile("repeatable")
