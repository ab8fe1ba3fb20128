"""sent.dm spec (specs/sentdm.yaml) against the sent.dm doc examples and documented facts.

sent.dm has no recorded responses. The seed page (002, "Get message activities") gives four JSON
bodies, kept verbatim under tests/fixtures/seeds/sentdm/. The other operations' bodies below are
built from the fact sheet (docs + SDK field lists) and are labelled as constructed.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from openapi_spec_validator import OpenAPIV31SpecValidator, validate
from openapi_support import (
    find_operation,
    load_spec,
    response_errors,
    schema_validator,
    validate_response,
)

PROVIDER = "sentdm"
SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds" / PROVIDER
OPERATION_IDS = ("list_message_activities", "get_message_status", "list_contacts")
ERROR_STATUSES = ("400", "401", "403", "404", "429", "500", "502", "503", "504")
META = {"request_id": "req_7X9zKp2jDw", "timestamp": "2026-05-21T12:06:33.1497004+00:00",
        "version": "v3"}  # fmt: skip


def _seed(name: str) -> Any:
    return json.loads((SEEDS / name).read_text(encoding="utf-8"))


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = load_spec(PROVIDER)
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def _schema_errors(name: str, body: Any) -> list[str]:
    validator = schema_validator(PROVIDER, f"#/components/schemas/{name}")
    return [e.message for e in validator.iter_errors(body)]


def _error(code: str, message: str, details: Any = None) -> dict[str, Any]:
    return {
        "success": False,
        "data": None,
        "error": {
            "code": code,
            "message": message,
            "details": details,
            "doc_url": "https://docs.sent.dm/reference/api/error-catalog",
        },
        "meta": META,
    }


def _message_status() -> dict[str, Any]:
    """Build a get_message_status 200 body with the doc example's fields (fact sheet §4)."""
    return {
        "success": True,
        "data": {
            "id": "8ba7b830-9dad-11d1-80b4-00c04fd430c8",
            "customer_id": "7ba7b830-9dad-11d1-80b4-00c04fd430c8",
            "contact_id": "6ba7b830-9dad-11d1-80b4-00c04fd430c8",
            "phone": "+14155551234",
            "phone_international": "+1 415-555-1234",
            "region_code": "US",
            "template_id": "5ba7b830-9dad-11d1-80b4-00c04fd430c8",
            "template_name": "order_update",
            "template_category": "UTILITY",
            "channel": "sms",
            "message_body": {
                "header": None,
                "content": "Your order has shipped.",
                "footer": None,
                "buttons": [],
            },
            "status": "DELIVERED",
            "created_at": "2026-03-11T19:50:50.175326+00:00",
            "price": 0.0055,
            "active_contact_price": 0.015,
            "events": [
                {"status": "QUEUED", "timestamp": "2026-03-11T19:50:50.17173+00:00",
                 "description": "Message queued"},
                {"status": "SENT", "timestamp": "2026-03-11T19:51:50.1716529+00:00",
                 "description": "Message sent"},
                {"status": "DELIVERED", "timestamp": "2026-03-11T19:52:50.175326+00:00",
                 "description": "Message delivered"},
            ],
        },
        "error": None,
        "meta": META,
    }  # fmt: skip


def _contacts() -> dict[str, Any]:
    """Build a list_contacts 200 body: the doc's pagination and the documented Contact fields."""
    return {
        "success": True,
        "data": {
            "contacts": [
                {
                    "id": "4ba7b830-9dad-11d1-80b4-00c04fd430c8",
                    "customer_id": "7ba7b830-9dad-11d1-80b4-00c04fd430c8",
                    "phone_number": "+1234567890",
                    "format_e164": "+1234567890",
                    "format_international": "+1 234-567-890",
                    "format_national": "(234) 567-890",
                    "format_rfc": "tel:+1-234-567-890",
                    "country_code": "1",
                    "region_code": "US",
                    "available_channels": "sms,whatsapp",
                    "default_channel": "sms",
                    "opt_out": False,
                    "is_inherited": False,
                    "created_at": "2026-03-11T21:18:50.17173+00:00",
                    "updated_at": None,
                }
            ],
            "pagination": {"page": 1, "page_size": 20, "total_count": 150, "total_pages": 8,
                           "has_more": True, "cursors": None},
        },
        "error": None,
        "meta": META,
    }  # fmt: skip


# --- spec-level checks -------------------------------------------------------------------------


def test_spec_is_valid_openapi_31() -> None:
    """The spec passes openapi-spec-validator as OpenAPI 3.1."""
    validate(load_spec(PROVIDER), cls=OpenAPIV31SpecValidator)


@pytest.mark.parametrize("operation_id", OPERATION_IDS)
def test_operation_present(operation_id: str) -> None:
    """Every operationId of the brief exists, with a summary, description and tag."""
    _, _, op = find_operation(PROVIDER, operation_id)
    assert op["summary"]
    assert op["description"]
    assert op["tags"]


def test_operation_paths() -> None:
    """Operations sit on the documented method and path."""
    assert find_operation(PROVIDER, "list_message_activities")[:2] == (
        "/v3/messages/{id}/activities",
        "get",
    )
    assert find_operation(PROVIDER, "get_message_status")[:2] == ("/v3/messages/{id}", "get")
    assert find_operation(PROVIDER, "list_contacts")[:2] == ("/v3/contacts", "get")


def test_links_resolve_to_operations() -> None:
    """Every link names an existing operationId and fills only parameters it declares."""
    spec = load_spec(PROVIDER)
    seen = 0
    for item in spec["paths"].values():
        for op in item.values():
            if not isinstance(op, dict) or "responses" not in op:
                continue
            for response in op["responses"].values():
                for link in _resolve(response).get("links", {}).values():
                    path, _, target = find_operation(PROVIDER, link["operationId"])
                    names = {
                        _resolve(p)["name"]
                        for p in spec["paths"][path].get("parameters", [])
                        + target.get("parameters", [])
                    }
                    assert set(link["parameters"]) <= names
                    seen += 1
    assert seen == 2


def test_message_links_point_at_each_other() -> None:
    """get_message_status links to list_message_activities and back, by message id."""
    _, _, status_op = find_operation(PROVIDER, "get_message_status")
    _, _, activities_op = find_operation(PROVIDER, "list_message_activities")
    to_activities = status_op["responses"]["200"]["links"]["list_message_activities"]
    to_status = activities_op["responses"]["200"]["links"]["get_message_status"]
    assert to_activities["parameters"] == {"id": "$request.path.id"}
    assert to_status["parameters"] == {"id": "$response.body#/data/message_id"}


def test_security_is_x_api_key_header() -> None:
    """Global security is the documented x-api-key header."""
    spec = load_spec(PROVIDER)
    assert spec["security"] == [{"ApiKeyAuth": []}]
    assert spec["components"]["securitySchemes"]["ApiKeyAuth"] == {
        **spec["components"]["securitySchemes"]["ApiKeyAuth"],
        "type": "apiKey",
        "in": "header",
        "name": "x-api-key",
    }
    assert spec["servers"][0]["url"] == "https://api.sent.dm"


@pytest.mark.parametrize("operation_id", OPERATION_IDS)
def test_every_operation_takes_optional_profile_header(operation_id: str) -> None:
    """Every operation accepts the optional x-profile-id header."""
    path, _, op = find_operation(PROVIDER, operation_id)
    params = [_resolve(p) for p in load_spec(PROVIDER)["paths"][path].get("parameters", [])] + [
        _resolve(p) for p in op.get("parameters", [])
    ]
    header = next(p for p in params if p["name"] == "x-profile-id")
    assert header["in"] == "header"
    assert header["required"] is False


@pytest.mark.parametrize("operation_id", OPERATION_IDS)
def test_documented_statuses_and_headers(operation_id: str) -> None:
    """Each operation documents 200 and every error status with an envelope and the headers."""
    _, _, op = find_operation(PROVIDER, operation_id)
    ok = op["responses"]["200"]
    assert {"X-Request-Id", "X-RateLimit-Limit", "X-RateLimit-Remaining",
            "X-RateLimit-Reset"} <= set(ok["headers"])  # fmt: skip
    for status in ERROR_STATUSES:
        response = _resolve(op["responses"][status])
        schema = response["content"]["application/json"]["schema"]
        assert schema == {"$ref": "#/components/schemas/ErrorEnvelope"}
        assert "X-Request-Id" in response["headers"]
    assert "Retry-After" in _resolve(op["responses"]["429"])["headers"]


def test_contacts_paging_parameters() -> None:
    """Paging is 1-indexed (page minimum/default 1); page_size has minimum 1 and default 20."""
    _, _, op = find_operation(PROVIDER, "list_contacts")
    params = {p["name"]: p for p in map(_resolve, op["parameters"])}
    assert params["page"]["schema"]["minimum"] == 1
    assert params["page"]["schema"]["default"] == 1
    assert params["page_size"]["schema"]["minimum"] == 1
    assert params["page_size"]["schema"]["default"] == 20
    for name in ("page", "page_size", "search", "channel", "phone"):
        assert params[name]["in"] == "query"
        assert params[name]["required"] is False


# --- seed 002 examples ---------------------------------------------------------------------------

SEED_EXAMPLES = [
    ("list_message_activities_200.json", "list_message_activities", 200),
    ("list_message_activities_404.json", "list_message_activities", 404),
    ("list_message_activities_500.json", "list_message_activities", 500),
]


@pytest.mark.parametrize(
    ("fixture", "operation_id", "status"), SEED_EXAMPLES, ids=[s[0] for s in SEED_EXAMPLES]
)
def test_seed_example_validates(fixture: str, operation_id: str, status: int) -> None:
    """A doc example from seed 002 matches its documented response schema."""
    validate_response(PROVIDER, operation_id, status, _seed(fixture))


def test_seed_fixtures_are_all_covered() -> None:
    """Every seed fixture file is exercised by a test in this module."""
    placeholder = "list_message_activities_400_schema_placeholder.json"
    covered = {s[0] for s in SEED_EXAMPLES} | {placeholder}
    assert {p.name for p in SEEDS.glob("*.json")} == covered


def test_known_doc_error_400_placeholder_has_success_true() -> None:
    """KNOWN DOC ERROR: seed 002's 400 sample says success=true on an error; only that fails."""
    body = _seed("list_message_activities_400_schema_placeholder.json")
    errors = response_errors(PROVIDER, "list_message_activities", 400, body)
    assert errors
    assert all(e.startswith("success:") for e in errors)
    # With success corrected, the rest of the placeholder (no `data`, "string" code) conforms.
    validate_response(PROVIDER, "list_message_activities", 400, {**body, "success": False})


def test_seed_timestamps_have_five_to_seven_fraction_digits() -> None:
    """The seed's timestamps carry 6-7 fractional digits and +00:00, and still validate."""
    body = _seed("list_message_activities_200.json")
    stamps = [a["timestamp"] for a in body["data"]["activities"]] + [body["meta"]["timestamp"]]
    assert {len(s.split(".")[1].split("+")[0]) for s in stamps} == {7}
    assert _seed("list_message_activities_500.json")["meta"]["timestamp"].endswith(".149703+00:00")


@pytest.mark.parametrize("digits", range(1, 8))
def test_date_time_accepts_any_fraction_length(digits: int) -> None:
    """The date-time checker the tests use accepts 1-7 fractional digits with +00:00."""
    stamp = "2026-03-11T21:18:50." + "1234567"[:digits] + "+00:00"
    assert _schema_errors("ApiMeta", {**META, "timestamp": stamp}) == []


def test_date_time_rejects_non_rfc3339() -> None:
    """A timestamp without offset or with a space separator is rejected."""
    for stamp in ("2026-03-11T21:18:50.17173", "2026-03-11 21:18:50+00:00"):
        assert _schema_errors("ApiMeta", {**META, "timestamp": stamp})


# --- constructed bodies from the fact sheet ------------------------------------------------------

CONSTRUCTED_ERRORS = [
    ("get_message_status", 400, _error("VALIDATION_001", "Invalid message ID format.")),
    ("get_message_status", 400, _error("VALIDATION_003", "Invalid UUID", {"id": ["Not a UUID"]})),
    ("get_message_status", 401, _error("AUTH_001", "User is not authenticated")),
    ("list_message_activities", 401, _error("AUTH_002", "Invalid or expired API key")),
    ("list_contacts", 403, _error("AUTH_004", "Insufficient permissions")),
    ("get_message_status", 404, _error("RESOURCE_003", "Message not found")),
    ("list_contacts", 400, _error("VALIDATION_005", "Page must be greater than 0",
                                  {"page": ["Page must be greater than 0"]})),
    ("list_contacts", 404, _error("RESOURCE_001",
                                  "Contact not found with the specified phone number")),
    ("list_contacts", 429, _error("BUSINESS_002", "Rate limit exceeded")),
    ("list_contacts", 503, _error("SERVICE_001", "Service unavailable")),
]  # fmt: skip


@pytest.mark.parametrize(
    ("operation_id", "status", "body"),
    CONSTRUCTED_ERRORS,
    ids=[f"{o}-{s}-{b['error']['code']}" for o, s, b in CONSTRUCTED_ERRORS],
)
def test_catalog_error_envelopes_validate(operation_id: str, status: int, body: Any) -> None:
    """Error-catalog envelopes (incl. the 401/403 the pages call "Empty") validate."""
    validate_response(PROVIDER, operation_id, status, body)


def test_message_status_example_validates() -> None:
    """Constructed get_message_status body (doc example fields, numeric prices) validates."""
    validate_response(PROVIDER, "get_message_status", 200, _message_status())


def test_message_status_lowercase_older_doc_statuses_accepted() -> None:
    """The older docs build's lowercase statuses are accepted by the open status type."""
    body = _message_status()
    body["data"]["status"] = "delivered"
    for event in body["data"]["events"]:
        event["status"] = event["status"].lower()
    validate_response(PROVIDER, "get_message_status", 200, body)


def test_message_status_failed_with_reason_and_rich_body() -> None:
    """A FAILED message with reason_code/reason and a WhatsApp body (camelCase keys) validates."""
    body = _message_status()
    data = body["data"]
    data.update(status="FAILED", reason_code="DELIVERY_007", reason="Carrier rejected")
    data.update(channel="whatsapp", direction="outbound", price=None, active_contact_price=None)
    data["message_body"] = {
        "header": "Order",
        "content": "Shipped",
        "footer": "Reply STOP",
        "buttons": [{"type": "QUICK_REPLY", "text": "Track", "value": None,
                     "postbackData": "track"}],
        "headerMedia": {"type": "image", "url": "https://example.com/h.png"},
        "media": [{"mediaType": "image", "mimeType": "image/png", "sizeBytes": 1024,
                   "sourceHashSha256": "ab" * 32, "url": "https://example.com/m.png"}],
    }  # fmt: skip
    validate_response(PROVIDER, "get_message_status", 200, body)


def test_contacts_example_validates() -> None:
    """Constructed list_contacts body (doc pagination, documented Contact fields) validates."""
    validate_response(PROVIDER, "list_contacts", 200, _contacts())


def test_activities_with_failure_and_schedule_fields() -> None:
    """Activities carrying reason_code/reason/scheduled_at and the 2026-03 shape (no from)."""
    body = _seed("list_message_activities_200.json")
    first = body["data"]["activities"][0]
    first.update(status="FAILED", reason_code="DELIVERY_007", reason="Carrier rejected")
    del body["data"]["activities"][1]["from"]
    body["data"]["activities"][2].update(
        status="SCHEDULED", scheduled_at="2026-05-22T09:00:00+00:00"
    )
    body["data"]["activities"][3]["status"] = "ACCEPTED"
    body["data"]["pagination"] = _contacts()["data"]["pagination"]
    validate_response(PROVIDER, "list_message_activities", 200, body)


# --- teeth: what the schemas reject -------------------------------------------------------------


def test_unknown_status_is_accepted() -> None:
    """A status string outside the known enum is accepted (forward compatibility)."""
    body = _seed("list_message_activities_200.json")
    body["data"]["activities"][0]["status"] = "DELIVERED_TO_HANDSET"
    validate_response(PROVIDER, "list_message_activities", 200, body)


def test_unknown_error_code_is_accepted() -> None:
    """An error code missing from the catalog is accepted."""
    validate_response(PROVIDER, "get_message_status", 500, _error("INTERNAL_099", "New"))


def test_non_string_status_is_rejected() -> None:
    """A numeric status is rejected."""
    body = _seed("list_message_activities_200.json")
    body["data"]["activities"][0]["status"] = 3
    assert response_errors(PROVIDER, "list_message_activities", 200, body)


@pytest.mark.parametrize("field", ["status", "description", "timestamp", "price"])
def test_activity_missing_required_field_is_rejected(field: str) -> None:
    """An activity without a field every doc example carries is rejected."""
    body = _seed("list_message_activities_200.json")
    del body["data"]["activities"][0][field]
    assert response_errors(PROVIDER, "list_message_activities", 200, body)


@pytest.mark.parametrize("price", [0.045, "0.045", "0.04500", "$0.0450", ""])
def test_activity_price_must_be_four_decimal_string(price: Any) -> None:
    """Activity prices are 4-dp decimal strings: numbers and other precisions are rejected."""
    body = _seed("list_message_activities_200.json")
    body["data"]["activities"][0]["price"] = price
    assert response_errors(PROVIDER, "list_message_activities", 200, body)


def test_message_status_price_must_be_number() -> None:
    """get_message_status prices are JSON numbers; the activities' string form is rejected."""
    body = _message_status()
    body["data"]["price"] = "0.0055"
    assert response_errors(PROVIDER, "get_message_status", 200, body)


def test_bad_timestamp_is_rejected() -> None:
    """A non-RFC 3339 activity timestamp is rejected."""
    body = _seed("list_message_activities_200.json")
    body["data"]["activities"][0]["timestamp"] = "21/05/2026 11:41:33"
    assert response_errors(PROVIDER, "list_message_activities", 200, body)


def test_message_id_must_be_uuid() -> None:
    """data.message_id must be a UUID."""
    body = _seed("list_message_activities_200.json")
    body["data"]["message_id"] = "msg_123"
    assert response_errors(PROVIDER, "list_message_activities", 200, body)


@pytest.mark.parametrize("key", ["success", "data", "error", "meta"])
def test_success_envelope_requires_all_keys(key: str) -> None:
    """Success envelopes carry success, data, error and meta; dropping one is rejected."""
    body = _seed("list_message_activities_200.json")
    del body[key]
    assert response_errors(PROVIDER, "list_message_activities", 200, body)


def test_success_envelope_with_error_object_is_rejected() -> None:
    """A 200 envelope must have success true and error null."""
    body = _seed("list_message_activities_200.json")
    assert response_errors(PROVIDER, "list_message_activities", 200, {**body, "success": False})
    error = _seed("list_message_activities_404.json")["error"]
    assert response_errors(PROVIDER, "list_message_activities", 200, {**body, "error": error})


def test_error_envelope_rejects_data_and_missing_error() -> None:
    """Error envelopes need error and meta, and data may only be null."""
    body = _seed("list_message_activities_404.json")
    assert response_errors(PROVIDER, "get_message_status", 404, {**body, "data": {}})
    without_error = {k: v for k, v in body.items() if k != "error"}
    assert response_errors(PROVIDER, "get_message_status", 404, without_error)
    broken = copy.deepcopy(body)
    del broken["error"]["message"]
    assert response_errors(PROVIDER, "get_message_status", 404, broken)


def test_error_details_must_map_fields_to_string_lists() -> None:
    """error.details is null or {field: [message, ...]}."""
    body = _error("VALIDATION_001", "Invalid", {"id": "not a list"})
    assert response_errors(PROVIDER, "get_message_status", 400, body)


def test_contacts_pagination_is_required_and_typed() -> None:
    """list_contacts needs pagination with integer counts and boolean has_more."""
    body = _contacts()
    del body["data"]["pagination"]
    assert response_errors(PROVIDER, "list_contacts", 200, body)
    body = _contacts()
    body["data"]["pagination"]["has_more"] = "true"
    assert response_errors(PROVIDER, "list_contacts", 200, body)
    body = _contacts()
    body["data"]["pagination"]["total_count"] = "150"
    assert response_errors(PROVIDER, "list_contacts", 200, body)


def test_contact_opt_out_must_be_boolean() -> None:
    """Contact.opt_out is a boolean."""
    body = _contacts()
    body["data"]["contacts"][0]["opt_out"] = "false"
    assert response_errors(PROVIDER, "list_contacts", 200, body)
