"""What every check reports: one ``Finding`` per change, and the markdown report built from them."""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Iterable, Sequence


class Source(enum.StrEnum):
    """Which check found a change; shown in the report so a reviewer can weigh it."""

    OPTIC = "spec, Optic"
    GRIFFE = "Python API, griffe"
    SPEC_CHECK = "spec, dlrkit check"
    PYTHON_CHECK = "Python API, dlrkit check"


@dataclasses.dataclass(frozen=True, slots=True)
class Finding:
    """One change between the base and the working tree, explained in one line.

    ``message`` is markdown, names the JSON and (where one exists) the Python name, and says
    what breaks for whom when ``breaking`` is true. ``context`` entries are listed apart: they
    restate a change that a verdict line (breaking or not) already covers.
    """

    provider: str
    source: Source
    breaking: bool
    message: str
    # A neutral entry of a tool's change list (no verdict of its own), shown for context.
    context: bool = False


@dataclasses.dataclass(frozen=True, slots=True)
class ProviderResult:
    """Everything found for one provider, plus notes on what was not checked and why."""

    provider: str
    findings: tuple[Finding, ...]
    notes: tuple[str, ...] = ()

    @property
    def breaking(self) -> tuple[Finding, ...]:
        """The findings that break existing users."""
        return tuple(f for f in self.findings if f.breaking)


def _lines(findings: Iterable[Finding]) -> list[str]:
    return [f"- **{f.source}**: {f.message}" for f in findings]


def render(base: str, results: Sequence[ProviderResult], *, allow_breaking: bool) -> str:
    """Return the markdown report: a verdict line, then one section per changed provider."""
    breaking = sum(len(r.breaking) for r in results)
    out = [f"# Spec diff against `{base}`", ""]
    if not results:
        out.append("No spec or generated client changed: no breaking changes.")
        return "\n".join(out) + "\n"
    names = ", ".join(r.provider for r in results)
    if breaking:
        verdict = f"**{breaking} breaking change{'s' if breaking != 1 else ''}** in {names}."
        if allow_breaking:
            verdict += " Accepted with `--allow-breaking`: say so in the changelog."
    else:
        verdict = f"Changed: {names}. **No breaking changes.**"
    out += [verdict, ""]
    for result in results:
        out += [f"## {result.provider}", ""]
        out += [f"_{note}_" for note in result.notes]
        if result.notes:
            out.append("")
        out += ["### Breaking", ""]
        out += _lines(result.breaking) or ["- none: no breaking changes"]
        out += ["", "### Not breaking", ""]
        out += _lines(f for f in result.findings if not f.breaking and not f.context) or ["- none"]
        if context := [f for f in result.findings if f.context]:
            out += ["", "### Every spec change (Optic's list, for context)", ""]
            out += [f"- {f.message}" for f in context]
        out.append("")
    return "\n".join(out)
