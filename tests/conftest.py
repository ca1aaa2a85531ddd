"""Test environment: offscreen Qt, and user folders (settings, data, logs) in a temp dir."""

import os
import tempfile

os.environ["QT_QPA_PLATFORM"] = "offscreen"
_home = tempfile.mkdtemp(prefix="fangtan-tests-")
for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
    os.environ[variable] = os.path.join(_home, variable.lower())
os.environ["LANGUAGE"] = "en"
os.environ["LC_ALL"] = "C.UTF-8"
