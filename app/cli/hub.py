"""`songjiao hub ...`: the school's network hub for laptops (docs/hub.md): its certificate, and serving."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path
from typing import Any

from app.cli.common import CliError, open_context
from app.services.exchange import hub, hublink, tls


def _cert(args: argparse.Namespace) -> int:
    hosts = tuple(args.host) if args.host else tls.DEFAULT_HOSTS
    made = tls.make_certificate(Path(args.out), hosts)
    print(f"certificate: {made.cert}")
    print(f"private key: {made.key} (readable by its owner only)")
    print(f"for: {', '.join(made.hosts)}")
    print(f"SHA-256 fingerprint: {made.fingerprint}")
    return 0


def _listen(value: str) -> tuple[str, int]:
    host, sep, port = value.rpartition(":")
    if not sep or not port.isdigit() or not 0 < int(port) < 65536:
        raise CliError(
            "cli.bad_listen", f"--listen {value}: give HOST:PORT, e.g. 127.0.0.1:8443", value=value
        )
    return host.strip("[]") or "127.0.0.1", int(port)


def _serve(args: argparse.Namespace) -> int:
    from app.hub import run
    from app.hub.server import RateLimit

    host, port = _listen(args.listen)
    cert, key = Path(args.cert), Path(args.key)
    for path, option in ((cert, "--cert"), (key, "--key")):
        if not path.is_file():
            raise CliError(
                "cli.hub_no_cert",
                f"{option} {path}: no such file; make one with `songjiao hub cert --out DIR`",
                option=option,
                file=str(path),
            )
    pem = tls.load_certificate(cert)
    ctx = open_context(args)
    hub.office_id(ctx)  # refused here, before listening, when this database is not an exchange office
    walled = hub.check_wall(ctx)  # PostgreSQL: the hub's role bypasses nothing, every table is forced
    url = args.url or f"https://{'localhost' if host in ('127.0.0.1', '0.0.0.0', '::') else host}:{port}"
    # Later join files carry this address and certificate (unless given their own).
    hub.remember(ctx, hublink.make_link(url, pem))
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    print(f"hub for {url} on {host}:{port}; certificate fingerprint {tls.fingerprint(pem)}", flush=True)
    if walled is not None:
        print(f"row-level security: on, as role {walled.role}", flush=True)
    run.serve(
        run.config(
            ctx,
            host,
            port,
            cert,
            key,
            max_bytes=args.max_mb * 1024 * 1024,
            rate=RateLimit(args.rate, burst=max(1, min(10, args.rate))),
            address_rate=RateLimit(args.address_rate, burst=max(1, min(60, args.address_rate))),
        )
    )
    return 0


def _setup_db(args: argparse.Namespace) -> int:
    forced = hub.secure_database(open_context(args), args.role)
    print(f"row-level security for role {args.role}: {forced} table(s) forced")
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser("hub", help="the school's network hub for teachers' laptops (docs/hub.md)")
    actions = parser.add_subparsers(dest="hub_command", metavar="ACTION", required=True)
    p = actions.add_parser(
        "cert", help="make the hub's self-signed certificate (hub.crt) and key (hub.key, 0600)"
    )
    p.set_defaults(func=_cert)
    p.add_argument("--out", required=True, metavar="DIR")
    p.add_argument(
        "--host",
        action="append",
        metavar="NAME_OR_IP",
        help="a name or address laptops use for the hub (repeat; default localhost and 127.0.0.1)",
    )
    p = actions.add_parser(
        "setup-db",
        help="PostgreSQL: put up row-level security for the hub's role (as the owner; after upgrades)",
    )
    p.set_defaults(func=_setup_db)
    p.add_argument("--role", default="songjiao_hub", metavar="ROLE", help="the role the hub connects as")
    p = actions.add_parser("serve", help="serve laptops' sync requests over TLS from this office database")
    p.set_defaults(func=_serve)
    p.add_argument("--listen", default="127.0.0.1:8443", metavar="HOST:PORT")
    p.add_argument("--cert", default="hub.crt", metavar="FILE")
    p.add_argument("--key", default="hub.key", metavar="FILE")
    p.add_argument(
        "--url", metavar="URL", help="the address laptops use (default https://HOST:PORT of --listen)"
    )
    p.add_argument("--max-mb", type=int, default=128, metavar="MB", help="largest bundle accepted")
    p.add_argument("--rate", type=int, default=30, metavar="N", help="requests per laptop per minute")
    p.add_argument(
        "--address-rate",
        type=int,
        default=120,
        metavar="N",
        help="requests per client address per minute (laptops behind one NAT share it)",
    )
