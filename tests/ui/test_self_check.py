"""`fangtan self-check`: the real window tags a passage and its CSV export gives it back;
any step that fails says so in one line on stderr and a non-zero exit code."""

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

import app.exchange
import app.exchange.writers.tables as tables
from app.errors import FangtanError
from ui import self_check

FANGTAN = Path(sys.executable).with_name("fangtan")
# Taken before the tests' guard against unanswered dialogs replaces it: the check itself
# must answer a real message box.
REAL_WARNING = QMessageBox.warning


def test_passes_from_the_command_line_and_writes_nothing_outside_its_folder(tmp_path):
    config, temporary = tmp_path / "config", tmp_path / "tmp"
    temporary.mkdir()
    environment = dict(os.environ, XDG_CONFIG_HOME=str(config), TMPDIR=str(temporary))
    environment.pop("QT_QPA_PLATFORM")  # the command draws offscreen by itself
    for variable in ("DISPLAY", "WAYLAND_DISPLAY"):
        environment.pop(variable, None)
    result = subprocess.run(
        [str(FANGTAN), "self-check"],
        capture_output=True,
        text=True,
        env=environment,
        timeout=240,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    [line] = result.stdout.splitlines()
    assert line.startswith(
        "self-check passed: tagged “大力推进氢能产业园区建设” as 产业发展 with the key 1 "
        "in the window (offscreen) and read it back from its CSV export; 2 translations, "
        "the icon, jieba "
    )
    assert "scikit-learn" in line and "libpq" in line
    assert not config.exists()  # the window's settings went to the temporary folder
    assert list(temporary.iterdir()) == []  # which is gone


def test_a_wrong_export_fails_in_one_line(qapp, monkeypatch, capsys):
    settings_file = QSettings("Fangtan", "Fangtan").fileName()
    monkeypatch.setattr(
        tables, "neutralize", lambda value: "氢能" if value == "大力推进氢能产业园区建设" else value
    )
    assert self_check.run() == 1
    assert QSettings("Fangtan", "Fangtan").fileName() == settings_file  # put back
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith(
        "self-check failed: the CSV export's row reads (tag, text, start, end) = "
        "('产业发展', '氢能', "
    )


class DiskFullError(FangtanError):
    template = "The disk is full."


def test_a_message_from_the_window_is_answered_and_ends_the_check(qapp, monkeypatch, capsys):
    monkeypatch.setattr(QMessageBox, "warning", REAL_WARNING)

    def refuse(*_args, **_kwargs):
        raise DiskFullError()

    monkeypatch.setattr(app.exchange, "export", refuse)
    assert self_check.run() == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert (
        err
        == "self-check failed: waiting for the CSV export: the window said “The disk is full.”\n"
    )
    assert not [widget for widget in qapp.topLevelWidgets() if widget.isVisible()]
