"""The error catalogue of the guide: every FestivalError code a service or the gateway can answer.

The codes are read from the source, not listed by hand, so the guide cannot drift from the platform: each
module under services/*/src is parsed with `ast`, and every construction of a FestivalError is collected,
directly (`FestivalError("window_closed", zh, en, 409)`) or through a helper that passes its own parameters
on (`_e(code, zh, en, status=409)`, `refusals.invalid(code, zh, en)`), resolved through the module's imports.
A code computed at run time (an f-string) is kept with `*` where it varies; any other code that cannot be
read is listed under `unresolved`, and the tests require that list to be empty. Message parts filled in at
run time read `…`.

The gateway's image holds no other service's source, so the catalogue is generated into errors.json beside
this module (`uv run python -m festival_gateway.guide.generate`; `--check` fails when it is stale).
"""

from __future__ import annotations

import ast
import copy
import json
import re
from dataclasses import asdict, dataclass
from functools import cache, cached_property
from pathlib import Path

GENERATED = Path(__file__).with_name("errors.json")
ARGS = ("code", "message_zh", "message_en", "status")  # FestivalError's parameters, in order
DEFAULT_STATUS = 422


@dataclass(frozen=True)
class Entry:
    """One way a code is answered: its messages, HTTP status, and the services and modules that build it."""

    code: str
    message_zh: str
    message_en: str
    status: int | None  # None: chosen at run time
    services: tuple[str, ...]
    modules: tuple[str, ...]


def text(node: ast.expr | None) -> str:
    """A message as a reader sees it: literal parts kept, run-time parts `…`, optional parts left out."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return re.sub("…+", "…", "".join(_part(v) for v in node.values))
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return text(node.left) + text(node.right)
    if isinstance(node, ast.IfExp) and "" in (text(node.body), text(node.orelse)):
        return ""
    return "…"


def _part(value: ast.expr) -> str:
    """A piece of an f-string: literal text, a literal a helper's caller passed in (`{what_zh}`), or `…`."""
    if isinstance(value, ast.FormattedValue) and value.format_spec is None and value.conversion == -1:
        value = value.value
    return value.value if isinstance(value, ast.Constant) and isinstance(value.value, str) else "…"


def code_of(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "*" for v in node.values)
    return None


@dataclass
class Module:
    """A parsed source file: its dotted name, service, tree, and what each imported name refers to."""

    name: str
    service: str
    tree: ast.Module

    @cached_property
    def imports(self) -> dict[str, str]:
        names = {}
        for node in ast.walk(self.tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                names |= {a.asname or a.name: f"{node.module}.{a.name}" for a in node.names}
            elif isinstance(node, ast.Import):
                names |= {a.asname or a.name: a.name for a in node.names}
        return names

    def target(self, func: ast.expr) -> str | None:
        """The dotted name a call's function refers to (`_e`, `refusals.invalid`, `FestivalError`)."""
        if isinstance(func, ast.Name):
            return self.imports.get(func.id, f"{self.name}.{func.id}")
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            return f"{self.imports.get(func.value.id, func.value.id)}.{func.attr}"
        return None


FESTIVAL_ERROR = "festival_kit.errors.FestivalError"
Helper = tuple[list[str], dict[str, ast.expr], dict[str, ast.expr]]  # params, defaults, FestivalError's args


def modules(root: Path) -> list[Module]:
    found = []
    for path in sorted(root.glob("services/*/src/**/*.py")):
        src = path.parts[path.parts.index("src") + 1:]
        name = ".".join(src)[: -len(".py")].removesuffix(".__init__")
        found.append(Module(name, path.relative_to(root).parts[1], ast.parse(path.read_text(), str(path))))
    return found


def bound(call: ast.Call, params: list[str], defaults: dict[str, ast.expr]) -> dict[str, ast.expr]:
    """The call's arguments by parameter name (positional, then keyword, then the callee's defaults)."""
    given = dict(zip(params, call.args)) | {k.arg: k.value for k in call.keywords if k.arg}
    return defaults | given


class _Substitute(ast.NodeTransformer):
    def __init__(self, args: dict[str, ast.expr]):
        self.args = args

    def visit_Name(self, node: ast.Name) -> ast.expr:
        return self.args.get(node.id, node)


def through(call: ast.Call, helper: Helper) -> dict[str, ast.expr]:
    """A call of a helper seen as FestivalError's arguments: each forwarded parameter, even inside an
    f-string, takes the value the call gives it."""
    params, defaults, mapping = helper
    args = bound(call, params, defaults)
    return {k: _Substitute(args).visit(copy.deepcopy(v)) for k, v in mapping.items()}


def forwards(args: dict[str, ast.expr], params: list[str]) -> bool:
    """Does a call pass the enclosing function's parameters on whole, as the code or the message? Its
    callers then give what it says; the call itself says nothing."""
    return any(isinstance(args.get(k), ast.Name) and args[k].id in params for k in ("code", "message_zh"))


def fills_in(args: dict[str, ast.expr], params: list[str]) -> bool:
    """Does the message set a parameter into its text (`f"{what_zh}不存在。"`)? Callers that pass a literal
    say more (`not_found("作品", "Work")`), but the text stands on its own as well."""
    parts = (n for n in ast.walk(args.get("message_zh", ast.Constant(""))) if isinstance(n, ast.FormattedValue))
    return any(isinstance(p.value, ast.Name) and p.value.id in params for p in parts)


def signature(fn: ast.FunctionDef) -> tuple[list[str], dict[str, ast.expr]]:
    params = [a.arg for a in fn.args.args if a.arg != "self"]
    return params, dict(zip(params[len(params) - len(fn.args.defaults):], fn.args.defaults))


def _identity(params: list[str], defaults: dict[str, ast.expr]) -> Helper:
    mapping = {k: ast.Name(k) for k in ARGS if k in params} | {"status": ast.Constant(DEFAULT_STATUS)}
    if "status" in params:
        mapping["status"] = ast.Name("status")
    return params, defaults, mapping


def helpers(found: list[Module]) -> dict[str, Helper]:
    """FestivalError, classes shaped like it (code, message_zh, message_en, caught and converted), and every
    function that builds one from its own parameters, however many helpers deep: name -> Helper."""
    known = {FESTIVAL_ERROR: _identity(list(ARGS), {"status": ast.Constant(DEFAULT_STATUS)})}
    for module in found:
        for cls in (n for n in ast.walk(module.tree) if isinstance(n, ast.ClassDef)):
            for init in (n for n in cls.body if isinstance(n, ast.FunctionDef) and n.name == "__init__"):
                params, defaults = signature(init)
                if {"code", "message_zh", "message_en"} <= set(params):
                    known[f"{module.name}.{cls.name}"] = _identity(params, defaults)
    grown = True
    while grown:
        grown = False
        for module, fn, call in calls(found):
            helper, name = known.get(module.target(call.func) or ""), f"{module.name}.{fn.name}" if fn else ""
            if helper is None or fn is None or name in known:
                continue
            params, defaults = signature(fn)
            args = through(call, helper)
            if forwards(args, params) or fills_in(args, params):
                known[name], grown = (params, defaults, args), True
    return known


def calls(found: list[Module]):
    """Every call in the sources, with its module and the function it is written in (None at module level)."""
    for module in found:
        def visit(node: ast.AST, fn: ast.FunctionDef | None):
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.Call):
                    yield module, fn, child
                yield from visit(child, child if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)) else fn)
        yield from visit(module.tree, None)


def local_codes(fn: ast.FunctionDef | None, name: str) -> list[str] | None:
    """The literal codes a local variable is assigned (`code = "a" if … else "b"`), None if not only literals."""
    values = [n.value for n in ast.walk(fn) if isinstance(n, ast.Assign)
              and any(isinstance(t, ast.Name) and t.id == name for t in n.targets)] if fn else []

    def literals(node: ast.expr) -> list[str] | None:
        if isinstance(node, ast.IfExp):
            body, other = literals(node.body), literals(node.orelse)
            return None if body is None or other is None else body + other
        return [node.value] if isinstance(node, ast.Constant) and isinstance(node.value, str) else None

    found = [literals(v) for v in values]
    return None if not found or None in found else [c for codes in found for c in codes]


def caught(module: Module, node: ast.expr, known: dict[str, Helper]) -> bool:
    """`bad.code` where `bad` is an exception shaped like a FestivalError: its codes are collected where built."""
    if not (isinstance(node, ast.Attribute) and node.attr == "code" and isinstance(node.value, ast.Name)):
        return False
    handlers = (h for h in ast.walk(module.tree) if isinstance(h, ast.ExceptHandler) and h.name == node.value.id)
    return any(h.type is not None and module.target(h.type) in known for h in handlers)


def scan(root: Path) -> tuple[list[Entry], list[str]]:
    """Every (code, messages, status) the sources build, and the places whose code cannot be read."""
    found = modules(root)
    known = helpers(found)
    built, unresolved = {}, []
    for module, fn, call in calls(found):
        helper = known.get(module.target(call.func) or "")
        if helper is None:
            continue
        args = through(call, helper)
        if fn is not None and f"{module.name}.{fn.name}" in known and forwards(args, signature(fn)[0]):
            continue  # the body of a helper: its callers give the code or the messages
        node, codes = args["code"], [code_of(args["code"])]
        if codes == [None] and isinstance(node, ast.Name):
            codes = local_codes(fn, node.id) or [None]
        if codes == [None]:
            if not caught(module, node, known):
                unresolved.append(f"{module.name}:{call.lineno}")
            continue
        for code in codes:
            key = (code, text(args.get("message_zh")), text(args.get("message_en")), status_of(args.get("status")))
            built.setdefault(key, set()).add((module.service, module.name))
    entries = [Entry(*key, tuple(sorted({s for s, _ in where})), tuple(sorted(m for _, m in where)))
               for key, where in built.items()]
    return sorted(entries, key=lambda e: (e.code, e.message_zh, e.message_en)), unresolved


def status_of(node: ast.expr | None) -> int | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, int) else None


def render(root: Path) -> str:
    entries, unresolved = scan(root)
    body = {"entries": [asdict(e) for e in entries], "unresolved": unresolved}
    return json.dumps(body, ensure_ascii=False, indent=1) + "\n"


@cache
def load() -> tuple[Entry, ...]:
    """The generated catalogue the gateway serves."""
    entries = json.loads(GENERATED.read_text())["entries"]
    return tuple(Entry(**e | {"services": tuple(e["services"]), "modules": tuple(e["modules"])}) for e in entries)
