"""The hub: a small ASGI service (Starlette on uvicorn, TLS only) in front of the office's database.

Two endpoints:

- ``GET /v1/hello``: who this is (protocol and the office's device id), so a laptop can tell "offline"
  from "a stranger" before it uses a bundle number.
- ``POST /v1/sync``: the body is one bundle from a laptop (the bytes of an ``.sjb`` file); the answer
  is the office's next bundle for that laptop (the bytes of an ``.sjb`` file), with a summary of the
  import in the ``x-songjiao-result`` header.

A front end like the command line: it calls app.services only. Order of the checks of a request: the
client address's rate (429 ``hub.address_rate_limited``, before anything is read or checked, so that a
flood from one address costs the hub no signature check and no database read), size (413, before the
body is read when the length is declared, and while reading otherwise), then the bundle's signature by a
known device (app.services.exchange.hub.authenticate), then that device's rate (429), then the import
itself. Every refusal is JSON ``{"error": id, "message": text, "params": {}}``
with the exchange's message ids (app/services/messages.py), so the laptop shows the same sentence a
refused file would get. Writes go one at a time (one lock): SQLite has one writer, and on PostgreSQL
two requests of one laptop must not race for its next bundle number.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from app.services import messages
from app.services.context import ServiceContext
from app.services.errors import ServiceError
from app.services.exchange import hub
from app.services.exchange.client import CONFIRM_HEADER, HELLO_PATH, RESULT_HEADER, SYNC_PATH

_log = logging.getLogger(__name__)

DEFAULT_MAX_MB = 128  # a teacher's term with 200 photos is about 20 MB; larger goes on a USB stick
DEFAULT_RATE = 30  # requests per device per minute (a laptop tries every few minutes)
# Requests (hello and sync alike) per client address per minute: several laptops may share one address
# (a NAT at home or in a school's wireless network), so it is well above one device's rate.
DEFAULT_ADDRESS_RATE = 120
DEFAULT_ADDRESS_BURST = 60
_MAX_BUCKETS = 10_000  # addresses are not bounded like devices: full buckets are forgotten beyond this
# HTTP status per refusal (everything else a service refuses is 422).
STATUS = {
    "exchange.damaged": 400,
    "exchange.cannot_decrypt": 400,
    "exchange.is_join_file": 400,
    "exchange.newer_format": 400,
    "exchange.newer_schema": 400,
    "exchange.malformed": 400,
    "exchange.unknown_sender": 403,
    "exchange.bad_signature": 403,
    "exchange.revoked": 403,
    "exchange.wrong_recipient": 403,
    "exchange.replayed": 409,
    "exchange.older": 409,
    "exchange.went_back": 409,
    "exchange.restored": 409,
    "exchange.too_large": 413,
    "hub.too_large": 413,
    "hub.rate_limited": 429,
    "hub.address_rate_limited": 429,
    "exchange.not_set_up": 503,
    "exchange.not_office": 503,
    "hub.internal": 500,
}


@dataclass
class RateLimit:
    """A token bucket per key (a device, a client address): ``per_minute`` requests a minute on average,
    bursts up to ``burst``."""

    per_minute: float
    burst: int = 10
    clock: Callable[[], float] = time.monotonic
    _buckets: dict[str, tuple[float, float]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def take(self, key: str) -> float:
        """0 when the request may go; else the seconds until it may."""
        now = self.clock()
        rate = self.per_minute / 60.0
        with self._lock:
            if len(self._buckets) >= _MAX_BUCKETS and key not in self._buckets:
                self._forget_full(now, rate)
            tokens, then = self._buckets.get(key, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - then) * rate)
            if tokens >= 1.0:
                self._buckets[key] = (tokens - 1.0, now)
                return 0.0
            self._buckets[key] = (tokens, now)
            return (1.0 - tokens) / rate if rate > 0 else 3600.0

    def _forget_full(self, now: float, rate: float) -> None:
        """Drop the buckets that have filled up again: forgetting them changes no answer."""
        for key, (tokens, then) in list(self._buckets.items()):
            if tokens + (now - then) * rate >= self.burst:
                del self._buckets[key]


def _retry(wait: float) -> int:
    return max(1, int(wait + 0.999))


def refusal(error: ServiceError, status: int | None = None) -> JSONResponse:
    text = messages.message_text(error.message_id, "en", error.params) or error.message
    body = {"error": error.message_id, "message": text, "params": _plain(error.params)}
    headers = {}
    if "retry_after" in error.params:
        headers["retry-after"] = str(error.params["retry_after"])
    return JSONResponse(body, status_code=status or STATUS.get(error.message_id, 422), headers=headers)


def _plain(params: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in params.items() if isinstance(v, str | int | float | bool) or v is None}


def _too_large(limit: int) -> ServiceError:
    mb = max(1, limit // (1024 * 1024))
    return ServiceError(
        "hub.too_large",
        f"The bundle is larger than this hub accepts ({mb} MB): send it as an exchange file instead.",
        limit_mb=mb,
    )


async def _body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise _too_large(limit)  # refused before a byte of the body is read
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _too_large(limit)
        chunks.append(chunk)
    return b"".join(chunks)


def _address(request: Request) -> str:
    # The peer of the TCP connection (uvicorn does not trust forwarded headers unless told to).
    return request.client.host if request.client is not None else "unknown"


def make_app(
    ctx: ServiceContext,
    *,
    max_bytes: int = DEFAULT_MAX_MB * 1024 * 1024,
    rate: RateLimit | None = None,
    address_rate: RateLimit | None = None,
) -> Starlette:
    """The hub's ASGI application over the office database of ``ctx``: ``rate`` limits each device,
    ``address_rate`` each client address (hello and sync requests alike)."""
    limiter = rate or RateLimit(DEFAULT_RATE)
    per_address = address_rate or RateLimit(DEFAULT_ADDRESS_RATE, burst=DEFAULT_ADDRESS_BURST)

    def check_address(request: Request) -> None:
        wait = per_address.take(_address(request))
        if wait > 0:
            seconds = _retry(wait)
            raise ServiceError(
                "hub.address_rate_limited",
                f"Too many requests reached the hub from this network address; try again in {seconds} s.",
                retry_after=seconds,
            )

    write_lock = threading.Lock()

    def locked(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        with write_lock:
            return fn(*args, **kwargs)

    async def hello(request: Request) -> Response:
        try:
            check_address(request)
            office = await run_in_threadpool(hub.office_id, ctx)
        except ServiceError as error:
            return refusal(error)
        return JSONResponse(
            {
                "protocol": hub.PROTOCOL,
                "version": hub.PROTOCOL_VERSION,
                "office": office,
                "max_bytes": max_bytes,
            }
        )

    async def sync(request: Request) -> Response:
        try:
            check_address(request)
            data = await _body(request, max_bytes)
            caller = await run_in_threadpool(hub.authenticate, ctx, data)
            wait = limiter.take(caller.device_id)
            if wait > 0:
                seconds = _retry(wait)
                raise ServiceError(
                    "hub.rate_limited",
                    f"This laptop asked the hub too often; try again in {seconds} s.",
                    retry_after=seconds,
                )
            confirm = request.headers.get(CONFIRM_HEADER) == "1"
            done = await run_in_threadpool(
                locked, hub.receive, ctx, data, caller=caller, confirm_deletes=confirm
            )
        except ServiceError as error:
            _log.info("hub: refused a request: %s", error.message_id)
            return refusal(error)
        except Exception:  # never a traceback (or a record's contents) to the caller
            _log.exception("hub: request failed")
            return refusal(ServiceError("hub.internal", "The hub failed on this request; try again later."))
        summary = {
            "applied": done.received.applied,
            "conflicts": done.received.conflicts,
            "seq": done.received.seq,
            "reply_seq": done.reply.seq,
        }
        _log.info(
            "hub: device bundle %s applied %s; reply %s",
            done.received.seq,
            done.received.applied,
            done.reply.seq,
        )
        return Response(
            done.reply.data,
            media_type="application/octet-stream",
            headers={RESULT_HEADER: json.dumps(summary)},
        )

    return Starlette(routes=[Route(HELLO_PATH, hello), Route(SYNC_PATH, sync, methods=["POST"])])
