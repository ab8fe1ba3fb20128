"""Benchmark 1: turn one 100-item page, already in memory, into typed objects.

Columns: ``json.loads`` alone (the floor), dlrkit's generated ``from_dict`` of the page
model, and each official SDK's own response model in its own environment. Every parser runs
in a child process next to its own ``json.loads`` floor; rounds interleave the processes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from _common import BenchResult, Mode, Table, Target, fmt_ratio, median, ratio
from _loadgen import run_async
from _sdk import SDKS, ensure_sdk
from _servers import PROVIDERS, inprocess, routee_query, routee_window

__all__ = ["fetch_pages", "run"]

PAGE_ITEMS = 100
_TIMER = Path(__file__).resolve().parent / "_parse_timer.py"
_CHILD_TIMEOUT = 600


async def _page(provider: str) -> bytes:
    async with inprocess(provider) as (client, _):
        response: httpx.Response
        if provider == "mailersend":
            response = await client.get("/sms-activity", params={"limit": PAGE_ITEMS})
        elif provider == "sentdm":
            response = await client.get("/v3/contacts", params={"page_size": PAGE_ITEMS})
        elif provider == "infobip":
            response = await client.get("/sms/1/reports", params={"limit": PAGE_ITEMS})
        else:
            query = {**routee_query(*routee_window()), "size": str(PAGE_ITEMS)}
            response = await client.post("/sms/tracking", params=query, json=[])
        response.raise_for_status()
        return response.content


def fetch_pages() -> dict[str, bytes]:
    """Return one 100-item page body per provider, fetched from its in-process server."""

    async def all_pages() -> dict[str, bytes]:
        return {provider: await _page(provider) for provider in PROVIDERS}

    return run_async(all_pages())


@dataclass(slots=True)
class _Column:
    """One parser in one interpreter, and the samples gathered over the rounds."""

    label: str
    parser: str
    provider: str
    python: Path
    floor_us: list[float] = field(default_factory=list)
    parse_us: list[float] = field(default_factory=list)
    items: int = 0
    error: str | None = None

    @property
    def cost(self) -> float | None:
        """Median parse time over median floor: the price relative to ``json.loads``."""
        return ratio(median(self.parse_us), median(self.floor_us))


def _measure(columns: list[_Column], files: dict[str, Path], number: int, repeat: int) -> None:
    """Time ``columns`` (all of one interpreter) in one child process; record errors."""
    python = columns[0].python
    command = [str(python), "-P", str(_TIMER), "--number", str(number), "--repeat", str(repeat)]
    for column in columns:
        command += ["--job", column.parser, column.provider, str(files[column.provider])]
    env = dict(os.environ)
    if python != Path(sys.executable):
        env.pop("PYTHONPATH", None)  # an SDK environment sees only its own packages
    try:
        done = subprocess.run(  # noqa: S603 - our interpreters and our script
            command, capture_output=True, text=True, timeout=_CHILD_TIMEOUT, env=env, check=False
        )
    except subprocess.TimeoutExpired:
        done = None
    if done is None or done.returncode != 0:
        lines = (done.stderr.strip().splitlines() if done else None) or ["timed out"]
        for column in columns:
            column.error = lines[-1][:200]
        return
    for column, result in zip(columns, json.loads(done.stdout), strict=True):
        column.items = result["items"]
        column.floor_us += result["floor_us"]
        column.parse_us += result["parse_us"]


def _columns(notes: list[str]) -> list[_Column]:
    here = Path(sys.executable)
    columns = [_Column("dlrkit (generated from_dict)", "dlrkit", p, here) for p in PROVIDERS]
    for sdk in SDKS:
        python, how = ensure_sdk(sdk)
        if python is None:
            notes.append(f"{sdk.label} SDK column skipped: {how}")
            continue
        columns.append(_Column(f"SDK {sdk.label}", f"sdk:{sdk.name}", sdk.provider, python))
        if sdk.name == "sentdm":
            label = f"SDK {sdk.label}, strict validation"
            columns.append(_Column(label, f"sdk-strict:{sdk.name}", sdk.provider, python))
    notes.append("routee: no official Python SDK exists, so no SDK column")
    return columns


def run(mode: Mode) -> BenchResult:
    """Measure every parser on every provider's page; see the module docstring."""
    result = BenchResult("parse")
    notes: list[str] = []
    pages = fetch_pages()
    columns = _columns(notes)
    rounds, number, repeat = mode.pick(1, 7), mode.pick(5, 60), mode.pick(3, 5)
    with tempfile.TemporaryDirectory(prefix="dlrkit-bench-") as tmp:
        files = {p: Path(tmp) / f"{p}.json" for p in PROVIDERS}
        for provider, path in files.items():
            path.write_bytes(pages[provider])
        groups: dict[Path, list[_Column]] = {}
        for column in columns:
            groups.setdefault(column.python, []).append(column)
        for _ in range(rounds):
            for group in groups.values():
                if group[0].error is None:
                    _measure(group, files, number, repeat)
    table = Table(
        f"1. Parse one {PAGE_ITEMS}-item page into typed objects (median us/page)",
        ["provider", "parser", "items", "json.loads us", "parser us", "x json.loads", "vs dlrkit"],
        notes=notes,
    )
    for provider in PROVIDERS:
        own = [c for c in columns if c.provider == provider]
        dlrkit = own[0]
        for column in own:
            relative = ratio(column.cost, dlrkit.cost)  # SDK cost / dlrkit cost, floors cancel
            table.add(
                provider,
                column.label if column.error is None else f"{column.label}: {column.error}",
                column.items,
                median(column.floor_us),
                median(column.parse_us),
                fmt_ratio(column.cost),
                "-" if column is dlrkit else fmt_ratio(relative),
            )
        result.targets += _targets(provider, dlrkit, own[1:])
    table.notes += [
        "x json.loads = parser time / json.loads time, both measured in the parser's process",
        "vs dlrkit = (SDK x json.loads) / (dlrkit x json.loads); above 1.00x dlrkit is faster",
        "mailersend SDK: pages are untyped dicts; its typed model is the row (SmsActivity)",
        "sentdm SDK default (construct_type) does not validate; strict mode is shown too",
    ]
    result.tables.append(table)
    result.data = {
        "columns": [
            {
                "provider": c.provider,
                "parser": c.label,
                "items": c.items,
                "error": c.error,
                "floor_us": c.floor_us,
                "parse_us": c.parse_us,
                "median_floor_us": median(c.floor_us),
                "median_parse_us": median(c.parse_us),
                "x_json_loads": c.cost,
            }
            for c in columns
        ],
        "rounds": rounds,
        "number": number,
        "repeat": repeat,
    }
    for column in columns:
        if column.error is not None and column.parser == "dlrkit":
            result.failures.append(f"parse: dlrkit failed on {column.provider}: {column.error}")
    return result


def _targets(provider: str, dlrkit: _Column, sdks: list[_Column]) -> list[Target]:
    targets = [
        Target(
            f"parse {provider}: within 3x of json.loads",
            None if dlrkit.cost is None else dlrkit.cost <= 3,
            f"dlrkit costs {fmt_ratio(dlrkit.cost)} json.loads",
        )
    ]
    defaults = [
        c for c in sdks if c.error is None and c.cost is not None and "strict" not in c.parser
    ]
    if defaults and dlrkit.cost is not None:
        fastest = min(defaults, key=lambda c: c.cost or 0.0)
        slower = ratio(dlrkit.cost, fastest.cost)
        assert slower is not None
        targets.append(
            Target(
                f"parse {provider}: at least as fast as the official SDK",
                slower <= 1,
                f"dlrkit takes {fmt_ratio(slower)} the time of {fastest.label}",
            )
        )
    return targets
