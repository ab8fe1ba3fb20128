"""Breaking-change report for a spec change: ``nox -s spec_diff [-- --base REF]``.

Compares ``specs/`` and ``generated/`` in the working tree with a git ref, per provider:

* spec-level changes classified by Optic (``_optic``),
* Python API breaks in the generated package found by griffe (``_python_api``),
* what both miss, by our own small checks: closed response enums gaining members and
  tightened request bounds (``_spec_checks``), attrs fields that became required and changed
  annotations (``_python_api``).

Exit 0 when nothing is breaking (or ``--allow-breaking``), 1 when something is, 2 when a
tool could not run. The markdown report goes to ``reports/spec-diff.md`` and to stdout.
"""

from ._cli import compare, compare_provider, main, optic_runner
from ._findings import Finding, ProviderResult, Source, render

__all__ = [
    "Finding",
    "ProviderResult",
    "Source",
    "compare",
    "compare_provider",
    "main",
    "optic_runner",
    "render",
]
