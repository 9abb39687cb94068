"""Every message id raised anywhere in app/ has a Chinese and an English text in app.services.messages.

The ids are read from the source with ``ast`` (not from the catalogue, not from a run), so a new ``raise`` of an
id without text fails here. What counts as raising an id:
- a call of an error class (ServiceError and its subclasses, SchemaError, CliError) whose ``__init__`` takes a
  ``message_id``, or of any function with a ``message_id`` parameter (``_refuse``, ``_note``...): the argument in
  that place; ``super().__init__("id", ...)`` inside an error class;
- ids kept in module constants of app/domain and app/services (the approval refusals, the validation warnings),
  and ``warnings.append("id")``;
- ``get_live(..., what)``, which raises ``f"{what}.not_found"``;
- the compliance reasons app.domain.rules returns (``PeriodResult(period, status, reason)`` and ``reason = ...``).
An id argument that is none of a literal, a known constant or a pass-through parameter fails the test: make it
visible, or add its site to DYNAMIC below with where its values come from.
"""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from app.domain import approval
from app.services import attachments, messages

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app"
ID = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")
ERROR_ROOTS = {"ServiceError", "SchemaError", "CliError"}
PARAMS_AT: dict[str, int] = {}  # dataclass name -> index of its params field (filled by _id_positions)
# Sites whose id is computed; each names the values it can take (checked as ids like any other).
DYNAMIC: dict[tuple[str, str], list[str]] = {
    # owner_student(): get_live(session, model, owner_id, owner_type) for each owner type an attachment may have.
    ("app/services/attachments.py", "owner_type"): [f"{t}.not_found" for t in attachments.OWNER_TYPES],
    # plans.submit/decide: _refuse(refusal) with a refusal the approval rules return.
    ("app/services/plans.py", "refusal"): [
        v for k, v in vars(approval).items() if k.isupper() and isinstance(v, str) and ID.match(v)
    ],
    # RowChecker.finish(): self.refuse(message_id, ...) re-raises the first problem _note() recorded.
    ("app/services/dump/stream.py", "message_id"): [],
    # client._refusal(): the id the hub refused with, re-raised on the laptop (each raised at the hub as a literal).
    ("app/services/exchange/client.py", "message_id"): [],
}


@dataclass
class Site:
    path: str
    line: int
    message_id: str
    params: set[str] = field(default_factory=set)
    open_params: bool = False  # **kwargs at the site: any placeholder may be filled


def _modules() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(APP.rglob("*.py")):
        yield path.relative_to(ROOT).as_posix(), ast.parse(path.read_text(encoding="utf-8"))


MODULES = list(_modules())


def _name(func: ast.expr) -> str:
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _id_positions() -> tuple[dict[str, int], set[str]]:
    """callable name -> index of its message_id argument (self dropped); and the error class names."""
    bases: dict[str, list[str]] = {}
    inits: dict[str, list[str]] = {}
    positions: dict[str, int] = {}
    for _, tree in MODULES:
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases[node.name] = [_name(b) for b in node.bases]
                for item in node.body:
                    if isinstance(item, ast.FunctionDef) and item.name == "__init__":
                        inits[node.name] = [a.arg for a in item.args.args[1:]]
                if any(
                    _name(d.func if isinstance(d, ast.Call) else d) == "dataclass"
                    for d in node.decorator_list
                ):
                    # A dataclass with a message_id field (a roster RowError): its fields are its arguments.
                    fields = [
                        i.target.id
                        for i in node.body
                        if isinstance(i, ast.AnnAssign) and isinstance(i.target, ast.Name)
                    ]
                    if "message_id" in fields:
                        positions[node.name] = fields.index("message_id")
                        if "params" in fields:
                            PARAMS_AT[node.name] = fields.index("params")
            elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name != "__init__":
                names = [a.arg for a in node.args.args if a.arg != "self"]
                if "message_id" in names:
                    positions[node.name] = names.index("message_id")

    def is_error(name: str) -> bool:
        return name in ERROR_ROOTS or any(is_error(b) for b in bases.get(name, ()))

    def init_of(name: str) -> list[str]:
        if name in inits:
            return inits[name]
        return next((init_of(b) for b in bases.get(name, ()) if b in bases), [])

    errors = {name for name in bases if is_error(name)}
    for name in errors:
        args = init_of(name)
        if "message_id" in args:
            positions[name] = args.index("message_id")
    return positions, errors


def _constants(where: tuple[str, ...] = ("app/domain/", "app/services/")) -> dict[str, str]:
    """Module-level NAME = "some.id" in the modules under ``where`` (by name, as Name or module.NAME)."""
    found: dict[str, str] = {}
    for path, tree in MODULES:
        if not path.startswith(where):
            continue
        for node in tree.body:
            if (
                isinstance(node, ast.Assign)
                and isinstance(node.value, ast.Constant)
                and isinstance(node.value.value, str)
                and ID.match(node.value.value)
            ):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        found[target.id] = node.value.value
    return found


def _functions(tree: ast.Module) -> Iterator[ast.FunctionDef | ast.AsyncFunctionDef]:
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield node


def _params_of(call: ast.Call) -> tuple[set[str], bool]:
    names = {k.arg for k in call.keywords if k.arg is not None} - {"field", "message_id", "message"}
    return names, any(k.arg is None for k in call.keywords)


def _what_helpers() -> dict[str, int]:
    """Functions that hand their own ``what`` parameter to get_live (index of it among their arguments)."""
    found: dict[str, int] = {}
    for _, tree in MODULES:
        for function in _functions(tree):
            names = [a.arg for a in function.args.args if a.arg != "self"]
            calls_get_live = any(
                isinstance(c, ast.Call) and _name(c.func) == "get_live" for c in ast.walk(function)
            )
            if "what" in names and calls_get_live and function.name != "get_live":
                found[function.name] = names.index("what")
    return found


WHAT_HELPERS = _what_helpers()


def error_sites() -> tuple[list[Site], list[str]]:
    """Every place an error id is raised, and the places whose id cannot be seen."""
    positions, errors = _id_positions()
    constants = _constants()
    sites: list[Site] = []
    unseen: list[str] = []
    get_live_whats: list[tuple[str, int, str]] = []
    for path, tree in MODULES:
        owners: dict[ast.AST, ast.FunctionDef | ast.AsyncFunctionDef] = {}
        for function in _functions(tree):  # outer functions first: an inner one overwrites its own nodes
            for child in ast.walk(function):
                owners[child] = function
        classes = {
            child: node.name
            for node in ast.walk(tree)
            if isinstance(node, ast.ClassDef) and node.name in errors
            for child in ast.walk(node)
        }
        local_functions = {
            f.name for f in _functions(tree) if "message_id" not in [a.arg for a in f.args.args]
        }
        for node in ast.walk(tree):
            if (
                not isinstance(node, ast.Call) or path == "app/services/messages.py"
            ):  # the catalogue raises none
                continue
            name = _name(node.func)
            if name == "get_live" or name in WHAT_HELPERS:
                index = 3 if name == "get_live" else WHAT_HELPERS[name]
                what = node.args[index] if len(node.args) > index else None
                what = next((k.value for k in node.keywords if k.arg == "what"), what)
                owner = owners.get(node)
                if what is None:
                    get_live_whats.append((path, node.lineno, "record"))
                elif isinstance(what, ast.Constant) and isinstance(what.value, str):
                    get_live_whats.append((path, node.lineno, what.value))
                elif (
                    isinstance(what, ast.Name)
                    and owner is not None
                    and owner.name in WHAT_HELPERS
                    and what.id == "what"
                ):
                    pass  # a helper handing on its own what (access.soft_delete): its callers are sites
                elif not (isinstance(what, ast.Name) and (path, what.id) in DYNAMIC):
                    unseen.append(f"{path}:{node.lineno} get_live(... {ast.unparse(what)})")
                continue
            if name == "__init__" and node in classes:
                if classes[node] in ERROR_ROOTS:
                    continue  # the root classes hand their message to Exception
                index = 0
            elif name in local_functions:
                continue  # a function of this module shadows a helper of the same name elsewhere
            elif name in positions:
                index = positions[name]
            else:
                continue
            arg = node.args[index] if len(node.args) > index else None
            arg = next((k.value for k in node.keywords if k.arg == "message_id"), arg)
            if arg is None:
                continue
            params, open_params = _params_of(node)
            if name in PARAMS_AT:  # params as a dict argument (RowError(..., "id", {"row": 3}))
                given = node.args[PARAMS_AT[name]] if len(node.args) > PARAMS_AT[name] else None
                given = next((k.value for k in node.keywords if k.arg == "params"), given)
                if isinstance(given, ast.Dict):
                    params |= {k.value for k in given.keys if isinstance(k, ast.Constant)}
                elif given is not None:
                    open_params = True
            if isinstance(arg, ast.Attribute) and arg.attr == "message_id":
                continue  # another error's id handed on (a row problem from a refusal): raised elsewhere
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                sites.append(Site(path, node.lineno, arg.value, params, open_params))
                continue
            key = arg.id if isinstance(arg, ast.Name) else arg.attr if isinstance(arg, ast.Attribute) else ""
            if key in constants:
                sites.append(Site(path, node.lineno, constants[key], params, open_params))
                continue
            owner = owners.get(node)
            if owner is not None and owner.name == "get_live":
                continue  # f"{what}.not_found": its callers' what are sites (above)
            passes_through = (
                isinstance(arg, ast.Name)
                and owner is not None
                and arg.id == "message_id"
                and arg.id in [a.arg for a in owner.args.args]
            )
            if passes_through:
                continue  # a helper handing on its own message_id: its callers are sites
            if (path, key) in DYNAMIC:
                sites.extend(Site(path, node.lineno, v, params, True) for v in DYNAMIC[path, key])
                continue
            unseen.append(f"{path}:{node.lineno} {ast.unparse(node)[:80]}")
    for path, line, what in get_live_whats:
        sites.append(Site(path, line, f"{what}.not_found"))
    for path, key in DYNAMIC:
        sites.extend(Site(path, 0, v, set(), True) for v in DYNAMIC[path, key])
    return sites, unseen


def warning_ids() -> set[str]:
    """Ids of the warnings validation and the student service give (constants and warnings.append)."""
    found = set(_constants(("app/domain/validation.py",)).values())
    for _, tree in MODULES:
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and _name(node.func) == "append"
                and isinstance(node.func, ast.Attribute)
                and _name(node.func.value) == "warnings"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                found.add(node.args[0].value)
    return found


def reason_ids() -> set[str]:
    """The fixed reasons app.domain.rules gives a compliance result (free-text reasons come from people)."""
    tree = dict(MODULES)["app/domain/rules.py"]
    found: set[str] = set()
    for node in ast.walk(tree):
        values: list[ast.expr] = []
        if isinstance(node, ast.Call) and _name(node.func) == "PeriodResult" and len(node.args) > 2:
            values.append(node.args[2])
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "reason" for t in node.targets
        ):
            values.append(node.value)
        for value in values:
            for part in ast.walk(value):
                if isinstance(part, ast.Constant) and isinstance(part.value, str) and part.value:
                    found.add(part.value)
    return found


SITES, UNSEEN = error_sites()


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_the_extraction_sees_the_raises_it_must() -> None:
    """Guards the walker itself: known ids of each kind of site are found (else the tests below prove nothing)."""
    ids = {s.message_id for s in SITES}
    assert {"field.required", "exchange.replayed", "schema.newer", "cli.no_user", "roster.invalid"} <= ids
    assert {"student.not_found", "attachment.not_found", "plan.decide.own_plan", "dump.checksum"} <= ids
    assert "certificate.expired" in warning_ids() and "id_number.check_digit" in warning_ids()
    assert {"holiday", "no_visit", "family_cancelled", "too_few_lessons"} <= reason_ids()
    assert len(ids) > 150


def test_every_id_site_is_visible() -> None:
    assert UNSEEN == [], "message ids the catalogue test cannot see (use a literal or list it in DYNAMIC)"


@pytest.mark.parametrize("table", ["errors", "warnings", "reasons"])
def test_every_raised_id_has_chinese_and_english_text(table: str) -> None:
    wanted, catalogue = {
        "errors": ({s.message_id for s in SITES}, messages.MESSAGES),
        "warnings": (warning_ids(), messages.WARNINGS),
        "reasons": (reason_ids(), messages.REASONS),
    }[table]
    missing = sorted(wanted - catalogue.keys())
    assert missing == [], f"{table} without text in app/services/messages.py"
    for message_id in wanted:
        english, chinese = catalogue[message_id]
        assert english.strip() and chinese.strip(), message_id
        assert re.search(r"[\u4e00-\u9fff]", chinese), f"{message_id}: the Chinese text has no Chinese"
        assert not re.search(r"[\u4e00-\u9fff]", english), f"{message_id}: the English text has Chinese"
        assert _placeholders(english) == _placeholders(chinese), message_id


def test_the_catalogue_holds_no_id_nobody_raises() -> None:
    """A text for an id no code raises is a typo or a leftover (the walker would miss its real raise)."""
    raised = {s.message_id for s in SITES}
    assert sorted(messages.MESSAGES.keys() - raised) == []
    assert sorted(messages.WARNINGS.keys() - warning_ids()) == []
    assert sorted(messages.REASONS.keys() - reason_ids()) == []


def test_every_placeholder_is_given_where_the_id_is_raised() -> None:
    """A text's {params} must come with every raise of its id, or people would read "{max_len}"."""
    unfilled = [
        f"{s.path}:{s.line} {s.message_id} lacks {sorted(_placeholders(messages.MESSAGES[s.message_id][0]) - s.params)}"
        for s in SITES
        if not s.open_params
        and s.message_id in messages.MESSAGES
        and not _placeholders(messages.MESSAGES[s.message_id][0]) <= s.params
    ]
    assert unfilled == []


def test_texts_are_picked_by_language_and_filled() -> None:
    from app.services.errors import ValidationError

    error = ValidationError("field.too_long", "name is longer than 40 characters.", field="name", max_len=40)
    assert messages.error_text(error, "zh_CN") == "内容过长（最多 40 个字）。"
    assert messages.error_text(error, "en") == "This text is too long (at most 40 characters)."
    assert messages.error_text(ValueError("x"), "zh_CN") is None
    assert (
        messages.reason_text("我家孩子住院", "zh_CN") == "我家孩子住院"
    )  # a typed pause reason stays as typed
    assert messages.warning_text("phone.format", "zh_CN") == "电话号码看起来不正确。"


def test_no_module_patches_the_catalogue() -> None:
    """The catalogue is complete in itself: nothing in app/ adds to it (or to another module's table) at import,
    neither with update()/setdefault() nor by assigning an item (other.TABLE[key] = ...)."""

    def other_table(node: ast.expr) -> bool:
        return isinstance(node, ast.Attribute) and node.attr.isupper() and isinstance(node.value, ast.Name)

    patching = [
        f"{path}:{node.lineno}"
        for path, tree in MODULES
        for node in ast.walk(tree)
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("update", "setdefault")
            and other_table(node.func.value)
        )
        or (
            isinstance(node, ast.Assign | ast.AugAssign)
            and any(
                isinstance(t, ast.Subscript) and other_table(t.value)
                for t in (node.targets if isinstance(node, ast.Assign) else [node.target])
            )
        )
    ]
    assert patching == []
