"""File ▸ Open Server Project: where a team's project lives (host, port, database, user),
and the password, asked only when the server wants one and kept in memory only."""

import getpass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from app.errors import QT_TRANSLATE_NOOP, FangtanError
from app.project import Project
from ui.window.i18n import settings

DEFAULT_HOST = "localhost"
DEFAULT_PORT = 5432
SSL_MODES = ("prefer", "require", "disable")
DEFAULT_SSL_MODE = "prefer"  # libpq's own default: left out of the address
# Characters that would end the part of the address they are typed in; written %XX.
RESERVED = frozenset(":@/?#[]%&=+\\")
NOT_IN_HOST = frozenset("/@?#")
# What the dialog remembers between runs (never a password).
KEYS = {
    "host": "server/host",
    "port": "server/port",
    "database": "server/database",
    "user": "server/user",
    "sslmode": "server/sslmode",
}


class ServerRestoreError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "{path} is a server project: its backups are made and restored on the server "
        "(pg_dump), not from Fangtan.",
    )


def login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def quoted(text: str) -> str:
    """``text`` as one part of an address: the characters that would end that part are
    written %XX, everything else (Chinese too) as typed."""
    return "".join(
        f"%{ord(char):02X}" if char in RESERVED or char.isspace() else char for char in text
    )


def server_address(host: str, port: int, database: str, user: str, sslmode: str) -> str:
    """The address of a server project as typed on the command line."""
    shown_host = f"[{host}]" if ":" in host and not host.startswith("[") else host
    address = f"postgresql://{quoted(user)}@{shown_host}:{port}/{quoted(database)}"
    if sslmode != DEFAULT_SSL_MODE:
        address += f"?sslmode={sslmode}"
    return address


def host_of(project: Project) -> str:
    return (project.server.url.host or DEFAULT_HOST) if project.server is not None else ""


def title_suffix(project: Project) -> str:
    """What the window's title adds for a server project: " — server HOST"."""
    if project.server is None:
        return ""
    server = QCoreApplication.translate("ServerOpenDialog", "— server %1")
    return " " + server.replace("%1", host_of(project))


def status_text(project: Project, online: bool = True) -> str:
    """The status bar's word on a server project ("Server: user@host/db", or that it is
    offline); "" for a file."""
    if project.server is None:
        return ""
    where = f"{project.server.user or project.annotator}@{host_of(project)}/{project.name}"
    if not online:
        text = QCoreApplication.translate("ServerOpenDialog", "Offline — server: %1")
    else:
        text = QCoreApplication.translate("ServerOpenDialog", "Server: %1")
    return text.replace("%1", where)


class ServerOpenDialog(QDialog):
    """The fields of a server address, the address they make, and OK once it is usable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("serverOpenDialog")
        self.setWindowTitle(self.tr("Open Server Project"))
        store = settings()
        self.host_edit = QLineEdit(str(store.value(KEYS["host"], DEFAULT_HOST)))
        self.host_edit.setObjectName("serverHost")
        self.port_spin = QSpinBox()
        self.port_spin.setObjectName("serverPort")
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(_stored_port(store.value(KEYS["port"], DEFAULT_PORT)))
        self.database_edit = QLineEdit(str(store.value(KEYS["database"], "")))
        self.database_edit.setObjectName("serverDatabase")
        self.database_edit.setPlaceholderText(self.tr("The team's database, named by the lead"))
        self.user_edit = QLineEdit(str(store.value(KEYS["user"], "")) or login_name())
        self.user_edit.setObjectName("serverUser")
        self.user_edit.setPlaceholderText(self.tr("Your login on the server"))
        self.ssl_combo = QComboBox()
        self.ssl_combo.setObjectName("serverSslMode")
        for mode, label in zip(SSL_MODES, self._ssl_labels(), strict=True):
            self.ssl_combo.addItem(label, mode)
        stored_mode = str(store.value(KEYS["sslmode"], DEFAULT_SSL_MODE))
        self.ssl_combo.setCurrentIndex(max(0, self.ssl_combo.findData(stored_mode)))
        self.preview = QLineEdit()
        self.preview.setObjectName("serverAddressPreview")
        self.preview.setReadOnly(True)
        self.note = QLabel(
            self.tr("The password is asked for when the server wants one, and is not saved.")
        )
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("&Host:"), self.host_edit)
        form.addRow(self.tr("&Port:"), self.port_spin)
        form.addRow(self.tr("&Database:"), self.database_edit)
        form.addRow(self.tr("&User:"), self.user_edit)
        form.addRow(self.tr("&SSL mode:"), self.ssl_combo)
        form.addRow(self.tr("Address:"), self.preview)
        form.addRow(self.note)
        form.addRow(self.buttons)
        for edit in (self.host_edit, self.database_edit, self.user_edit):
            edit.textChanged.connect(self._update)
        self.port_spin.valueChanged.connect(self._update)
        self.ssl_combo.currentIndexChanged.connect(self._update)
        self._update()

    def _ssl_labels(self) -> tuple[str, str, str]:
        return (
            self.tr("Prefer (encrypted when the server offers it)"),
            self.tr("Require (always encrypted)"),
            self.tr("Disable (never encrypted)"),
        )

    def _fields(self) -> tuple[str, str, str]:
        return (
            self.host_edit.text().strip(),
            self.database_edit.text().strip(),
            self.user_edit.text().strip(),
        )

    def is_valid(self) -> bool:
        host, database, user = self._fields()
        bad_host = any(char.isspace() or char in NOT_IN_HOST for char in host)
        return bool(host and database and user) and not bad_host

    def address(self) -> str:
        """The address typed so far, as ``postgresql://user@host:port/db``."""
        host, database, user = self._fields()
        return server_address(host, self.port_spin.value(), database, user, self.ssl_mode())

    def ssl_mode(self) -> str:
        return str(self.ssl_combo.currentData())

    def _update(self) -> None:
        self.preview.setText(self.address())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.is_valid())

    def _accept(self) -> None:
        if not self.is_valid():
            return
        host, database, user = self._fields()
        store = settings()
        store.setValue(KEYS["host"], host)
        store.setValue(KEYS["port"], self.port_spin.value())
        store.setValue(KEYS["database"], database)
        store.setValue(KEYS["user"], user)
        store.setValue(KEYS["sslmode"], self.ssl_mode())
        self.accept()


def _stored_port(value: object) -> int:
    try:
        port = int(str(value))
    except ValueError:
        return DEFAULT_PORT
    return port if 1 <= port <= 65535 else DEFAULT_PORT


def choose_address(parent: QWidget | None) -> str | None:
    """Ask where the server project is; None when cancelled."""
    dialog = ServerOpenDialog(parent)
    address = dialog.address() if dialog.exec() else None
    dialog.deleteLater()
    return address


class PasswordDialog(QDialog):
    """The password the server asks for, typed hidden; it lives only as long as the
    connection that uses it."""

    def __init__(self, location: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("serverPasswordDialog")
        self.setWindowTitle(self.tr("Server Password"))
        self.message = QLabel(self.tr("%1 asks for a password.").replace("%1", location))
        self.message.setWordWrap(True)
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("serverPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.message)
        form.addRow(self.tr("&Password:"), self.password_edit)
        form.addRow(self.buttons)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        self.password_edit.textChanged.connect(lambda text: ok.setEnabled(bool(text)))

    def password(self) -> str:
        return self.password_edit.text()


def ask_password(parent: QWidget | None, location: str) -> str | None:
    """The password for ``location``, or None when cancelled."""
    dialog = PasswordDialog(location, parent)
    answered = dialog.exec()
    password = dialog.password() if answered else None
    dialog.password_edit.clear()
    dialog.deleteLater()
    return password or None
