"""`songjiao exchange ...`: join files, joining a laptop, sending and receiving bundles, status, revoking."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from app.cli.common import CliError, open_context, password, print_json, unfinished, unlock_key
from app.domain.clock import local_time
from app.paths import resolve
from app.services import exchange
from app.services.exchange import client, hub, hublink, tls


def _join_file(args: argparse.Namespace) -> int:
    link = None
    if args.hub_cert and not args.hub:
        raise CliError("cli.hub_cert_alone", "--hub-cert needs --hub URL")
    ctx = open_context(args)
    if args.hub:
        hublink.check_url(args.hub)
        # Without --hub-cert: the certificate the hub recorded when it started (hub serve).
        pem = tls.load_certificate(Path(args.hub_cert)) if args.hub_cert else None
        if pem is None:
            recorded = hub.recorded(ctx)
            if recorded is None:
                raise CliError(
                    "cli.hub_cert_missing",
                    "--hub: give the hub's certificate with --hub-cert hub.crt (no hub has started here yet)",
                )
            pem = recorded.cert
        link = hublink.make_link(args.hub, pem)
    made = exchange.make_join_file(ctx, args.teacher, Path(args.out), keep_old=args.keep_old, hub=link)
    print(f"join file: {made.path}")
    if made.hub_url:
        print(f"hub: {made.hub_url} (certificate pinned)")
    print(f"passphrase (tell the teacher; it is shown only now): {made.passphrase}")
    print(f"laptop key fingerprint: {made.fingerprint}")
    if made.revoked:
        print(f"revoked {made.revoked} earlier laptop key(s) of this teacher")
    return 0


def _join(args: argparse.Namespace) -> int:
    passphrase = args.passphrase or os.environ.get("SONGJIAO_JOIN_PASSPHRASE")
    if not passphrase:
        if not sys.stdin.isatty():
            raise CliError(
                "cli.passphrase", "give the passphrase with --passphrase or SONGJIAO_JOIN_PASSPHRASE"
            )
        passphrase = getpass.getpass("passphrase from the office: ")
    paths = resolve(args.db, getattr(args, "data_dir", None))
    if not args.user:
        raise CliError(
            "cli.join_user",
            "give --user NAME (the teacher's own account, with its password): it opens the laptop's database",
        )
    # An existing (encrypted) database is opened with the log-in, to be refused as not empty; one a killed join
    # left (no slot: no log-in opens it) is started again by the join instead.
    key = (
        unlock_key(args, paths.db_path) if paths.db_path.exists() and not unfinished(paths.db_path) else None
    )
    result = exchange.join_from_file(paths, Path(args.file), passphrase, password(args), args.user, key)
    print(
        f"joined: {result.students} student(s), {result.records} records; "
        f"office key fingerprint {result.office_fingerprint}"
    )
    return 0


def _sync(args: argparse.Namespace) -> int:
    ctx = open_context(args)
    done = client.sync(ctx, args.hub, confirm_deletes=args.confirm)
    got = done.received
    extra = f", {got.conflicts} conflict(s) to settle" if got.conflicts else ""
    print(
        f"synced with {done.url}: sent bundle {done.sent.seq} ({done.sent.changes} changes, "
        f"{done.office_applied} applied at the office); received bundle {got.seq}: "
        f"{got.applied} applied, {got.unchanged} already here{extra}"
    )
    return 0


def _export(args: argparse.Namespace) -> int:
    ctx = open_context(args)
    out = Path(args.out)
    for result in exchange.export(ctx, out, args.teacher):
        print(
            f"{result.path}  (bundle {result.seq}: {result.changes} changes, {result.attachments} attachments)"
        )
    return 0


def _import(args: argparse.Namespace) -> int:
    ctx = open_context(args)
    failed = 0
    for path, outcome in exchange.import_many(
        ctx, [Path(f) for f in args.files], confirm_deletes=args.confirm
    ):
        if isinstance(outcome, exchange.ImportResult):
            extra = f", {outcome.conflicts} conflict(s) to settle" if outcome.conflicts else ""
            print(
                f"{path.name}: imported bundle {outcome.seq}: {outcome.applied} applied, "
                f"{outcome.unchanged} already here{extra}"
            )
        else:
            failed += 1
            print(f"{path.name}: refused: {outcome}", file=sys.stderr)
    return 2 if failed else 0


def _status(args: argparse.Namespace) -> int:
    ctx = open_context(args)
    info = exchange.status(ctx)
    if args.json:
        print_json(
            {
                "device": info.device_id,
                "role": info.role,
                "fingerprint": info.fingerprint,
                "open_conflicts": info.open_conflicts,
                "peers": [p.__dict__ for p in info.peers],
            }
        )
        return 0
    print(f"this copy: {info.role}, key {info.fingerprint}; conflicts to settle: {info.open_conflicts}")
    for p in info.peers:
        detail = ", ".join(f"{t} {n}" for t, n in sorted(p.by_table.items()))
        state = (
            "revoked"
            if p.revoked
            else f"{p.not_yet_received} record(s) not yet received by it" + (f" ({detail})" if detail else "")
        )
        print(
            f"  {p.teacher:<20} sent {p.last_sent} (confirmed {p.confirmed}), received {p.last_received}; {state}"
        )
    recent = exchange.history(ctx, limit=args.history)
    if recent:
        print("recent:")
    for e in recent:
        extra = f", {e.conflicts} conflict(s)" if e.conflicts else ""
        print(
            f"  {e.at:%Y-%m-%d %H:%M}  {e.direction:<4} {e.teacher:<20} #{e.seq}: {e.changes} change(s), "
            f"{e.applied} applied{extra}  {e.file_name}"
        )
    return 0


def _conflicts(args: argparse.Namespace) -> int:
    ctx = open_context(args)
    if args.settle:
        exchange.settle_conflict(ctx, args.settle)
        print("settled")
        return 0
    found = exchange.list_conflicts(ctx)
    if args.json:
        print_json([c.__dict__ for c in found])
        return 0
    for c in found:
        differ = sorted(
            k
            for k in set(c.kept) | set(c.other)
            if c.kept.get(k) != c.other.get(k) and k not in ("revision", "updated_at", "author_id")
        )
        print(
            f"{c.id}  {local_time(c.detected_at):%Y-%m-%d %H:%M}  {c.table:<16} {c.kind:<14} differs in: {', '.join(differ)}"
        )
    if not found:
        print("no conflicts to settle")
    return 0


def _revoke(args: argparse.Namespace) -> int:
    count = exchange.revoke_teacher(open_context(args), args.teacher)
    print(f"revoked {count} laptop key(s)")
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser("exchange", help="exchange with teacher laptops or the office through files")
    actions = parser.add_subparsers(dest="exchange_command", metavar="ACTION", required=True)

    def add(name: str, func: Any, help_text: str) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = actions.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(func=func)
        return p

    p = add(
        "join-file", _join_file, "office: make the join file for a teacher's laptop (prints a passphrase)"
    )
    p.add_argument("--teacher", required=True, metavar="USER")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--keep-old", action="store_true", help="do not revoke the teacher's earlier laptops")
    p.add_argument("--hub", metavar="URL", help="the hub laptops sync with, e.g. https://hub.school:8443")
    p.add_argument(
        "--hub-cert",
        metavar="FILE",
        help="the hub's certificate to pin (default: the one hub serve recorded)",
    )
    p = add("join", _join, "laptop: set up this (new) database from a join file")
    p.add_argument("file")
    p.add_argument("--passphrase", help="or set SONGJIAO_JOIN_PASSPHRASE; asked for when omitted")
    p = add(
        "export", _export, "write the next bundle(s): a laptop for the office, the office for each laptop"
    )
    p.add_argument("--out", required=True, metavar="FILE_OR_FOLDER")
    p.add_argument("--teacher", metavar="USER", help="office: only this teacher's laptop")
    p = add("sync", _sync, "laptop: send to and receive from the school's hub over the network")
    p.add_argument("--hub", metavar="URL", help="default: the hub named in the join file")
    p.add_argument("--confirm", action="store_true", help="allow a bundle that deletes many records")
    p = add("import", _import, "import bundles (each on its own; refused ones change nothing)")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--confirm", action="store_true", help="allow a bundle that deletes many records")
    p = add("status", _status, "what each side has not yet received, and what came in lately")
    p.add_argument("--json", action="store_true")
    p.add_argument("--history", type=int, default=10, metavar="N", help="show the last N exchanges")
    p = add(
        "conflicts", _conflicts, "records both sides changed: list them (--json: both versions) or settle one"
    )
    p.add_argument("--json", action="store_true")
    p.add_argument("--settle", metavar="ID", help="mark a conflict settled after a person decided")
    p = add("revoke", _revoke, "office: revoke a teacher's laptop keys (lost or replaced laptop)")
    p.add_argument("--teacher", required=True, metavar="USER")
