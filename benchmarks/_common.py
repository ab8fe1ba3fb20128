"""What every benchmark shares: run sizes, timing helpers, ratio maths and the result tables.

Only ratios measured in one run mean anything on a shared machine, so every benchmark times
dlrkit and its baseline side by side, alternating, and reports medians.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = [
    "REPO",
    "BenchResult",
    "Mode",
    "Table",
    "Target",
    "fmt_float",
    "fmt_ratio",
    "median",
    "overhead",
    "ratio",
    "time_per_call",
]

REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True, slots=True)
class Mode:
    """Run sizes: ``smoke`` is CI's short pass (a few iterations, no thresholds)."""

    smoke: bool

    def pick(self, smoke: int, full: int) -> int:
        """Return the smoke or the full size."""
        return smoke if self.smoke else full

    def seconds(self, smoke: float, full: float) -> float:
        """Return the smoke or the full duration, in seconds."""
        return smoke if self.smoke else full

    @property
    def name(self) -> str:
        """``"smoke"`` or ``"full"``."""
        return "smoke" if self.smoke else "full"


@dataclass(frozen=True, slots=True)
class Target:
    """One README performance target: ``met`` is None when it could not be judged."""

    name: str
    met: bool | None
    detail: str


@dataclass(slots=True)
class Table:
    """A printable table; cells are strings, numbers or None (shown as ``n/a``)."""

    title: str
    columns: list[str]
    rows: list[list[object]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, *cells: object) -> None:
        """Append one row; it must have one cell per column."""
        if len(cells) != len(self.columns):
            raise ValueError(f"row has {len(cells)} cells, table {self.title!r} has columns")
        self.rows.append(list(cells))

    def render(self) -> str:
        """Return the table as aligned text: title, header, rule, rows, then notes."""
        text = [[_cell(c) for c in self.columns]] + [[_cell(c) for c in r] for r in self.rows]
        widths = [max(len(row[i]) for row in text) for i in range(len(self.columns))]
        lines = [self.title, ""]
        for n, row in enumerate(text):
            cells = [
                c.ljust(w) if i == 0 or not _numeric(c) else c.rjust(w)
                for i, (c, w) in enumerate(zip(row, widths, strict=True))
            ]
            lines.append("  ".join(cells).rstrip())
            if n == 0:
                lines.append("  ".join("-" * w for w in widths))
        lines += [f"  note: {note}" for note in self.notes]
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        """Return the table as JSON-ready data (rows as column-keyed objects)."""
        return {
            "title": self.title,
            "rows": [dict(zip(self.columns, row, strict=True)) for row in self.rows],
            "notes": self.notes,
        }


@dataclass(slots=True)
class BenchResult:
    """What one benchmark returns: its tables, raw figures for the JSON report and targets."""

    name: str
    tables: list[Table] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    targets: list[Target] = field(default_factory=list)
    #: Correctness failures (not performance): the run exits non-zero if any are present.
    failures: list[str] = field(default_factory=list)


def _cell(value: object) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return fmt_float(value)
    return str(value)


def _numeric(text: str) -> bool:
    """Right-align numbers, ratios (``1.2x``), percentages (``+5%``) and missing values."""
    return text == "n/a" or (bool(text) and (text[0].isdigit() or text[0] in "+-"))


def fmt_float(value: float) -> str:
    """Format a measurement with about three significant digits, thousands separated."""
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    if value >= 1:
        return f"{value:.2f}"
    return f"{value:.3g}"


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    """Return ``numerator / denominator``, or None if either is missing or the divisor is 0."""
    if numerator is None or denominator is None or denominator == 0:
        return None
    return numerator / denominator


def overhead(measured: float | None, baseline: float | None) -> float | None:
    """Return how much more ``measured`` costs than ``baseline`` as a fraction (0.15 = 15 %)."""
    r = ratio(measured, baseline)
    return None if r is None else r - 1


def fmt_ratio(value: float | None) -> str:
    """Format a ratio as ``1.23x`` (``n/a`` when missing)."""
    return "n/a" if value is None else f"{value:.2f}x"


def median(values: Sequence[float]) -> float | None:
    """Return the median of ``values``, or None when there are none."""
    return statistics.median(values) if values else None


def time_per_call(fn: Callable[[], object], number: int) -> float:
    """Return the mean wall time of one ``fn()`` call over ``number`` calls, in seconds."""
    started = time.perf_counter()
    for _ in range(number):
        fn()
    return (time.perf_counter() - started) / number
