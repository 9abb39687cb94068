"""One window per database: a second start hands its file to the first and exits.

Two windows on one SQLite file would each keep their own login, drafts and caches and race each other's
writes. The first start listens on a local socket (a named pipe on Windows) whose name is a hash of the user
and the database path (no path or name in clear); a later start for the same database connects, sends the
file it was given (a double-clicked .sjb or .sjj, or nothing), and the first brings its window forward.
Other databases (another --db) get their own name and their own window.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

CONNECT_MS = 500  # the first instance answers at once; a stale name (a crashed first start) refuses at once


def server_name(db_path: Path) -> str:
    """The local socket's name for this user and database (the same file by any spelling gives one name)."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name in a bare container; the uid still separates users
        user = str(os.getuid()) if hasattr(os, "getuid") else ""
    key = f"{user}\n{os.path.normcase(str(Path(db_path).expanduser().resolve()))}"
    return "songjiao-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


class SingleInstance(QObject):
    """``hand_over()`` to a running first instance, else ``listen()`` and emit ``message`` for later starts."""

    message = Signal(object)  # the Path a later start was given, or None (just come forward)

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self.name = server_name(db_path)
        self.server: QLocalServer | None = None

    def hand_over(self, file: Path | None) -> bool:
        """Send ``file`` to the instance already running on this database; False when there is none."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(CONNECT_MS):
            return False
        payload = json.dumps({"file": str(file) if file else None}) + "\n"
        socket.write(payload.encode("utf-8"))
        socket.flush()
        socket.waitForBytesWritten(CONNECT_MS)
        socket.disconnectFromServer()
        return True

    def listen(self) -> bool:
        """Become the instance later starts hand over to. False (and the app runs on) if the name is taken."""
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)  # this user only
        if not server.listen(self.name):
            # A crashed first start leaves its socket file on Unix; nobody answered hand_over, so it is stale.
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                return False
        server.newConnection.connect(self._accept)
        self.server = server
        return True

    def _accept(self) -> None:
        assert self.server is not None
        while (socket := self.server.nextPendingConnection()) is not None:
            # The server stays the socket's parent (freed with it): one small object per later start. Deleting
            # it from its own signal (deleteLater on disconnected) crashed PySide when the handler still ran.
            buffer = bytearray()

            def read(socket: QLocalSocket = socket, buffer: bytearray = buffer) -> None:
                if b"\n" in buffer:
                    return  # delivered already
                buffer.extend(bytes(socket.readAll().data()))
                if b"\n" in buffer:
                    self._deliver(bytes(buffer))

            socket.readyRead.connect(read)
            if socket.bytesAvailable():
                read()

    def _deliver(self, data: bytes) -> None:
        try:
            file = json.loads(data.split(b"\n", 1)[0].decode("utf-8")).get("file")
        except (ValueError, AttributeError):
            return  # not one of ours; nothing to do
        self.message.emit(Path(file) if isinstance(file, str) and file else None)

    def close(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
