"""`festival`: the platform's command line (local stack, clock, generated docs and code)."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from festival_cli.stack import ARCHIVE_FILE
from festival_kit import clock
from festival_kit.settings import Settings


def _root() -> Path:
    """The repository root: where `uv run festival` is run from (it holds proto/ and events/)."""
    here = Path.cwd()
    for folder in (here, *here.parents):
        if (folder / "proto" / "festival").is_dir() and (folder / "events").is_dir():
            return folder
    raise SystemExit("festival: run this from the repository (proto/ and events/ not found)")


def cmd_up(args: argparse.Namespace) -> int:
    from festival_cli.stack import up

    return up(Settings(), clock_spec=args.clock, inspectors=args.inspectors)


def cmd_clock(args: argparse.Namespace) -> int:
    path = Settings().data_dir / "clock.json"
    if args.moment:
        moment = datetime.fromisoformat(args.moment)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=clock.SHANGHAI)
        path.parent.mkdir(parents=True, exist_ok=True)
        clock.set_clock(path, moment)
    import os

    os.environ[clock.ENV] = str(path)
    print(f"{clock.shanghai(clock.now())} (Asia/Shanghai)  {clock.now().isoformat()}")
    return 0


def cmd_docs_events(args: argparse.Namespace) -> int:
    from festival_events.asyncapi import render

    text = render()
    target = Path(args.out) if args.out else _root() / "events" / "asyncapi.json"
    if args.check:
        return 0 if target.exists() and target.read_text() == text else _stale(target, "festival docs events")
    target.write_text(text)
    print(f"wrote {target}")
    return 0


def cmd_gen_proto(args: argparse.Namespace) -> int:
    from festival_cli.codegen import generate

    files = generate(_root())
    print("generated stubs for " + ", ".join(str(f.relative_to(_root())) for f in files))
    return 0


def cmd_archive_import(args: argparse.Namespace) -> int:
    """Fingerprint an earlier edition's films so the workers flag copies of them (`duplicate_of`)."""
    from festival_inspection.fingerprint import FingerprintIndex

    target = Path(args.into) if args.into else Settings().data_dir / ARCHIVE_FILE
    index = FingerprintIndex.load(target) if target.exists() else FingerprintIndex()
    imported = index.import_folder(Path(args.folder), args.edition)
    target.parent.mkdir(parents=True, exist_ok=True)
    index.save(target)
    print(f"导入 / imported {len(imported.added)} 部影片 (edition {args.edition}) -> {target}")
    for skipped in imported.skipped:
        print(f"  跳过（不是影片）/ skipped (not a film): {skipped}")
    return 0


def cmd_secrets(args: argparse.Namespace) -> int:
    from festival_cli.compose_secrets import write_secrets

    folder = Path(args.into)
    written = write_secrets(folder)
    kept = "" if len(written) == 4 else "（已有的保留 / existing ones kept）"
    print(f"{folder}: {', '.join(written) or '无新文件 / nothing new'} {kept}".rstrip())
    return 0


def _stale(target: Path, command: str) -> int:
    print(f"{target} is out of date: run `uv run {command}`", file=sys.stderr)
    return 1


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="festival", description="科学影像节平台 / science film festival platform")
    sub = p.add_subparsers(dest="command", required=True)
    up = sub.add_parser("up", help="start the whole platform locally (Ctrl-C stops it)")
    up.add_argument("--clock", default=None,
                    help="'demo' (2023-06-26 09:00, inside edition 11's window), 'system', or an ISO time")
    up.add_argument("--inspectors", type=int, default=1, help="media inspection workers")
    up.set_defaults(func=cmd_up)
    clk = sub.add_parser("clock", help="show or move the local stack's clock")
    clk.add_argument("moment", nargs="?", help="ISO time; without a zone it is Asia/Shanghai")
    clk.set_defaults(func=cmd_clock)
    docs = sub.add_parser("docs", help="generated documents").add_subparsers(dest="what", required=True)
    ev = docs.add_parser("events", help="the AsyncAPI document of the FESTIVAL log")
    ev.add_argument("--out", help="where to write it (default events/asyncapi.json)")
    ev.add_argument("--check", action="store_true", help="fail if the committed document is stale")
    ev.set_defaults(func=cmd_docs_events)
    archive = sub.add_parser("archive", help="earlier editions' films").add_subparsers(dest="what", required=True)
    imp = archive.add_parser("import", help="fingerprint a folder of an earlier edition's films")
    imp.add_argument("folder")
    imp.add_argument("--edition", required=True, help="the edition those films were entered in, e.g. 10")
    imp.add_argument("--into", help=f"the archive file (default FESTIVAL_DATA_DIR/{ARCHIVE_FILE}, read by `festival up`)")
    imp.set_defaults(func=cmd_archive_import)
    sec = sub.add_parser("secrets", help="generate compose.yaml's secrets once (docker compose reads ./secrets)")
    sec.add_argument("--into", default="secrets", help="the folder (default ./secrets, mode 0700)")
    sec.set_defaults(func=cmd_secrets)
    gen = sub.add_parser("gen", help="generated code").add_subparsers(dest="what", required=True)
    gen.add_parser("proto", help="gRPC stubs from proto/festival").set_defaults(func=cmd_gen_proto)
    # Listed here for `festival -h`; main() hands everything after `inspect` to festival_inspection.cli.
    sub.add_parser("inspect", add_help=False,
                   help="check a film, cover, poster or signed form before uploading (festival inspect -h)")
    sub.add_parser("audit", add_help=False,
                   help="verify the log, re-derive its decisions, prove an event is in it (festival audit -h)")
    return p


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["inspect"]:
        from festival_inspection.cli import main as inspect

        return inspect(argv[1:])
    if argv[:1] == ["audit"]:
        from festival_audit.cli import main as audit

        return audit(argv[1:])
    args = parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
