r"""Callback bodies generated from the specs' ``webhooks:`` schemas, as a provider would send them.

Each provider's spec describes every callback body under ``webhooks:``; `webhook_entries`
returns them with their ``$ref``\\ s resolved. `body_strategy` turns an entry's schema into a
Hypothesis strategy of **valid, realistic** bodies: where a schema is looser than what the
provider really sends (``type: string`` for an E.164 number, a hash id or a timestamp in the
provider's own format), a per-provider profile (`_PROFILES`) narrows that field, and a few
cross-field rules (MailerSend's ``type`` matches ``data.status``) are applied after drawing.
Every body is checked against the unnarrowed schema before it is used (`check_valid`), so a
profile can only narrow, never leave, what the spec allows.

Why our own strategy builder: Schemathesis does not test ``webhooks:``; hypothesis-jsonschema
0.23.1 (the latest release, 2024-02) fails under the Hypothesis this suite runs
(``AttributeError: 'many' object has no attribute 'more'`` from 6.1xx's conjecture API), and
Schemathesis' own generator is private. The webhook schemas use a small subset of JSON
Schema; the builder handles exactly that subset and raises on any other keyword, so a spec
change cannot be ignored silently.
"""

from __future__ import annotations

import functools
import json
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import jsonschema_rs
from hypothesis import strategies as st

from dlrkit_contract._specs import load_spec

__all__ = [
    "WebhookEntry",
    "body_strategy",
    "check_valid",
    "extra_fields",
    "webhook_entries",
]

Json = Any
Strategy = st.SearchStrategy[Json]


@dataclass(frozen=True, slots=True)
class WebhookEntry:
    """One ``webhooks:`` entry of a spec: its name, operationId and resolved body schema."""

    provider: str
    name: str
    operation_id: str
    schema: Mapping[str, Any]


def _resolve(spec: Mapping[str, Any], node: Any, seen: tuple[str, ...] = ()) -> Any:
    """Return ``node`` with every local ``$ref`` inlined (the webhook schemas are acyclic)."""
    if isinstance(node, list):
        return [_resolve(spec, item, seen) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        pointer = node["$ref"]
        if pointer in seen:
            raise ValueError(f"recursive $ref {pointer!r} in a webhook schema")
        target: Any = spec
        for part in pointer.removeprefix("#/").split("/"):
            target = target[part]
        return _resolve(spec, target, (*seen, pointer))
    return {key: _resolve(spec, value, seen) for key, value in node.items()}


@functools.cache
def webhook_entries(provider: str) -> tuple[WebhookEntry, ...]:
    """Return ``provider``'s webhook entries (JSON bodies only), in spec order."""
    spec = load_spec(provider)
    entries = []
    for name, item in (spec.get("webhooks") or {}).items():
        operation = item["post"]
        content = operation["requestBody"]["content"]["application/json"]
        schema = _resolve(spec, content["schema"])
        entries.append(WebhookEntry(provider, name, operation["operationId"], schema))
    return tuple(entries)


@functools.cache
def _validator(provider: str, name: str) -> Any:
    entry = next(e for e in webhook_entries(provider) if e.name == name)
    return jsonschema_rs.Draft202012Validator(dict(entry.schema), validate_formats=True)


def check_valid(entry: WebhookEntry, body: Json) -> None:
    """Raise ``AssertionError`` if ``body`` breaks ``entry``'s schema (a generator bug)."""
    errors = [str(e) for e in _validator(entry.provider, entry.name).iter_errors(body)]
    if errors:
        raise AssertionError(f"generated {entry.name} body breaks its schema: {errors[0]}")


def is_valid(entry: WebhookEntry, body: Json) -> bool:
    """Whether ``body`` fits ``entry``'s schema."""
    return bool(_validator(entry.provider, entry.name).is_valid(body))


# -- realistic values -------------------------------------------------------------------------

_TIMES = st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2030, 12, 31))


def _time(fmt: str) -> Strategy:
    def render(moment: datetime) -> str:
        return moment.replace(tzinfo=UTC).strftime(fmt)

    return _TIMES.map(render)


def _infobip_time() -> Strategy:
    # Infobip: "2019-11-09T16:00:00.000+0000", milliseconds and a colon-less offset.
    offsets = st.sampled_from(["+0000", "+0100", "+0200", "-0500", "+0530"])
    stamps = _TIMES.map(lambda m: m.strftime("%Y-%m-%dT%H:%M:%S.") + f"{m.microsecond // 1000:03d}")
    return st.tuples(stamps, offsets).map("".join)


def _pattern(regex: str) -> Strategy:
    return st.from_regex(regex, fullmatch=True)


_E164_PLUS = _pattern(r"\+[1-9][0-9]{7,13}")
_E164_BARE = _pattern(r"[1-9][0-9]{7,13}")
_UUID = st.uuids().map(str)
# SMS text: any printable text and line breaks (no other control characters, no surrogates).
_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")) | st.just("\n"), max_size=160)

#: Formats the profiles name; each is what the provider really sends.
_FORMATS: dict[str, Strategy] = {
    # MailerSend: PHP's "2022-01-01T12:00:00.000000Z" (6-digit fraction, Z).
    "mailersend-time": _time("%Y-%m-%dT%H:%M:%S.%fZ"),
    # sent.dm: second precision, "2025-10-31T10:10:42Z".
    "seconds-z": _time("%Y-%m-%dT%H:%M:%SZ"),
    "infobip-time": _infobip_time(),
    "e164": _E164_PLUS,
    "e164-bare": _E164_BARE,
    "uuid": _UUID,
    "https-url": _pattern(r"https://[a-z]{3,12}\.example\.com/[a-z]{1,12}"),
    "text": _TEXT,
}


def _f(name: str) -> dict[str, Any]:
    return {"type": "string", "format": f"dlrkit-{name}"}


def _enum(*values: Any) -> dict[str, Any]:
    return {"enum": list(values)}


_INFOBIP_STATUSES = [
    {
        "groupId": 1,
        "groupName": "PENDING",
        "id": 7,
        "name": "PENDING_ENROUTE",
        "description": "Message sent to next instance",
    },
    {
        "groupId": 3,
        "groupName": "DELIVERED",
        "id": 5,
        "name": "DELIVERED_TO_HANDSET",
        "description": "Message delivered to handset",
    },
    {
        "groupId": 2,
        "groupName": "UNDELIVERABLE",
        "id": 9,
        "name": "UNDELIVERABLE_NOT_DELIVERED",
        "description": "Message sent not delivered",
    },
    {
        "groupId": 4,
        "groupName": "EXPIRED",
        "id": 15,
        "name": "EXPIRED_EXPIRED",
        "description": "Message expired",
    },
    {
        "groupId": 5,
        "groupName": "REJECTED",
        "id": 12,
        "name": "REJECTED_NOT_ENOUGH_CREDITS",
        "description": "Not enough credits",
    },
]
_INFOBIP_ERRORS = [
    {
        "groupId": 0,
        "groupName": "OK",
        "id": 0,
        "name": "NO_ERROR",
        "description": "No Error",
        "permanent": False,
    },
    {
        "groupId": 0,
        "groupName": "Ok",
        "id": 0,
        "name": "NO_ERROR",
        "description": "No Error",
        "permanent": False,
    },
    {
        "groupId": 1,
        "groupName": "HANDSET_ERRORS",
        "id": 1,
        "name": "EC_UNKNOWN_SUBSCRIBER",
        "description": "Unknown Subscriber",
        "permanent": True,
    },
]
_INFOBIP = {
    "messageId": _pattern(
        r"[0-9]{19}|[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"
    ),
    "bulkId": _pattern(r"[0-9]{19}|BULK-[0-9A-Z]{6}"),
}

#: Per provider: a path suffix (``data.sms.id``; ``*`` for array items) -> the schema the
#: provider's real values fit. The longest matching suffix wins. Each entry narrows the
#: spec's schema; `check_valid` proves it still fits the spec.
_PROFILES: dict[str, dict[str, Any]] = {
    "mailersend": {
        "sms_number_id": {"type": "string", "pattern": "^[a-z0-9]{16}$"},
        "sms_webhook_id": {"type": "string", "pattern": "^[a-z0-9]{16}$"},
        "created_at": _f("mailersend-time"),
        "url": _f("https-url"),
        "from": _f("e164"),
        "to": _f("e164"),
        "number": _f("e164"),
        "sms_message_id": {"type": "string", "pattern": "^[0-9a-f]{24}$"},
        "id": {"type": "string", "pattern": "^[0-9a-f]{24}$"},
        "segment_count": {"type": "integer", "minimum": 1, "maximum": 10},
        "recipient.status": _enum("active", "opt_out"),
        "text": _f("text"),
        "message": _enum("This is a ping test message"),
    },
    "sentdm": {
        "field": _enum("message", "messages"),
        "timestamp": _f("seconds-z"),
        "updated_at": _f("seconds-z"),
        "scheduled_at": _f("seconds-z"),
        "request_id": _f("uuid"),
        "message_id": _f("uuid"),
        "account_id": _f("uuid"),
        "template_id": _f("uuid"),
        "message_status": _enum(
            "QUEUED",
            "ROUTED",
            "SENT",
            "DELIVERED",
            "READ",
            "FAILED",
            "FILTERED",
            "BLOCKED",
            "SCHEDULED",
            "CANCELLED",
        ),
        "channel": _enum("sms", "whatsapp", "rcs"),
        "outbound_number": _f("e164"),
        "inbound_number": _f("e164"),
        "reason_code": {"type": "string", "pattern": "^[A-Z]{4,8}_[0-9]{3}$"},
        "body": {"type": ["string", "null"], "maxLength": 160},
    },
    "infobip": {
        "results": {"minItems": 1, "maxItems": 5},  # merged: Infobip sends 1-100 per POST
        "*.messageId": {"format": "dlrkit-infobip-message-id", "type": "string"},
        "*.bulkId": {"format": "dlrkit-infobip-bulk-id", "type": "string"},
        "*.to": _f("e164-bare"),
        "*.from": {"type": "string", "pattern": "^(InfoSMS|[1-9][0-9]{7,13})$"},
        "*.sender": {"type": "string", "pattern": "^(InfoSMS|[1-9][0-9]{7,13})$"},
        "sentAt": _f("infobip-time"),
        "doneAt": _f("infobip-time"),
        "smsCount": {"type": "integer", "minimum": 1, "maximum": 10},
        "messageCount": {"type": "integer", "minimum": 1, "maximum": 10},
        "mccMnc": {"type": "string", "pattern": "^[0-9]{5,6}$"},
        "callbackData": {"type": "string", "maxLength": 200},
        "price": {
            "type": "object",
            "required": ["pricePerMessage", "currency"],
            "properties": {
                "pricePerMessage": {"type": "number", "minimum": 0, "maximum": 1},
                "currency": _enum("EUR", "USD", "GBP"),
            },
        },
        "*.status": {"enum": _INFOBIP_STATUSES},
        "*.error": {"enum": _INFOBIP_ERRORS},
    },
    "routee": {
        "messageId": _f("uuid"),
        "smsId": _f("uuid"),
        "campaignTrackingId": _f("uuid"),
        "trackingId": _f("uuid"),
        "part": {"type": "integer", "minimum": 1, "maximum": 3},
        "parts": {"type": "integer", "minimum": 1, "maximum": 3},
        "to": _f("e164"),
        "from": {"type": ["string", "null"], "pattern": "^(Routee|[1-9][0-9]{7,13})$"},
        "country": {"type": ["string", "null"], "pattern": "^[A-Z]{2}$"},
        "updatedDate": _f("seconds-z"),
        "status.name": _enum("Queued", "Sent", "Delivered", "Undelivered", "Failed", "Unsent"),
        "latency": {"type": ["integer", "null"], "minimum": 0, "maximum": 120},
        "price": {"type": ["number", "null"], "minimum": 0, "maximum": 1},
        "url": _f("https-url"),
        "totalRecipients": {"type": ["integer", "null"], "minimum": 0, "maximum": 100000},
    },
}

_FORMATS["infobip-message-id"] = _INFOBIP["messageId"]
_FORMATS["infobip-bulk-id"] = _INFOBIP["bulkId"]

#: What the profiles cannot say field by field: values that must agree with each other.
_FIXES: dict[str, Callable[[WebhookEntry, dict[str, Any]], dict[str, Any]]] = {}


def _fix_mailersend(entry: WebhookEntry, body: dict[str, Any]) -> dict[str, Any]:
    if entry.name == "webhook.test":
        return body
    # The entry names the event; data.status and data.sms.status are its status.
    body["type"] = entry.name
    status = entry.name.removeprefix("sms.")
    body["data"]["status"] = status
    body["data"]["sms"]["status"] = status
    if status != "failed":
        body["data"]["sms"]["error_type"] = None
        body["data"]["sms"]["error_description"] = None
    return body


def _fix_sentdm(entry: WebhookEntry, body: dict[str, Any]) -> dict[str, Any]:
    # event / sub_type, when sent, name the payload's status (SDK: event; docs: sub_type).
    event = "message." + str(body["payload"]["message_status"]).lower()
    for key in ("event", "sub_type"):
        if key in body:
            body[key] = event
    if "event" in body and "sub_type" in body:
        del body["sub_type"]  # no source sends both
    return body


def _fix_routee(entry: WebhookEntry, body: dict[str, Any]) -> dict[str, Any]:
    if isinstance(body.get("part"), int) and isinstance(body.get("parts"), int):
        body["part"] = min(body["part"], body["parts"])
    return body


_FIXES.update({"mailersend": _fix_mailersend, "sentdm": _fix_sentdm, "routee": _fix_routee})


# -- the builder ------------------------------------------------------------------------------

_IGNORED = {
    "description",
    "example",
    "examples",
    "title",
    "deprecated",
    "default",
    "readOnly",
    "writeOnly",
    "x-enum-varnames",
    "discriminator",
    "externalDocs",
}
_KNOWN = _IGNORED | {
    "type",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "minItems",
    "maxItems",
    "enum",
    "const",
    "anyOf",
    "oneOf",
    "pattern",
    "format",
    "minLength",
    "maxLength",
    "minimum",
    "maximum",
}


def _narrowed(schema: Mapping[str, Any], profile: Mapping[str, Any], path: tuple[str, ...]) -> Any:
    """Return ``schema`` with the profile's replacements applied at every matching path."""
    best = None
    for suffix, replacement in profile.items():
        parts = tuple(suffix.split("."))
        if path[-len(parts) :] == parts and (best is None or len(parts) > len(best[0])):
            best = (parts, replacement)
    node = dict(schema)
    if best is not None:
        replacement = best[1]
        if "type" in replacement or "enum" in replacement or "format" in replacement:
            return replacement
        node.update(replacement)  # a partial override (array bounds)
    if "properties" in node:
        node["properties"] = {
            key: _narrowed(value, profile, (*path, key))
            for key, value in node["properties"].items()
        }
    if "items" in node and isinstance(node["items"], Mapping):
        node["items"] = _narrowed(node["items"], profile, (*path, "*"))
    for key in ("anyOf", "oneOf"):
        if key in node:
            node[key] = [_narrowed(branch, profile, path) for branch in node[key]]
    return node


def _number(schema: Mapping[str, Any], integer: bool) -> Strategy:
    low, high = schema.get("minimum"), schema.get("maximum")
    if integer:
        return st.integers(
            min_value=-(2**31) if low is None else int(low),
            max_value=2**31 - 1 if high is None else int(high),
        )
    return st.floats(
        min_value=-1e6 if low is None else float(low),
        max_value=1e6 if high is None else float(high),
        allow_nan=False,
        allow_infinity=False,
    )


def _string(schema: Mapping[str, Any]) -> Strategy:
    if "format" in schema:
        name = schema["format"]
        if not name.startswith("dlrkit-"):
            # A spec format (date-time...) the profile did not narrow: no realistic value known.
            raise ValueError(f"no realistic strategy for format {name!r}; add it to _PROFILES")
        return _FORMATS[name.removeprefix("dlrkit-")]
    if "pattern" in schema:
        return _pattern(schema["pattern"].removeprefix("^").removesuffix("$"))
    low, high = schema.get("minLength", 0), schema.get("maxLength", 40)
    return st.text(
        alphabet=string.ascii_letters + string.digits + " .-_", min_size=low, max_size=min(high, 40)
    )


def _object(schema: Mapping[str, Any]) -> Strategy:
    properties = schema.get("properties", {})
    required = set(schema.get("required", ()))
    fixed = {key: _build(properties[key]) for key in properties if key in required}
    optional = {key: _build(properties[key]) for key in properties if key not in required}
    values = schema.get("additionalProperties")
    if not properties and isinstance(values, Mapping):  # a map (Routee messageStatuses)
        keys = st.sampled_from(["Queued", "Sent", "Delivered", "Undelivered", "Failed"])
        return st.dictionaries(keys, _build(values), max_size=5)
    return st.fixed_dictionaries(fixed, optional=optional)


def _build(schema: Mapping[str, Any]) -> Strategy:
    unknown = set(schema) - _KNOWN
    if unknown:
        raise ValueError(f"webhook schema keyword(s) {sorted(unknown)} not supported")
    if "const" in schema:
        return st.just(schema["const"])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    for key in ("anyOf", "oneOf"):
        if key in schema:
            rest = {k: v for k, v in schema.items() if k != key}
            return st.one_of([_build({**rest, **branch}) for branch in schema[key]])
    kind = schema.get("type")
    if isinstance(kind, list):
        return st.one_of([_build({**schema, "type": one}) for one in kind])
    if kind == "object" or (kind is None and "properties" in schema):
        return _object(schema)
    if kind == "array":
        items = _build(schema.get("items", {"type": "string"}))
        return st.lists(
            items, min_size=schema.get("minItems", 0), max_size=schema.get("maxItems", 5)
        )
    if kind == "string":
        return _string(schema)
    if kind in ("integer", "number"):
        return _number(schema, kind == "integer")
    if kind == "boolean":
        return st.booleans()
    if kind == "null":
        return st.none()
    raise ValueError(f"webhook schema without a type: {json.dumps(schema)[:120]}")


@functools.cache
def body_strategy(provider: str, name: str) -> Strategy:
    """Return a strategy of valid, realistic bodies (decoded JSON) of one webhook entry."""
    entry = next(e for e in webhook_entries(provider) if e.name == name)
    narrowed = _narrowed(entry.schema, _PROFILES.get(provider, {}), ())
    fix = _FIXES.get(provider, _unchanged)
    return _build(narrowed).map(lambda body: fix(entry, body))


def _unchanged(entry: WebhookEntry, body: dict[str, Any]) -> dict[str, Any]:
    return body


# -- fields the schema allows but does not name ------------------------------------------------


_EXTRA_NAMES = st.from_regex(r"x_[a-z]{2,10}", fullmatch=True)
_EXTRA_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-1000, 1000),
    st.text(max_size=20),
    st.lists(st.integers(0, 9), max_size=3),
    st.fixed_dictionaries({"nested": st.text(max_size=8)}),
)


@st.composite
def extra_fields(draw: st.DrawFn, entry: WebhookEntry, body: Json) -> Json:
    """Return a deep copy of ``body`` with unnamed fields added to the top and nested objects.

    Providers add fields over time, and no webhook schema closes its objects
    (``additionalProperties`` is absent), so a receiver must accept them. New names start
    with ``x_``, which no spec uses, so they never collide with a named property.
    """
    copy = json.loads(json.dumps(body))
    objects: list[dict[str, Any]] = []

    def walk(node: Json) -> None:
        if isinstance(node, dict):
            objects.append(node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(copy)
    chosen = [copy, *[o for o in objects[1:] if draw(st.booleans())]]
    for node in chosen:
        added = draw(st.dictionaries(_EXTRA_NAMES, _EXTRA_VALUES, min_size=1, max_size=2))
        node.update(added)
        if not is_valid(entry, copy):  # a map's values have a schema (Routee messageStatuses)
            for key in added:
                del node[key]
    return copy
