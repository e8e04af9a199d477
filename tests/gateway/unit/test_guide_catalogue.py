"""The guide's error catalogue holds every code the platform can answer, and is generated, not stale.

The catalogue is read from the source with `ast`; two scans that work differently check it: every public
function of every refusals module (and of the kit's and gateway's errors) is called and its code taken,
and a token scan (no parsing) finds each literal code written right after a FestivalError or helper call.
"""

from __future__ import annotations

import importlib
import inspect
import io
import tokenize
import typing
from pathlib import Path

import pytest

from festival_gateway.guide import catalogue, generate
from festival_kit.errors import FestivalError

ROOT = Path(__file__).resolve().parents[3]
ERROR_MODULES = ["festival_kit.errors", "festival_gateway.errors"] + [
    ".".join(p.parts[p.parts.index("src") + 1:])[: -len(".py")]
    for p in sorted(ROOT.glob("services/*/src/**/refusals.py"))
]
# Arguments the plain samples below would not fit.
EXAMPLES = {
    "of_validation": [[{"type": "missing", "loc": ("body", "title"), "msg": "Field required"}]],
    "assignment_infeasible": [[("W-1", 2)], 5],
    "of_http": [404],
}
SAMPLES = {str: "film", int: 1, list: ["film"], dict: {}, float: 1.0, bool: True}
# The names a FestivalError is built by, for the token scan: the class, its look-alike and the helpers.
BUILDERS = {"FestivalError", "BadFilename", "_e", "invalid", "bad_points"}


@pytest.fixture(scope="module")
def codes() -> set[str]:
    return {e.code for e in catalogue.load()}


def refusal_functions():
    for name in ERROR_MODULES:
        module = importlib.import_module(name)
        for fn_name, fn in vars(module).items():
            takes_code = "code" in inspect.signature(fn).parameters if inspect.isfunction(fn) else True
            if not takes_code and fn.__module__ == name:  # a helper taking a code is given one by its callers
                if typing.get_type_hints(fn).get("return") is FestivalError:
                    yield fn


def called(fn) -> FestivalError:
    if fn.__name__ in EXAMPLES:
        return fn(*EXAMPLES[fn.__name__])
    hints = typing.get_type_hints(fn)
    needed = [p for p in inspect.signature(fn).parameters.values() if p.default is inspect.Parameter.empty]
    return fn(*[SAMPLES.get(typing.get_origin(hints.get(p.name, str)) or hints.get(p.name, str), "x")
                for p in needed])


def literal_codes_by_tokens() -> set[str]:
    found = set()
    for path in ROOT.glob("services/*/src/**/*.py"):
        tokens = [t for t in tokenize.generate_tokens(io.StringIO(path.read_text()).readline)
                  if t.type not in (tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT, tokenize.INDENT)]
        for name, paren, first in zip(tokens, tokens[1:], tokens[2:]):
            literal = first.string[:1] in "\"'"  # a plain string, not an f-string
            if name.string in BUILDERS and paren.string == "(" and first.type == tokenize.STRING and literal:
                found.add(first.string.strip("\"'"))
    return found


def test_the_generated_catalogue_is_current() -> None:
    assert generate.main(["--check"]) == 0, f"run: {generate.COMMAND}"


def test_every_code_could_be_read() -> None:
    _, unresolved = catalogue.scan(ROOT)
    assert unresolved == []


def test_every_refusal_function_answers_a_code_of_the_catalogue(codes) -> None:
    functions = list(refusal_functions())
    assert len(functions) > 60  # every refusals module of every service was imported
    answered = {called(fn).code for fn in functions}
    assert answered - codes == set()


def test_every_literal_code_in_the_source_is_in_the_catalogue(codes) -> None:
    literal = literal_codes_by_tokens()
    assert len(literal) > 80
    assert literal - codes == set()


def test_known_codes_of_every_service_are_there(codes) -> None:
    known = {
        "gateway": {"invalid_request", "malformed_json", "not_logged_in", "token_expired", "csrf_failed",
                    "service_unavailable", "internal_error", "route_not_found", "points_not_a_number"},
        "kit": {"not_found", "forbidden"},
        "registry": {"username_taken", "bad_credentials", "account_pending", "invalid_username"},
        "intake": {"window_closed", "files_missing", "storage_unavailable", "bad_filename", "too_many_creators"},
        "media-inspection": {"submission_required"},
        "review": {"wrong_school", "region_deadline_passed", "notification_not_found"},
        "scoring": {"judging_not_open", "points_out_of_range", "criterion_missing"},
        "awards": {"awards_published", "judging_not_closed", "not_best_advisor"},
    }
    by_service = {}
    for entry in catalogue.load():
        for service in entry.services:
            by_service.setdefault(service, set()).add(entry.code)
    for service, expected in known.items():
        assert expected <= by_service.get(service, set()), service


def test_messages_are_in_both_languages() -> None:
    for entry in catalogue.load():
        assert entry.message_zh and entry.message_en, entry
        assert any("\u4e00" <= ch <= "\u9fff" for ch in entry.message_zh), entry


def test_helpers_are_followed_to_the_text_their_callers_give() -> None:
    said = {(e.code, e.message_zh) for e in catalogue.load()}
    assert ("not_found", "作品不存在。") in said  # not_found("作品", "Submission") in intake
    assert ("invalid_display_name", "姓名须为1至…个字符，且不能包含控制字符。") in said  # two helpers deep
    assert ("account_*", "账号尚未启用。") in said  # a code made at run time keeps its fixed part
