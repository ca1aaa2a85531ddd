"""PyInstaller hook of PySide6.QtNetwork for setup/fangtan.spec: the stock one, less the
plugins of Qt's TLS backends and network information. Fangtan uses QtNetwork only for the
local socket that keeps one window per project (QLocalServer, QLocalSocket), which loads
neither; connections to a PostgreSQL server go through libpq, with its own OpenSSL."""

from pathlib import Path

from PyInstaller.utils.hooks.qt import add_qt6_dependencies, pyside6_library_info

UNUSED_KINDS = {"tls", "networkinformation"}

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries += pyside6_library_info.collect_qtnetwork_files()
binaries = [entry for entry in binaries if Path(entry[1]).name not in UNUSED_KINDS]
