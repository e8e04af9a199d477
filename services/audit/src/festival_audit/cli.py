"""`festival audit`: verify the log, prove an event is in it, save and check checkpoints.

    festival audit verify [--nats URL] [--json report.json] [--html report.html] [--key KEY] [--checkpoint FILE ...]
    festival audit replay --account AUDITOR_ID [--nats URL] [--json report.json] [--html report.html]
    festival audit prove EVENT_ID [--nats URL]

Needs nothing but read access to FESTIVAL. `verify` exits 0 when the log is clean, 1 when it found problems.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import os
import sys
from pathlib import Path

from festival_audit import stream
from festival_audit.merkle import Tree, entry_of, root_from_inclusion
from festival_audit.verify import Report, SavedCheckpoint, Verifier
from festival_kit.settings import Settings


def _servers(args: argparse.Namespace) -> list[str]:
    return [u.strip() for u in args.nats.split(",")] if args.nats else Settings().nats()


async def run_verify(servers: list[str], key: str = "", saved: list[SavedCheckpoint] | None = None,
                     show_progress: bool = False, progress=None) -> Report:
    """Read the whole log through a Verifier; `progress(seq, last)` is called as it goes."""
    verifier = Verifier(key, saved)
    bar = None
    if show_progress:
        from tqdm import tqdm

        bar = tqdm(unit=" msg", desc="verify", file=sys.stderr)

    def shown(seq: int, last: int) -> None:
        bar.total = last
        bar.update(seq - bar.n)

    ends = await stream.read(servers, verifier.see, progress=shown if bar else progress)
    if bar:
        bar.close()
    return verifier.finish(ends)


def cmd_verify(args: argparse.Namespace) -> int:
    saved = [SavedCheckpoint(path, Path(path).read_text(encoding="utf-8")) for path in args.checkpoint]
    report = asyncio.run(run_verify(_servers(args), args.key, saved, sys.stderr.isatty()))
    _write(report, args)
    print(summary(report))
    return 0 if report.clean else 1


def summary(report: Report) -> str:
    lines = [f"{report.messages} 条消息 / messages, seq {report.first_seq}-{report.last_seq}, root {report.root}",
             "检查 / checked: " + ", ".join(f"{k} {v}" for k, v in sorted(report.checked.items()))]
    lines += [f"未复核 / not re-derived: {note}" for note in sorted(report.skipped)]
    if report.clean:
        lines.append("未发现问题 / no problems found")
    else:
        lines.append(f"发现 {len(report.problems)} 个问题 / {len(report.problems)} problems found:")
        lines += [f"  seq {p['seq']} [{p['check']}] {p['aggregate_id']} v{p['aggregate_version']} "
                  f"{p['event_type']}: {p['message']}" for p in report.as_dict()["problems"]]
    return "\n".join(lines)


async def inclusion(servers: list[str], event_id: str) -> dict:
    """Read the log, and prove that the event is leaf i of the tree of everything on it now."""
    tree, found = Tree(), {}

    def see(msg: stream.Message) -> None:
        index = tree.append(entry_of(msg.body))
        if event_id.encode() in msg.body and json.loads(msg.body).get("event_id") == event_id:
            found.update(index=index, seq=msg.seq)

    await stream.read(servers, see)
    if not found:
        raise SystemExit(f"event {event_id} is not on the log / 日志中没有该事件")
    size, path = len(tree), tree.inclusion(found["index"])
    leaf = tree.levels[0][found["index"]]
    assert root_from_inclusion(found["index"], size, leaf, path) == tree.root()
    return {"event_id": event_id, "seq": found["seq"], "leaf_index": found["index"], "tree_size": size,
            "leaf_hash": leaf.hex(), "root": tree.root().hex(), "path": [base64.b64encode(p).decode() for p in path]}


def cmd_replay(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from festival_audit.replay import run_replay

    settings = Settings()
    if args.nats:
        settings = replace(settings, nats_url=args.nats)
    if not args.account:
        raise SystemExit("festival audit replay: give --account (an auditor's account id) or FESTIVAL_AUDITOR_ACCOUNT")
    report = asyncio.run(run_replay(settings, args.account))
    _write(report, args)
    print(summary(report))
    return 0 if report.clean else 1


def _write(report: Report, args: argparse.Namespace) -> None:
    if args.json:
        Path(args.json).write_text(report.to_json(), encoding="utf-8")
    if args.html:
        from festival_audit.report import html

        Path(args.html).write_text(html(report), encoding="utf-8")


def cmd_prove(args: argparse.Namespace) -> int:
    print(json.dumps(asyncio.run(inclusion(_servers(args), args.event_id)), indent=1))
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="festival audit", description="审计 FESTIVAL 日志 / audit the FESTIVAL log")
    sub = p.add_subparsers(dest="command", required=True)
    v = sub.add_parser("verify", help="check every message, chain, decision and checkpoint of the log")
    v.add_argument("--nats", default="", help="NATS URL(s), comma-separated (default: the local stack's)")
    v.add_argument("--json", help="write the report as JSON here")
    v.add_argument("--html", help="write the report as HTML here")
    v.add_argument("--key", default="", help="the festival's verifier key to trust (name+id+key)")
    v.add_argument("--checkpoint", action="append", default=[], help="a checkpoint someone saved (repeatable)")
    v.set_defaults(func=cmd_verify)
    r = sub.add_parser("replay", help="rebuild every service's read models from the log and compare with the "
                       "live services (FESTIVAL_PORT_BASE / <SERVICE>_GRPC say where they are)")
    r.add_argument("--nats", default="")
    r.add_argument("--account", default=os.environ.get("FESTIVAL_AUDITOR_ACCOUNT", ""),
                   help="the auditor account the services answer (default FESTIVAL_AUDITOR_ACCOUNT)")
    r.add_argument("--json", help="write the report as JSON here")
    r.add_argument("--html", help="write the report as HTML here")
    r.set_defaults(func=cmd_replay)
    pr = sub.add_parser("prove", help="an inclusion proof of one event in the log as it is now")
    pr.add_argument("event_id")
    pr.add_argument("--nats", default="")
    pr.set_defaults(func=cmd_prove)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(sys.argv[1:] if argv is None else argv)
    return args.func(args)
