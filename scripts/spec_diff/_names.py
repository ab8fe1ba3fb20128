"""JSON name <-> Python name, read from the generated code itself.

openapi-python-client renames (``mccMnc`` -> ``mcc_mnc``, ``from`` -> ``from_``); rather than
re-implement its rules, we read the mapping it wrote: every model's ``to_dict`` assigns
``"jsonName": python_name`` and every endpoint's ``_get_kwargs`` assigns
``params["jsonName"] = python_name``. A name that maps two ways is left out, not guessed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

# `"smsCount": sms_count,` (required field), `field_dict["mccMnc"] = mcc_mnc`,
# `params["bulkId"] = bulk_id` and `params["status"] = json_status` (converted values).
_PAIR = re.compile(
    r'^\s*(?:(?:field_dict|params)\["(?P<a>[^"]+)"\] = |"(?P<b>[^"]+)": )(?:json_)?(?P<py>\w+),?$',
    re.MULTILINE,
)


class Names:
    """Unambiguous JSON <-> Python name pairs of one or more generated packages."""

    def __init__(self, *packages: Path) -> None:
        to_python: dict[str, set[str]] = defaultdict(set)
        to_json: dict[str, set[str]] = defaultdict(set)
        for package in packages:
            for module in sorted(package.rglob("*.py")) if package.is_dir() else []:
                for match in _PAIR.finditer(module.read_text(encoding="utf-8")):
                    json_name = match.group("a") or match.group("b")
                    to_python[json_name].add(match.group("py"))
                    to_json[match.group("py")].add(json_name)
        self._to_python = {k: next(iter(v)) for k, v in to_python.items() if len(v) == 1}
        self._to_json = {k: next(iter(v)) for k, v in to_json.items() if len(v) == 1}

    def python(self, json_name: str) -> str | None:
        """Return the Python name generated for ``json_name``, if there is exactly one."""
        return self._to_python.get(json_name)

    def json(self, python_name: str) -> str | None:
        """Return the JSON name behind ``python_name``, if there is exactly one."""
        return self._to_json.get(python_name)
