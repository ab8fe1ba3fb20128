"""Python API breaks in a generated package: griffe, plus our checks for what griffe skips.

griffe 2.4.1 compares signatures and public objects but (per ``griffe/_internal/diff.py``)
never compares annotations, and does not synthesise ``__init__`` for attrs classes, so an
attrs field that became required, or a field or parameter whose type changed, goes unseen.
Those two checks read the same griffe trees; they are ours because griffe has no hook for them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import griffe

from ._findings import Finding, Source
from ._names import Names

_ENDPOINT_FUNCTIONS = ("sync", "sync_detailed", "asyncio", "asyncio_detailed")
_EXPLAIN = {
    griffe.BreakageKind.OBJECT_REMOVED: "was removed; code that uses it fails",
    griffe.BreakageKind.PARAMETER_CHANGED_REQUIRED: "is now required; calls without it fail",
    griffe.BreakageKind.PARAMETER_ADDED_REQUIRED: "was added as a required parameter",
    griffe.BreakageKind.PARAMETER_REMOVED: "was removed; calls passing it fail",
}


def load(package: str, search_path: Path) -> griffe.Module:
    """Load ``package`` statically from ``search_path`` only.

    ``try_relative_path=False``: otherwise griffe first resolves the name against the current
    folder and, run from the repository root, would load the working tree for both sides.
    """
    loaded = griffe.load(
        package, search_paths=[search_path], try_relative_path=False, allow_inspection=False
    )
    if not isinstance(loaded, griffe.Module):
        raise TypeError(f"{package} in {search_path} is not a module")
    return loaded


def _short(path: str) -> str:
    """``pkg.models.sms_report.SmsReport.x`` -> ``pkg.models.SmsReport.x``, as users import it."""
    parts = path.split(".")
    if len(parts) > 3 and parts[1] == "models":
        return ".".join([*parts[:2], *parts[3:]])
    return path


def _json_hint(python_name: str, names: Names) -> str:
    json_name = names.json(python_name)
    return f" (JSON `{json_name}`)" if json_name and json_name != python_name else ""


def griffe_findings(
    provider: str, old: griffe.Module, new: griffe.Module, names: Names
) -> list[Finding]:
    """Return griffe's breakages, one per object; the four endpoint functions share one line."""
    grouped: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for breakage in griffe.find_breaking_changes(old, new):
        obj_path = breakage.obj.path
        detail = ""
        if isinstance(breakage.old_value, griffe.Parameter):
            detail = breakage.old_value.name
        elif isinstance(breakage.new_value, griffe.Parameter):
            detail = breakage.new_value.name
        head, _, leaf = obj_path.rpartition(".")
        if leaf in _ENDPOINT_FUNCTIONS:
            grouped[(head, detail, breakage.kind.name)].append(leaf)
        else:
            grouped[(obj_path, detail, breakage.kind.name)].append("")
    findings = []
    for (path, detail, kind_name), functions in grouped.items():
        kind = griffe.BreakageKind[kind_name]
        what = _EXPLAIN.get(kind, kind.value.lower())
        if functions != [""]:
            target = f"`{_short(path)}.{{{','.join(sorted(functions))}}}`"
            subject = f"parameter `{detail}`{_json_hint(detail, names)} of {target}"
        elif detail:
            subject = f"parameter `{detail}`{_json_hint(detail, names)} of `{_short(path)}`"
        else:
            subject = f"`{_short(path)}`{_json_hint(path.rpartition('.')[2], names)}"
        findings.append(Finding(provider, Source.GRIFFE, True, f"{subject} {what}."))
    return findings


def _norm(annotation: object) -> str:
    """Return an annotation without ``Unset`` and with its union members sorted.

    Dropping ``Unset`` leaves required-ness to the required checks; sorting ignores reordering.
    """
    parts = {p.strip() for p in str(annotation).split("|")} - {"Unset", ""}
    return " | ".join(sorted(parts))


def _attrs_classes(module: griffe.Module) -> Iterator[griffe.Class]:
    for member in module.members.values():
        if isinstance(member, griffe.Module):
            yield from _attrs_classes(member)
        elif isinstance(member, griffe.Class) and any(
            "attrs_define" in str(d.value) for d in member.decorators
        ):
            yield member


def _fields(cls: griffe.Class) -> dict[str, griffe.Attribute]:
    return {
        name: attr
        for name, attr in cls.members.items()
        if isinstance(attr, griffe.Attribute)
        and attr.annotation is not None
        and "init=False" not in str(attr.value)
    }


def _functions(module: griffe.Module) -> Iterator[griffe.Function]:
    for member in module.members.values():
        if isinstance(member, griffe.Module):
            yield from _functions(member)
        elif isinstance(member, griffe.Function) and member.name in _ENDPOINT_FUNCTIONS:
            yield member


def own_findings(
    provider: str, old: griffe.Module, new: griffe.Module, names: Names
) -> list[Finding]:
    """Report attrs fields that became required and changed annotations (griffe sees neither)."""
    findings: list[Finding] = []
    new_classes = {c.path: c for c in _attrs_classes(new)}
    for old_cls in _attrs_classes(old):
        new_cls = new_classes.get(old_cls.path)
        if new_cls is None:
            continue
        old_fields, new_fields = _fields(old_cls), _fields(new_cls)
        for name, before in old_fields.items():
            after = new_fields.get(name)
            if after is None:
                continue
            label = f"`{_short(old_cls.path)}.{name}`{_json_hint(name, names)}"
            if before.value is not None and after.value is None:
                findings.append(Finding(
                    provider, Source.PYTHON_CHECK, True,
                    f"{label} became required; `{old_cls.name}(...)` calls without it raise "
                    "TypeError (on the wire a response that always has it is compatible).",
                ))  # fmt: skip
            if _norm(before.annotation) != _norm(after.annotation):
                findings.append(Finding(
                    provider, Source.PYTHON_CHECK, True,
                    f"{label} type changed `{before.annotation}` → `{after.annotation}`; code "
                    "reading or setting it may break.",
                ))  # fmt: skip
        for name in new_fields.keys() - old_fields.keys():
            if new_fields[name].value is None:
                findings.append(Finding(
                    provider, Source.PYTHON_CHECK, False,
                    f"`{_short(new_cls.path)}.{name}`{_json_hint(name, names)} is a new required "
                    "field; only code that constructs the model itself must pass it.",
                ))  # fmt: skip
    findings += _signature_findings(provider, old, new, names)
    return findings


def _signature_findings(
    provider: str, old: griffe.Module, new: griffe.Module, names: Names
) -> Iterator[Finding]:
    new_functions = {f.path: f for f in _functions(new)}
    changed: dict[tuple[str, str, str, str], list[str]] = defaultdict(list)
    for before in _functions(old):
        after = new_functions.get(before.path)
        if after is None:
            continue
        head = before.path.rpartition(".")[0]
        for param in before.parameters:
            if param.name in after.parameters:
                new_param = after.parameters[param.name]
                if _norm(param.annotation) != _norm(new_param.annotation):
                    key = (head, param.name, str(param.annotation), str(new_param.annotation))
                    changed[key].append(before.name)
        if before.name == "sync" and _norm(before.returns) != _norm(after.returns):
            changed[(head, "return", str(before.returns), str(after.returns))].append("sync")
    for (head, param, was, now), functions in changed.items():
        target = f"`{_short(head)}.{{{','.join(sorted(functions))}}}`"
        what = (
            "return type" if param == "return" else f"parameter `{param}`{_json_hint(param, names)}"
        )
        yield Finding(
            provider, Source.PYTHON_CHECK, True,
            f"{what} of {target} changed `{was}` → `{now}`; callers may break.",
        )  # fmt: skip
