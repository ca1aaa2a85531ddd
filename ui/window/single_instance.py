"""One window per project on this machine: a second Fangtan opening a project that is
already open brings that window forward instead.

Each window listens on a local socket named after its project (the file's resolved path,
or the server address without password) and the user; a new process asks on that name
first. Only the user's own processes can connect (UserAccessOption).
"""

import getpass
import hashlib
import weakref
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

from app.errors import FangtanError
from app.locations import default_project_path, project_location

REQUEST = b"raise\n"
ANSWER = b"ok\n"
# How long a new process waits for a running window to answer (milliseconds).
WAIT_MS = 1500


def name_of(location: Path | str | None) -> str | None:
    """The single-instance name of a project location (None: the default project), or
    None when the location cannot be read (opening it will say why)."""
    try:
        if isinstance(location, str):
            location = project_location(location)
        return instance_name(default_project_path() if location is None else location)
    except (FangtanError, OSError):
        return None


def instance_name(location: Path | str) -> str:
    """The socket name for a project file or server address."""
    if isinstance(location, Path):
        key = str(location.expanduser().resolve())
    else:
        from app.project import parse_address  # a server address: the storage layer is loaded

        key = parse_address(location).shown()
    digest = hashlib.sha256(f"{getpass.getuser()}\0{key}".encode()).hexdigest()[:24]
    return f"fangtan-{digest}"


def bring_forward(name: str) -> bool:
    """Ask the window listening on ``name`` to come forward; True when it said it did."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(WAIT_MS):
        return False
    socket.write(REQUEST)
    socket.flush()
    answered = bytes(socket.readLine().data()) if socket.waitForReadyRead(WAIT_MS) else b""
    socket.disconnectFromServer()
    return answered == ANSWER


def raise_window(window: QWidget | None) -> bool:
    """Bring ``window`` to the front, restored if minimised; False when it is not shown."""
    if window is None or not window.isVisible():
        return False
    if window.isMinimized():
        window.showNormal()
    window.raise_()
    window.activateWindow()
    return True


class InstanceServer(QObject):
    """Listens for other processes opening the same project and calls ``come_forward``,
    which says whether a window came forward."""

    def __init__(self, come_forward: Callable[[], bool], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._come_forward: Callable[[], Callable[[], bool] | None]
        self.forward_to(come_forward)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._connected)
        self.name = ""

    def forward_to(self, come_forward: Callable[[], bool]) -> None:
        """What a request calls from now on (the first screen hands it to the window)."""
        # A method is held weakly, so that its owner (which holds this server) is freed
        # as soon as it is no longer used, with the translations it installed.
        try:
            self._come_forward = weakref.WeakMethod(come_forward)
        except TypeError:
            self._come_forward = lambda: come_forward

    def listen(self, name: str) -> bool:
        """Listen on ``name`` (a socket left by a Fangtan that ended abruptly is replaced:
        nobody answered on it). False when the system refuses: the window works alone."""
        if name == self.name and self._server.isListening():
            return True
        self._server.close()
        self.name = name
        if self._server.listen(name):
            return True
        QLocalServer.removeServer(name)
        return self._server.listen(name)

    def close(self) -> None:
        self._server.close()
        self.name = ""

    def _connected(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda socket=socket: self._read(socket))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        come_forward = self._come_forward()
        request = bytes(socket.readLine().data())
        # Answered only when a window came forward: otherwise the other start goes on.
        if request == REQUEST and come_forward is not None and come_forward():
            socket.write(ANSWER)
            socket.flush()
