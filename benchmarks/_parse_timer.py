"""Time one parser on one saved page, in whatever interpreter runs this file.

``_parse.py`` runs it with the bench interpreter (dlrkit) and with each SDK's own environment,
so it imports nothing but the standard library and, lazily, the parser under test::

    python _parse_timer.py --number N --repeat R --job PARSER PROVIDER PAGE.json [--job ...]

It prints a JSON list, one object per job: ``items`` parsed, and ``floor_us`` / ``parse_us``,
the microseconds per page of ``json.loads`` alone and of ``json.loads`` plus the parser,
measured alternately in this one process so their ratio does not depend on which process ran
when.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

Parse = Callable[[bytes], Any]
Count = Callable[[Any], list[Any]]

_DLRKIT = {
    "mailersend": ("dlrkit_mailersend_api.models", "SmsActivityList", "data"),
    "sentdm": ("dlrkit_sentdm_api.models", "ContactListEnvelope", "data.contacts"),
    "infobip": ("dlrkit_infobip_api.models", "SmsReportsResponse", "results"),
    "routee": ("dlrkit_routee_api.models", "SmsTrackingPage", "content"),
}


def _path(value: Any, dotted: str) -> list[Any]:
    for name in dotted.split("."):
        value = getattr(value, name)
    return list(value)


def _attr(module: str, name: str) -> Any:
    return getattr(importlib.import_module(module), name)


def _dlrkit(provider: str) -> tuple[Parse, Count]:
    module, model, items = _DLRKIT[provider]
    from_dict = _attr(module, model).from_dict
    loads = json.loads
    return (lambda raw: from_dict(loads(raw))), (lambda page: _path(page, items))


def _mailersend_sdk(provider: str) -> tuple[Parse, Count]:
    # The SDK returns pages as plain dicts; its typed model is the row, SmsActivity.
    validate = _attr("mailersend.models.sms_activity", "SmsActivity").model_validate
    loads = json.loads
    return (lambda raw: [validate(row) for row in loads(raw)["data"]]), list


def _sentdm_sdk(provider: str, *, strict: bool = False) -> tuple[Parse, Count]:
    # What the Stainless client does with a list response: construct_type by default,
    # validate_type with _strict_response_validation=True.
    models = importlib.import_module("sent_dm._models")
    page = _attr("sent_dm.pagination", "SyncContactsPage")[
        _attr("sent_dm.types.contact_response", "ContactResponse")
    ]
    build = models.validate_type if strict else models.construct_type
    loads = json.loads
    return (lambda raw: build(type_=page, value=loads(raw))), (lambda p: _path(p, "data.contacts"))


def _infobip_sdk(provider: str) -> tuple[Parse, Count]:
    # What SmsChannel._construct_response does with GET /sms/1/reports.
    warnings.simplefilter("ignore")  # pkg_resources deprecation on import
    response_class = _attr(
        "infobip_channels.sms.models.response.outbound_delivery_reports",
        "OutboundDeliveryReportsResponse",
    )
    raw_response = _attr("requests", "Response")()
    raw_response.status_code = 200
    loads = json.loads

    def parse(raw: bytes) -> Any:
        return response_class(status_code=200, raw_response=raw_response, **loads(raw))

    return parse, (lambda page: _path(page, "results"))


PARSERS: dict[str, Callable[[str], tuple[Parse, Count]]] = {
    "dlrkit": _dlrkit,
    "sdk:mailersend": _mailersend_sdk,
    "sdk:sentdm": _sentdm_sdk,
    "sdk-strict:sentdm": lambda provider: _sentdm_sdk(provider, strict=True),
    "sdk:infobip": _infobip_sdk,
}


def _per_call_us(fn: Parse, raw: bytes, number: int) -> float:
    started = time.perf_counter()
    for _ in range(number):
        fn(raw)
    return (time.perf_counter() - started) / number * 1e6


def measure(parser: str, provider: str, raw: bytes, number: int, repeat: int) -> dict[str, Any]:
    """Return the item count and per-page timings of ``json.loads`` and of ``parser``."""
    parse, count = PARSERS[parser](provider)
    items = count(parse(raw))
    if items and isinstance(items[0], dict):
        raise TypeError(f"{parser} returned plain dicts, not models")
    floor: list[float] = []
    parsed: list[float] = []
    _per_call_us(parse, raw, max(1, number // 10))  # warm-up
    for i in range(repeat):
        # Alternate the order so neither side always runs on a warmer cache.
        if i % 2:
            parsed.append(_per_call_us(parse, raw, number))
            floor.append(_per_call_us(json.loads, raw, number))
        else:
            floor.append(_per_call_us(json.loads, raw, number))
            parsed.append(_per_call_us(parse, raw, number))
    return {"items": len(items), "floor_us": floor, "parse_us": parsed}


def main(argv: list[str] | None = None) -> int:
    """Parse the command line, measure and print the JSON result."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--number", type=int, default=100, help="calls per timing")
    parser.add_argument("--repeat", type=int, default=5, help="timings per job")
    parser.add_argument(
        "--job", nargs=3, action="append", required=True, metavar=("PARSER", "PROVIDER", "PAGE")
    )
    args = parser.parse_args(argv)
    results = []
    for name, provider, page in args.job:
        if name not in PARSERS or provider not in _DLRKIT:
            parser.error(f"unknown parser or provider: {name} {provider}")
        raw = Path(page).read_bytes()
        results.append(measure(name, provider, raw, args.number, args.repeat))
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
