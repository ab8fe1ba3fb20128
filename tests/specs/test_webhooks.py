"""Check the top-level ``webhooks:`` maps (delivery callbacks) of all four specs.

The callback bodies are component schemas, so these tests validate against the spec itself
(not the generated models), as the other ``tests/specs`` tests do.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pytest
from callback_support import EXPECTED_WEBHOOKS, body_errors, body_pointer, webhook_post
from openapi_support import PROVIDERS, load_spec, schema_validator

# Header parameters (name -> required) the provider sends with each callback.
EXPECTED_HEADERS: dict[str, dict[str, bool]] = {
    "mailersend": {"Signature": True},
    "sentdm": {
        "X-Webhook-ID": True,
        "X-Webhook-Timestamp": True,
        "X-Webhook-Signature": True,
        "X-Webhook-Event-ID": False,
    },
    "infobip": {},
    "routee": {},
}
# Topics every status-callback description must cover (the issue's list).
DESCRIPTION_TOPICS = (
    "Signing",
    "Expected answer",
    "Retries",
    "Batching",
    "Dedupe key",
    "Conflicts",
)
DELIVERY_CALLBACKS = [
    ("mailersend", "sms.sent"),
    ("mailersend", "sms.delivered"),
    ("mailersend", "sms.failed"),
    ("sentdm", "message-status"),
    ("infobip", "sms-delivery-report"),
    ("infobip", "sms-delivery-report-v3"),
    ("routee", "sms-status"),
    ("routee", "campaign-status"),
]
ALL_WEBHOOKS = [(p, name) for p, names in EXPECTED_WEBHOOKS.items() for name in names]


def _resolve(provider: str, node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = load_spec(provider)
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def _headers(provider: str, name: str) -> dict[str, dict[str, Any]]:
    params = [_resolve(provider, p) for p in webhook_post(provider, name).get("parameters", [])]
    return {p["name"]: p for p in params if p["in"] == "header"}


def _examples() -> Iterator[tuple[str, str, str, Any]]:
    for provider, name in ALL_WEBHOOKS:
        media = webhook_post(provider, name)["requestBody"]["content"]["application/json"]
        for key, example in media.get("examples", {}).items():
            yield provider, name, key, example["value"]


# --- structure ---------------------------------------------------------------------------------


@pytest.mark.parametrize("provider", PROVIDERS)
def test_webhook_entries(provider: str) -> None:
    """Each spec has exactly the expected webhook entries, each a single POST."""
    webhooks = load_spec(provider)["webhooks"]
    assert set(webhooks) == set(EXPECTED_WEBHOOKS[provider])
    for item in webhooks.values():
        assert set(item) == {"post"}


@pytest.mark.parametrize("provider", PROVIDERS)
def test_webhook_operation_ids_are_unique(provider: str) -> None:
    """Every webhook operation has an operationId, unique across the paths and webhooks."""
    spec = load_spec(provider)
    ids = [
        op["operationId"]
        for section in ("paths", "webhooks")
        for item in spec[section].values()
        for op in item.values()
        if isinstance(op, dict) and "operationId" in op
    ]
    assert len(ids) == len(set(ids))
    for name in EXPECTED_WEBHOOKS[provider]:
        assert webhook_post(provider, name)["operationId"].startswith("receive_")


@pytest.mark.parametrize(("provider", "name"), ALL_WEBHOOKS)
def test_body_is_a_component_schema(provider: str, name: str) -> None:
    """The JSON body is a $ref into components/schemas (so the generator builds a model)."""
    post = webhook_post(provider, name)
    assert post["requestBody"]["required"] is True
    assert set(post["requestBody"]["content"]) == {"application/json"}
    pointer = body_pointer(provider, name)
    assert pointer.startswith("#/components/schemas/")
    assert (
        pointer.removeprefix("#/components/schemas/")
        in load_spec(provider)["components"]["schemas"]
    )


@pytest.mark.parametrize(("provider", "name"), ALL_WEBHOOKS)
def test_not_authenticated_with_the_api_credentials(provider: str, name: str) -> None:
    """Callbacks carry no API credentials: the spec-wide security is switched off for them."""
    assert webhook_post(provider, name)["security"] == []


@pytest.mark.parametrize(("provider", "name"), ALL_WEBHOOKS)
def test_expected_answer(provider: str, name: str) -> None:
    """The status that counts as delivered is documented, and everything else is a failure."""
    responses = webhook_post(provider, name)["responses"]
    assert set(responses) == {EXPECTED_WEBHOOKS[provider][name], "default"}
    for response in responses.values():
        assert _resolve(provider, response)["description"]


@pytest.mark.parametrize(("provider", "name"), ALL_WEBHOOKS)
def test_headers(provider: str, name: str) -> None:
    """The headers the provider sends are declared, with the documented requiredness."""
    headers = _headers(provider, name)
    assert {n: p["required"] for n, p in headers.items()} == EXPECTED_HEADERS[provider]


@pytest.mark.parametrize(("provider", "name"), DELIVERY_CALLBACKS)
def test_description_covers_the_delivery_facts(provider: str, name: str) -> None:
    """Each status callback documents signing, answer, retries, batching, dedupe, conflicts."""
    description = webhook_post(provider, name)["description"]
    missing = [topic for topic in DESCRIPTION_TOPICS if f"{topic}" not in description]
    assert missing == []


def _skeleton(provider: str, node: dict[str, Any]) -> dict[str, Any]:
    """Return the shape of a schema (types, required, properties, enums), refs resolved."""
    node = _resolve(provider, node)
    out: dict[str, Any] = {k: node[k] for k in ("type", "pattern", "const") if k in node}
    if "enum" in node:
        out["enum"] = sorted(node["enum"])
    if "required" in node:
        out["required"] = sorted(node["required"])
    if "properties" in node:
        out["properties"] = {k: _skeleton(provider, v) for k, v in node["properties"].items()}
    if "items" in node:
        out["items"] = _skeleton(provider, node["items"])
    if "anyOf" in node:
        out["anyOf"] = [_skeleton(provider, branch) for branch in node["anyOf"]]
    return out


@pytest.mark.parametrize(
    ("webhook", "path"),
    [("sms-delivery-report", "/sms/1/reports"), ("sms-delivery-report-v3", "/sms/3/reports")],
)
def test_infobip_push_body_has_the_pull_reports_shape(webhook: str, path: str) -> None:
    """Infobip's push body is the pull reports body of the same version (Infobip says so)."""
    spec = load_spec("infobip")
    if path not in spec["paths"]:
        pytest.skip(f"{path} is not in specs/infobip.yaml on this branch")
    pull = spec["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]
    push = {"$ref": body_pointer("infobip", webhook)}
    assert _skeleton("infobip", push) == _skeleton("infobip", pull["schema"])


# --- documented examples -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("provider", "name", "key", "value"),
    list(_examples()),
    ids=[f"{p}-{n}-{k}" for p, n, k, _ in _examples()],
)
def test_inline_example_validates(provider: str, name: str, key: str, value: Any) -> None:
    """Every example printed in a webhook's request body validates against its schema."""
    assert body_errors(provider, name, value) == []


def test_there_are_inline_examples() -> None:
    """The parametrization above is not empty (one example per provider at least)."""
    assert {p for p, *_ in _examples()} == set(PROVIDERS)


# --- open enums --------------------------------------------------------------------------------


def _walk(provider: str, node: Any, seen: set[str]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield (where, property schema) for every property reachable from ``node``."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            if ref not in seen:
                seen.add(ref)
                yield from _walk(provider, _resolve(provider, node), seen)
            return
        yield from node.get("properties", {}).items()
        for value in node.values():
            yield from _walk(provider, value, seen)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(provider, value, seen)


def _enum_kind(provider: str, schema: dict[str, Any]) -> str | None:
    """Return "closed" for a bare enum, "open" for an enum beside a plain string, else None."""
    node = _resolve(provider, schema)
    if "enum" in node:
        return "closed"
    branches = node.get("anyOf", [])
    kinds = {_enum_kind(provider, branch) for branch in branches}
    plain_string = any(
        _resolve(provider, b).get("type") == "string" and "enum" not in _resolve(provider, b)
        for b in branches
    )
    if "open" in kinds or ("closed" in kinds and plain_string):
        return "open"
    return "closed" if "closed" in kinds else None


@pytest.mark.parametrize(("provider", "name"), ALL_WEBHOOKS)
def test_every_enum_in_a_callback_body_is_open(provider: str, name: str) -> None:
    """No callback property is a closed enum: each known-value enum sits beside `type: string`."""
    kinds = [
        (prop, _enum_kind(provider, schema))
        for prop, schema in _walk(provider, {"$ref": body_pointer(provider, name)}, set())
    ]
    assert [prop for prop, kind in kinds if kind == "closed"] == []
    if (provider, name) != ("mailersend", "webhook.test"):  # the ping has only a const `type`
        assert [prop for prop, kind in kinds if kind == "open"] != []


def test_enum_kind_tells_closed_from_open() -> None:
    """The classifier above can fail: a bare enum, or an enum beside null only, is closed."""
    enum = {"type": "string", "enum": ["a"]}
    assert _enum_kind("routee", enum) == "closed"
    assert _enum_kind("routee", {"anyOf": [enum, {"type": "null"}]}) == "closed"
    assert _enum_kind("routee", {"anyOf": [enum, {"type": "string"}]}) == "open"
    assert _enum_kind("routee", {"$ref": "#/components/schemas/SmsStatusValue"}) == "open"
    assert _enum_kind("routee", {"type": "string"}) is None


# --- the schemas accept what providers send, and have teeth ------------------------------------

SIG = "e9241211e0a882ab9b9a3f5a997281dfa92376765c94adfb86efd23ecfc79bf0"
SD_SIG = "v1,YPxigSp6T8VN4WqhPc4gvQDDw1Q6LmHB8lBbJu5Yy1A="
SD_SIG2 = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
MS_SENT: Any = next(v for p, n, k, v in _examples() if (p, n) == ("mailersend", "sms.sent"))
SD_EVENT = next(
    v for p, n, k, v in _examples() if (p, n, k) == ("sentdm", "message-status", "sdk_envelope")
)
IB_V3 = next(v for p, n, k, v in _examples() if (p, n) == ("infobip", "sms-delivery-report-v3"))
IB_V1 = next(v for p, n, k, v in _examples() if (p, n) == ("infobip", "sms-delivery-report"))
RT_SMS = next(v for p, n, k, v in _examples() if (p, n) == ("routee", "sms-status"))


def _with(body: Any, path: tuple[str | int, ...], value: Any) -> Any:
    """Copy of ``body`` with ``path`` set to ``value`` (or removed when value is ``...``)."""
    out = copy.deepcopy(body)
    target = out
    for key in path[:-1]:
        target = target[key]
    if value is ...:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return out


MS_DELIVERED = _with(_with(MS_SENT, ("type",), "sms.delivered"), ("data", "status"), "delivered")
PING = {"type": "webhook.test", "message": "m", "created_at": "2026-03-27T07:24:20.577080Z"}
REASON = {"detailedStatus": "Unknown Number", "description": "x"}


@pytest.mark.parametrize(
    ("provider", "name", "body"),
    [
        ("mailersend", "sms.delivered", MS_DELIVERED),
        ("mailersend", "sms.failed", _with(MS_SENT, ("data", "sms", "error_type"), "carrier")),
        ("mailersend", "sms.sent", _with(MS_SENT, ("type",), "sms.some_future_event")),
        ("mailersend", "sms.sent", _with(MS_SENT, ("data", "status"), "some_future_status")),
        ("sentdm", "message-status", _with(SD_EVENT, ("payload", "message_status"), "SOME_FUTURE")),
        ("sentdm", "message-status", _with(SD_EVENT, ("payload", "message_status"), "delivered")),
        ("sentdm", "message-status", _with(SD_EVENT, ("event",), "message.some_future")),
        ("sentdm", "message-status", _with(SD_EVENT, ("field",), "messages")),
        ("sentdm", "message-status", _with(SD_EVENT, ("event",), ...)),
        ("sentdm", "message-status", _with(SD_EVENT, ("timestamp",), "2026-01-15T10:35:00+00:00")),
        ("sentdm", "message-status", _with(SD_EVENT, ("payload", "body"), None)),
        (
            "infobip",
            "sms-delivery-report-v3",
            _with(IB_V3, ("results", 0, "error", "groupName"), "Ok"),
        ),
        (
            "infobip",
            "sms-delivery-report-v3",
            _with(IB_V3, ("results", 0, "status", "groupName"), "FUTURE"),
        ),
        ("infobip", "sms-delivery-report-v3", _with(IB_V3, ("results", 0, "mccMnc"), "null")),
        ("infobip", "sms-delivery-report-v3", {"results": []}),
        ("routee", "sms-status", _with(RT_SMS, ("status", "name"), "Network Error")),
        ("routee", "sms-status", _with(RT_SMS, ("status", "reason"), REASON)),
        ("routee", "sms-status", _with(RT_SMS, ("label",), None)),
        ("routee", "campaign-status", {"trackingId": "t", "campaignStatus": "Archived"}),
    ],
    ids=[
        "ms-delivered",
        "ms-failed-error-type",
        "ms-unknown-type",
        "ms-unknown-status",
        "sd-unknown-status",
        "sd-lowercase-status",
        "sd-unknown-event",
        "sd-plural-family",
        "sd-no-subtype",
        "sd-offset-timestamp",
        "sd-null-body",
        "ib-Ok",
        "ib-unknown-group",
        "ib-mccmnc-null-string",
        "ib-empty-batch",
        "rt-network-error",
        "rt-reason",
        "rt-null-label",
        "rt-unknown-campaign-status",
    ],
)
def test_accepts(provider: str, name: str, body: Any) -> None:
    """Bodies a provider may send (new statuses, both spellings, optional fields) validate."""
    assert body_errors(provider, name, body) == []


@pytest.mark.parametrize(
    ("provider", "name", "body"),
    [
        ("mailersend", "sms.sent", _with(MS_SENT, ("data",), ...)),
        ("mailersend", "sms.sent", _with(MS_SENT, ("data", "sms", "id"), ...)),
        ("mailersend", "sms.sent", _with(MS_SENT, ("data", "sms", "segment_count"), "1")),
        ("mailersend", "sms.sent", _with(MS_SENT, ("created_at",), "yesterday")),
        ("mailersend", "sms.sent", PING),
        ("mailersend", "webhook.test", MS_SENT),
        ("sentdm", "message-status", _with(SD_EVENT, ("payload", "message_status"), ...)),
        ("sentdm", "message-status", _with(SD_EVENT, ("payload", "message_id"), ...)),
        ("sentdm", "message-status", _with(SD_EVENT, ("payload",), ...)),
        ("sentdm", "message-status", _with(SD_EVENT, ("timestamp",), "1760000000")),
        ("infobip", "sms-delivery-report-v3", _with(IB_V3, ("results", 0, "messageId"), ...)),
        (
            "infobip",
            "sms-delivery-report-v3",
            _with(IB_V3, ("results", 0, "sentAt"), "2019-11-09 16:00"),
        ),
        ("infobip", "sms-delivery-report-v3", IB_V1),
        ("infobip", "sms-delivery-report", IB_V3),
        ("infobip", "sms-delivery-report", {"reports": []}),
        ("routee", "sms-status", _with(RT_SMS, ("status", "updatedDate"), ...)),
        ("routee", "sms-status", _with(RT_SMS, ("messageId",), ...)),
        ("routee", "sms-status", _with(RT_SMS, ("price",), "0.00600000")),
        ("routee", "sms-status", _with(RT_SMS, ("part",), 0)),
        ("routee", "campaign-status", {"campaignStatus": "Finished"}),
        ("routee", "campaign-status", {"trackingId": "t", "messageStatuses": {"Delivered": "1"}}),
    ],
    ids=[
        "ms-no-data",
        "ms-no-sms-id",
        "ms-string-segments",
        "ms-bad-time",
        "ms-ping-as-event",
        "ms-event-as-ping",
        "sd-no-status",
        "sd-no-message-id",
        "sd-no-payload",
        "sd-epoch-timestamp",
        "ib-no-message-id",
        "ib-bad-time",
        "ib-v1-body-as-v3",
        "ib-v3-body-as-v1",
        "ib-no-results",
        "rt-no-updated-date",
        "rt-no-message-id",
        "rt-string-price",
        "rt-part-zero",
        "rt-campaign-no-tracking-id",
        "rt-campaign-string-count",
    ],
)
def test_rejects(provider: str, name: str, body: Any) -> None:
    """Bodies missing what every real callback has, or with wrong types, are rejected."""
    assert body_errors(provider, name, body) != []


@pytest.mark.parametrize(
    ("provider", "header", "value", "ok"),
    [
        ("mailersend", "Signature", SIG, True),
        ("mailersend", "Signature", SIG.upper(), False),
        ("mailersend", "Signature", SIG[:-1], False),
        ("mailersend", "Signature", "sha256=" + SIG, False),
        ("sentdm", "X-Webhook-Signature", SD_SIG, True),
        ("sentdm", "X-Webhook-Signature", f"{SD_SIG} {SD_SIG2}", True),
        ("sentdm", "X-Webhook-Signature", SD_SIG[3:], False),
        ("sentdm", "X-Webhook-Signature", "v2," + SD_SIG[3:], False),
        ("sentdm", "X-Webhook-Timestamp", "1760000000", True),
        ("sentdm", "X-Webhook-Timestamp", "1760000000.5", False),
        ("sentdm", "X-Webhook-Timestamp", "2025-10-09T08:53:20Z", False),
    ],
)
def test_header_patterns(provider: str, header: str, value: str, ok: bool) -> None:
    """Signature header schemas accept the documented form and reject near misses."""
    name = next(iter(EXPECTED_WEBHOOKS[provider]))
    param = _headers(provider, name)[header]
    validator = schema_validator(
        provider, "#/components/parameters/" + _param_key(provider, header) + "/schema"
    )
    assert param["schema"]["type"] == "string"
    assert validator.is_valid(value) is ok


def _param_key(provider: str, header: str) -> str:
    for key, param in load_spec(provider)["components"]["parameters"].items():
        if param.get("in") == "header" and param["name"] == header:
            return str(key)
    raise KeyError(header)
