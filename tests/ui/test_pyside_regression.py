"""Guard against PySide6 6.12.0's crash: each void method call dropped a reference to None,
and after a few thousand calls the process aborted with "none_dealloc"."""

import os
import subprocess
import sys

CHILD = """
from PySide6.QtGui import QTextCursor, QTextDocument
document = QTextDocument("访谈" * 100)
cursor = QTextCursor(document)
for index in range(20_000):
    cursor.setPosition(index % 150)
print("done")
"""


def test_twenty_thousand_void_calls_exit_cleanly():
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, env=environment, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "done"
    assert "none_dealloc" not in result.stderr
