"""The hub's TLS certificate: made here (self-signed, enough for a school), pinned by laptops.

A laptop never trusts the system's certificate authorities for the hub: the join file (signed by the
office) carries the hub's certificate and its SHA-256 fingerprint, and the laptop's TLS context trusts
that one certificate only. A school therefore needs no public name or bought certificate, and a
certificate authority that issues a certificate for the hub's name cannot stand in for it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import os
import ssl
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from app.services.errors import ValidationError

DEFAULT_HOSTS = ("localhost", "127.0.0.1")
VALID_DAYS = 3650  # a school keeps its hub for years; re-pinning every laptop is the cost of a new one


@dataclass(frozen=True)
class MadeCertificate:
    cert: Path
    key: Path
    fingerprint: str
    hosts: tuple[str, ...]


def _san(host: str) -> x509.GeneralName:
    try:
        return x509.IPAddress(ipaddress.ip_address(host))
    except ValueError:
        return x509.DNSName(host)


def make_certificate(out: Path, hosts: tuple[str, ...] = DEFAULT_HOSTS) -> MadeCertificate:
    """Write ``hub.crt`` and ``hub.key`` (0600) into ``out``: a self-signed P-256 certificate for ``hosts``."""
    hosts = tuple(dict.fromkeys(h.strip() for h in hosts if h.strip())) or DEFAULT_HOSTS
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, f"Songjiao hub {hosts[0]}"[:64])])
    now = dt.datetime.now(dt.UTC)
    public = key.public_key()
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=VALID_DAYS))
        .add_extension(x509.SubjectAlternativeName([_san(h) for h in hosts]), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=True,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(public), critical=False)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = out / "hub.crt", out / "hub.key"
    key_bytes = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    # The key is made private before a byte of it is written (no window where it is world-readable).
    fd = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(key_bytes)
    os.chmod(key_path, 0o600)  # an existing file keeps its mode through O_TRUNC
    pem = cert.public_bytes(serialization.Encoding.PEM)
    cert_path.write_bytes(pem)
    return MadeCertificate(cert_path, key_path, fingerprint(pem.decode()), hosts)


def load_certificate(path: Path) -> str:
    """A certificate file's PEM text; refused with a clear message when it is not one."""
    try:
        pem = Path(path).read_text(encoding="ascii")
        x509.load_pem_x509_certificate(pem.encode())
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise ValidationError(
            "hub.bad_certificate",
            f"{Path(path).name} is not a readable certificate (PEM, as `songjiao hub cert` writes it).",
            field="hub-cert",
            file=Path(path).name,
        ) from error
    return pem


def der_fingerprint(der: bytes) -> str:
    return hashlib.sha256(der).hexdigest()


def fingerprint(pem: str) -> str:
    """SHA-256 of the certificate (DER), lower-case hex: what the join file pins."""
    return der_fingerprint(
        x509.load_pem_x509_certificate(pem.encode()).public_bytes(serialization.Encoding.DER)
    )


def pinned_context(pem: str) -> ssl.SSLContext:
    """A client TLS context that trusts exactly this certificate (never the system's authorities)."""
    context = ssl.create_default_context(ssl.Purpose.SERVER_AUTH, cadata=pem)
    # The pinned certificate is its own trust anchor (self-signed, not a CA).
    context.verify_flags |= ssl.VERIFY_X509_PARTIAL_CHAIN
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    return context
