"""`festival inspect`: check a film, cover, poster or signed form on one's own computer before uploading it.

Exit status: 0 when no check fails, 1 when one does, 2 for a usage error (bad arguments, no such file).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from festival_decisions.inspection.report import Check, Report
from festival_events.contracts.registry import EditionRules
from festival_inspection import documents, images
from festival_inspection.render import table
from festival_inspection.rules import RulesError, edition_file, file_limit, load_edition

DEFAULT_EDITION = "11"  # the edition whose rules apply when no --edition-file is given
USAGE = 2


class UsageError(Exception):
    """A mistake in how the command was called, with its message in Chinese and English."""


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="festival inspect",
                                description="上传前检查作品文件 / check a file before uploading it")
    sub = p.add_subparsers(dest="kind", required=True)
    for kind, help_ in (("video", "作品视频 / the film (MP4)"), ("cover", "封面 / the cover (JPEG)"),
                        ("poster", "海报 / the poster (JPEG)"), ("form", "签字表格 / a signed form (PDF or JPEG)")):
        one = sub.add_parser(kind, help=help_)
        one.add_argument("path", type=Path, help="要检查的文件 / the file to check")
        one.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
        one.add_argument("--edition-file", type=Path, help="届次配置文件 / the edition's YAML file")
        if kind == "video":
            one.add_argument("--category", required=True, help="类别 / category: documentary, microfilm, animation")
        if kind == "form":
            one.add_argument("--slot", default="application_form",
                             help="表格 / which form: application_form (default), copyright_declaration")
    return p


def main(argv: list[str] | None = None) -> int:
    """Run `festival inspect ...` with `argv` (the words after `inspect`); returns the exit status."""
    try:
        args = parser().parse_args(argv)
    except SystemExit as exit_:  # argparse has printed the usage; 2 for a mistake, 0 for --help
        return int(exit_.code or 0)
    try:
        rules = _rules(args.edition_file)
        report = _inspect(args, rules)
    except UsageError as error:
        print(f"festival inspect: {error}", file=sys.stderr)
        return USAGE
    _print(report, args, rules)
    return 1 if report.failed() else 0


def _rules(path: Path | None) -> EditionRules:
    try:
        return load_edition(path or edition_file(DEFAULT_EDITION))
    except RulesError as error:
        raise UsageError(f"届次配置文件无法读取 / the edition file cannot be read: {error}") from None


def _inspect(args: argparse.Namespace, rules: EditionRules) -> Report:
    path: Path = args.path
    if not path.exists():
        raise UsageError(f"文件不存在 / no such file: {path}")
    if not path.is_file():
        raise UsageError(f"不是文件（是文件夹？）/ not a file (a folder?): {path}")
    try:
        if args.kind == "video":
            return _film(path, rules, args.category)
        slot = args.slot if args.kind == "form" else args.kind
        limits = file_limit(rules, slot)
        if args.kind == "form":
            return documents.inspect_form(path, limits)
        return images.inspect_image(path, slot, limits)
    except UsageError:
        raise
    except RulesError as error:
        raise UsageError(str(error)) from None
    except OSError as error:
        raise UsageError(f"文件无法读取 / the file cannot be read: {error}") from None
    except Exception as error:  # noqa: BLE001 - a teacher's laptop gets a verdict, never a traceback
        return Report((_crashed(error),))


def _film(path: Path, rules: EditionRules, category: str) -> Report:
    if rules.category(category) is None:
        known = ", ".join(c.code for c in rules.categories)
        raise UsageError(f"没有这个类别 / unknown category {category!r} (可选 / choose from: {known})")
    try:  # imported here: pictures and forms are checked without loading the film checks
        from festival_inspection.film import FilmRules, inspect_film
    except ImportError as error:
        raise UsageError(f"视频检查不可用 / film checks are not available: {error}") from None
    return inspect_film(path, FilmRules.from_edition(rules), category)


def _crashed(error: Exception) -> Check:
    return Check("readable", "fail", type(error).__name__, "a file the checks can read",
                 "检查这个文件时出错，文件可能已损坏：请重新导出后再试",
                 "checking this file went wrong; it may be damaged: export it again and retry")


def _print(report: Report, args: argparse.Namespace, rules: EditionRules) -> None:
    utf = (getattr(sys.stdout, "encoding", "") or "").lower().replace("-", "") in ("utf8", "utf8sig")
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=not utf, default=str))
        return
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="replace")  # a console without Chinese glyphs still gets the English
    print(table(report, f"{rules.name_zh} / {rules.name_en}", args.kind, args.path.name))
