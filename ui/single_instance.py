"""One window per user: a second launch hands its file to the running app and ends.

Double-clicking a second ``.ngoaudit`` in Explorer starts a second ``ngo-audit.exe``.
It first tries to reach a running one through a ``QLocalServer`` (a named pipe on
Windows, a socket on Linux/macOS); if it gets through it sends the path and exits,
and the running window comes to the front and opens the file.  Otherwise it becomes
the running one and listens.

Message: one line of JSON per launch, ``{"open": "C:\\\\…\\\\x.ngoaudit"}`` (``"open": null``
for a launch without a file, which only brings the window to the front).
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import os
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

ENV_NAME = "NGO_AUDIT_INSTANCE_NAME"  # tests use a unique name so that they never meet a real window
CONNECT_TIMEOUT_MS = 1000


def server_name() -> str:
    """Per user (named pipes are machine-wide on Windows) and per settings folder (tests, portable installs)."""
    if os.environ.get(ENV_NAME):
        return os.environ[ENV_NAME]
    try:
        user = getpass.getuser()
    except Exception:
        user = "unknown"
    scope = f"{user}|{os.environ.get('NGO_AUDIT_CONFIG_DIR', '')}"
    return "ngo-audit-" + hashlib.sha256(scope.encode("utf-8")).hexdigest()[:16]


def forward_to_running(path: str | Path | None, name: str | None = None,
                       timeout_ms: int = CONNECT_TIMEOUT_MS) -> bool:
    """Hand ``path`` to a running instance; True when one took it (this launch should then end)."""
    socket = QLocalSocket()
    socket.connectToServer(name or server_name())
    if not socket.waitForConnected(timeout_ms):
        return False
    from ngo_audit.store.url import is_url

    target = None if path is None else str(path) if is_url(str(path)) else str(Path(path).absolute())
    socket.write((json.dumps({"open": target}, ensure_ascii=False) + "\n").encode("utf-8"))
    ok = socket.waitForBytesWritten(timeout_ms)
    # Wait for the running app's answer, so that a hung one does not swallow the file silently.
    ok = ok and socket.waitForReadyRead(timeout_ms * 3) and socket.readLine().data().strip() == b"ok"
    socket.disconnectFromServer()
    if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        socket.waitForDisconnected(timeout_ms)
    return bool(ok)


class InstanceServer(QObject):
    """The running app's end: emits ``open_requested(path or "")`` for each later launch."""

    open_requested = Signal(str)

    def __init__(self, name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name or server_name()
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def listen(self) -> bool:
        if self.server.listen(self.name):
            return True
        if self.server.serverError() == QAbstractSocket.SocketError.AddressInUseError and not self._alive():
            # A socket file left by a crashed instance (Linux/macOS): nobody answers, so take it over.
            QLocalServer.removeServer(self.name)
            if self.server.listen(self.name):
                return True
        log.warning("single instance: cannot listen on %s: %s", self.name, self.server.errorString())
        return False

    def _alive(self) -> bool:
        """Whether a running instance answers on our name (then it must keep it, even if it was slow)."""
        probe = QLocalSocket()
        probe.connectToServer(self.name)
        alive = probe.waitForConnected(300)
        probe.abort()
        return alive

    def close(self) -> None:
        self.server.close()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._drop(s))
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        data = self._buffers.get(socket, b"") + socket.readAll().data()
        while b"\n" in data:
            line, data = data.split(b"\n", 1)
            try:
                message = json.loads(line.decode("utf-8"))
                target = message.get("open") if isinstance(message, dict) else None
            except ValueError:
                log.warning("single instance: ignored a malformed message")
                continue
            socket.write(b"ok\n")
            socket.flush()
            self.open_requested.emit(str(target) if target else "")
        self._buffers[socket] = data

    def _drop(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()
