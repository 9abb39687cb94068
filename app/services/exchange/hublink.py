"""Where this copy's hub is: its URL and its pinned certificate, kept in the device-local ``setting`` table.

At the office it is what ``exchange join-file --hub URL --hub-cert F`` and ``hub serve`` recorded; it
travels to laptops inside the join file and inside every office bundle (both signed by the office), so
a laptop joined before the school had a hub learns it from its next bundle. ``setting`` rows never
travel as records (rows.LOCAL_TABLES).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Setting
from app.services.errors import ValidationError
from app.services.exchange import tls

SETTING_KEY = "exchange.hub"


@dataclass(frozen=True)
class HubLink:
    url: str
    cert: str  # PEM
    fingerprint: str  # SHA-256 of the certificate, hex

    def as_dict(self) -> dict[str, str]:
        return {"url": self.url, "cert": self.cert, "fingerprint": self.fingerprint}


def check_url(url: str) -> str:
    """An https URL with a host (the hub speaks TLS only); refused with the URL named otherwise."""
    parts = urlsplit(url.strip())
    if parts.scheme != "https" or not parts.hostname:
        raise ValidationError(
            "hub.bad_url",
            f"{url!r} is not a hub address: it must look like https://HOST:PORT",
            field="hub",
            url=url,
        )
    return url.strip().rstrip("/")


def make_link(url: str, cert_pem: str) -> HubLink:
    return HubLink(check_url(url), cert_pem, tls.fingerprint(cert_pem))


def from_dict(value: Any) -> HubLink | None:
    """A link read back from a setting or a signed bundle; anything inconsistent counts as none."""
    if not isinstance(value, dict):
        return None
    url, cert, pin = value.get("url"), value.get("cert"), value.get("fingerprint")
    if not (isinstance(url, str) and isinstance(cert, str) and isinstance(pin, str)):
        return None
    try:
        if tls.fingerprint(cert) != pin:
            return None
        return HubLink(check_url(url), cert, pin)
    except (ValueError, ValidationError):
        return None


def read(session: Session) -> HubLink | None:
    return from_dict(session.scalar(select(Setting.value).where(Setting.key == SETTING_KEY)))


def write(session: Session, link: HubLink) -> None:
    row = session.scalar(select(Setting).where(Setting.key == SETTING_KEY))
    if row is None:
        session.add(Setting(key=SETTING_KEY, value=link.as_dict()))
    elif row.value != link.as_dict():
        row.value = link.as_dict()
