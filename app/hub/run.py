"""Running the hub on uvicorn with TLS: in the foreground (``songjiao hub serve``) or in a thread (tests)."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path
from typing import Any

import uvicorn

from app.hub.server import RateLimit, make_app
from app.services.context import ServiceContext


def config(
    ctx: ServiceContext,
    host: str,
    port: int,
    cert: Path,
    key: Path,
    *,
    max_bytes: int | None = None,
    rate: RateLimit | None = None,
    address_rate: RateLimit | None = None,
    log_level: str = "info",
) -> uvicorn.Config:
    kwargs: dict[str, Any] = {} if max_bytes is None else {"max_bytes": max_bytes}
    return uvicorn.Config(
        make_app(ctx, rate=rate, address_rate=address_rate, **kwargs),
        host=host,
        port=port,
        ssl_certfile=str(cert),
        ssl_keyfile=str(key),
        log_level=log_level,
        access_log=False,  # one line per request of our own (no addresses beside records)
        timeout_keep_alive=5,
        lifespan="off",
    )


def serve(cfg: uvicorn.Config) -> None:
    uvicorn.Server(cfg).run()


class Background:
    """The hub in a thread on a loopback port (tests, the load benchmark); ``stop()`` ends it."""

    def __init__(self, cfg: uvicorn.Config) -> None:
        self.server = uvicorn.Server(cfg)
        self.thread = threading.Thread(target=self.server.run, name="hub", daemon=True)

    def start(self, timeout: float = 20.0) -> Background:
        self.thread.start()
        deadline = time.monotonic() + timeout
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the hub did not start")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])
