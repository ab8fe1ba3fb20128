"""Routee spec (specs/routee.yaml) against the Routee doc examples and documented tables.

Routee has no recorded responses; the seed page (004) keeps only response-field, error and
parameter tables, so besides the error rows the tests check that every documented field and value
is modelled, and use bodies built from those tables to show the schemas have teeth.
"""

from __future__ import annotations

import copy
import json
import re
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

PROVIDER = "routee"
SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds" / PROVIDER
OPERATION_IDS = ("track_sms", "get_sms_tracking", "track_campaign_sms", "get_access_token")
FILTER_BODY = "#/paths/~1sms~1tracking/post/requestBody/content/application~1json/schema"
AUTH_FORM_SCHEMA = (
    "#/paths/~1oauth~1token/post/requestBody/content/application~1x-www-form-urlencoded/schema"
)
QUERY_DATE = "#/components/schemas/IsoDateTimeWithOffset"
RESPONSE_DATE = "#/components/schemas/IsoDateTime"


def _seed(name: str) -> Any:
    return json.loads((SEEDS / name).read_text(encoding="utf-8"))


TABLES: dict[str, Any] = _seed("track_sms_documented_tables.json")


def _schema(pointer: str) -> dict[str, Any]:
    node: Any = load_spec(PROVIDER)
    for part in pointer.lstrip("#/").split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node  # type: ignore[no-any-return]


def _properties(schema: dict[str, Any]) -> dict[str, Any]:
    """Properties of an object schema, following $ref, allOf and anyOf/type-array wrappers."""
    if "$ref" in schema:
        return _properties(_schema(schema["$ref"]))
    props: dict[str, Any] = dict(schema.get("properties", {}))
    for part in schema.get("allOf", []) + schema.get("anyOf", []):
        props.update(_properties(part))
    if "items" in schema:
        props.update(_properties(schema["items"]))
    return props


def _errors(pointer: str, body: Any) -> list[str]:
    return [e.message for e in schema_validator(PROVIDER, pointer).iter_errors(body)]


def _param(operation_id: str, name: str) -> dict[str, Any]:
    _, _, op = find_operation(PROVIDER, operation_id)
    for param in op.get("parameters", []):
        resolved = _schema(param["$ref"]) if "$ref" in param else param
        if resolved["name"] == name:
            return resolved
    raise KeyError(name)


def _tracking(**overrides: Any) -> dict[str, Any]:
    """Build a multi-message tracking object carrying every field of the seed's response table."""
    item: dict[str, Any] = {
        "applicationName": "default",
        "campaignName": "Summer",
        "campaignTrackingId": "b9c1ffb1-0b0c-4a5e-9e55-6c1b8c7f0a11",
        "country": "GR",
        "smsId": "335c5ec5-bc82-415d-af94-ad884da23d56",
        "messageId": "2b8a2c4e-2c7c-4d2a-a7f4-9a1a1e3b5c6d",
        "groups": ["customers"],
        "body": "Hello",
        "operator": "Vodafone",
        "originatingService": "Sms",
        "to": "+306948530920",
        "latency": 1340,
        "parts": 1,
        "part": 1,
        "price": 0.05,
        "label": "promo",
        "status": {
            "date": "2016-08-19T15:00:12.000Z",
            "status": "Delivered",
            "reason": {"detailedStatus": "Delivered", "description": "Delivered to handset"},
        },
        "from": "Routee",
        "direction": "Outbound",
        "receivedDate": None,
    }
    item.update(overrides)
    return item


def _page(*items: dict[str, Any]) -> dict[str, Any]:
    return {
        "content": list(items),
        "totalPages": 1,
        "last": True,
        "totalElements": len(items),
        "first": True,
        "numberOfElements": len(items),
        "number": 0,
        "size": 20,
    }


def _part(**overrides: Any) -> dict[str, Any]:
    """Build a single-message tracking object (`campaign` instead of `campaignName`)."""
    item = _tracking(**overrides)
    item["campaign"] = item.pop("campaignName")
    item.pop("campaignTrackingId")
    return item


# --- the spec itself -----------------------------------------------------------------------


def test_spec_is_valid_openapi_31() -> None:
    """The spec passes openapi-spec-validator's OpenAPI 3.1 checks."""
    validate(load_spec(PROVIDER), cls=OpenAPIV31SpecValidator)


@pytest.mark.parametrize("operation_id", OPERATION_IDS)
def test_operation_present(operation_id: str) -> None:
    """Every agreed operationId exists and has summary, description and tags."""
    _, _, op = find_operation(PROVIDER, operation_id)
    assert op["summary"]
    assert op["description"]
    assert op["tags"]


def test_no_unexpected_operations() -> None:
    """The spec declares exactly the agreed operations."""
    found = {
        op["operationId"]
        for item in load_spec(PROVIDER)["paths"].values()
        for op in item.values()
        if isinstance(op, dict) and "operationId" in op
    }
    assert found == set(OPERATION_IDS)


def _links() -> list[tuple[str, str, str, dict[str, Any]]]:
    out = []
    for operation_id in OPERATION_IDS:
        _, _, op = find_operation(PROVIDER, operation_id)
        for status, response in op["responses"].items():
            for name, link in response.get("links", {}).items():
                out.append((operation_id, status, name, link))
    return out


@pytest.mark.parametrize(
    ("source", "status", "name", "link"), _links(), ids=[f"{s}-{n}" for s, _, n, _ in _links()]
)
def test_link_targets_exist(source: str, status: str, name: str, link: dict[str, Any]) -> None:
    """Each link names an existing operation and only its declared path parameters."""
    _, _, target = find_operation(PROVIDER, link["operationId"])
    declared = {p["name"] for p in target.get("parameters", []) if p.get("in") == "path"}
    assert set(link["parameters"]) <= declared
    for expression in link["parameters"].values():
        assert expression.startswith("$response.body#/content/0/")


def test_expected_links_declared() -> None:
    """track_sms links to both get-by-id operations; track_campaign_sms to get_sms_tracking."""
    pairs = {(s, link["operationId"]) for s, _, _, link in _links()}
    assert pairs == {
        ("track_sms", "get_sms_tracking"),
        ("track_sms", "track_campaign_sms"),
        ("track_campaign_sms", "get_sms_tracking"),
    }


def test_security() -> None:
    """Global OAuth2 client credentials; the token endpoint uses HTTP Basic on auth.routee.net."""
    spec = load_spec(PROVIDER)
    flow = spec["components"]["securitySchemes"]["oauth2"]["flows"]["clientCredentials"]
    assert flow["tokenUrl"] == "https://auth.routee.net/oauth/token"
    assert spec["security"] == [{"oauth2": []}]
    assert spec["servers"][0]["url"] == "https://connect.routee.net"
    _, _, op = find_operation(PROVIDER, "get_access_token")
    assert op["security"] == [{"ClientBasic": []}]
    assert spec["paths"]["/oauth/token"]["servers"] == [
        {"url": "https://auth.routee.net", "description": "Routee authorization server"}
    ]


# --- seed 004: error table -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fixture", "operation_id", "status"),
    [
        ("track_sms_error_404_404001001.json", "track_sms", 404),
        ("track_sms_error_400_404009001.json", "track_sms", 400),
        ("error_codes_envelope_example.json", "get_sms_tracking", 404),
    ],
)
def test_seed_error_body_validates(fixture: str, operation_id: str, status: int) -> None:
    """A documented error (seed error-table row in the docs' envelope) fits its response schema."""
    validate_response(PROVIDER, operation_id, status, _seed(fixture))


def test_seed_error_rows_match_fixtures() -> None:
    """The error fixtures carry exactly the code/description pairs of the seed's error table."""
    for row in TABLES["errorCodes"]:
        body = _seed(f"track_sms_error_{row['status']}_{row['code']}.json")
        assert body == {"code": row["code"], "developerMessage": row["description"]}


def _code_matches_status(status: int, code: str) -> bool:
    """Routee's documented convention: the first 3 digits of `code` are the HTTP status."""
    return code[:3] == str(status)


def test_known_doc_error_400_with_404_code() -> None:
    """KNOWN DOC ERROR: seed 004 lists HTTP 400 with code 404009001 (prefix is not 400).

    The spec does not tie the code prefix to the status (so such a body still validates, as the
    real server might send it); this pins the doc's violation of its own 3+3+3 convention.
    """
    rows = {(r["status"], r["code"]) for r in TABLES["errorCodes"]}
    assert (400, "404009001") in rows
    assert not _code_matches_status(400, "404009001")
    assert _code_matches_status(404, "404001001")
    assert (
        response_errors(PROVIDER, "track_sms", 400, _seed("track_sms_error_400_404009001.json"))
        == []
    )


# --- seed 004: response table, values, parameters ----------------------------------------------


@pytest.mark.parametrize("field", TABLES["responseParameters"])
def test_seed_response_field_modelled(field: str) -> None:
    """Every field of the seed's response table is a property of the page schema."""
    schema: dict[str, Any] = {"$ref": "#/components/schemas/SmsTrackingPage"}
    for part in field.split("."):
        props = _properties(schema)
        assert part in props, f"{field}: {part} not in {sorted(props)}"
        schema = props[part]


def test_single_tracking_uses_campaign_not_campaign_name() -> None:
    """Single-message objects name the campaign `campaign`; page objects `campaignName`."""
    single = _properties({"$ref": "#/components/schemas/SmsPartTracking"})
    multi = _properties({"$ref": "#/components/schemas/SmsTracking"})
    assert "campaign" in single
    assert "campaignName" not in single
    assert "campaignName" in multi
    assert "campaign" not in multi


def test_seed_detailed_status_values_known() -> None:
    """Every detailedStatus value of the seed is a KnownDetailedStatus member."""
    known = _schema("#/components/schemas/KnownDetailedStatus")["enum"]
    assert set(TABLES["detailedStatusValues"]) <= set(known)
    assert set(known) - set(TABLES["detailedStatusValues"]) == {"DND Error Code"}


def test_seed_direction_values_known() -> None:
    """The seed's direction values are exactly KnownDirection."""
    assert _schema("#/components/schemas/KnownDirection")["enum"] == TABLES["directionValues"]


def test_seed_query_params() -> None:
    """track_sms query parameters have the seed's requiredness, types, defaults and bounds."""
    names = ["dateStart", "dateEnd", "page", "size", "sort", "trackingId", "campaign"]
    kinds = {"date": "string", "int32": "integer", "string": "string", "boolean": "boolean"}
    for name, doc in zip(names, TABLES["queryParams"], strict=True):
        param = _param("track_sms", name)
        schema = param["schema"]
        schema = _schema(schema["$ref"]) if "$ref" in schema else schema
        assert param.get("required", False) == doc.get("required", False), name
        assert schema["type"] == kinds[doc["type"]], name
        if doc["type"] == "int32":
            assert schema["format"] == "int32"
        if "default" in doc:
            assert schema["default"] == doc["default"], name
        if "max" in doc:
            assert schema["maximum"] == doc["max"], name
    assert _param("track_sms", "page")["schema"]["minimum"] == 0
    assert _param("track_campaign_sms", "size")["schema"]["maximum"] == 2000


def test_seed_body_params() -> None:
    """The filter object's field/operator enums, requiredness and default follow the seed."""
    filt = _schema("#/components/schemas/TrackingFilter")
    field_doc, term_doc, operator_doc = TABLES["bodyParams"]
    assert _schema("#/components/schemas/TrackingFilterField")["enum"] == field_doc["values"]
    assert _schema("#/components/schemas/SearchOperator")["enum"] == operator_doc["values"]
    assert filt["properties"]["searchOperator"]["default"] == operator_doc["default"]
    assert set(filt["required"]) == {"fieldName", "searchTerm"}
    assert field_doc["required"]
    assert term_doc["required"]
    assert "required" not in operator_doc


@pytest.mark.parametrize("value", ["2015-11-11T15:00Z", "2016-08-19T15:00Z"])
def test_documented_query_dates_accepted(value: str) -> None:
    """The SDK docs' minute-precision dates (not RFC 3339) match the dateStart/dateEnd schema."""
    assert _errors(QUERY_DATE, value) == []


@pytest.mark.parametrize(
    "value", ["2016-08-19T15:00:00Z", "2016-08-19T15:00:00.123+03:00", "2016-08-19T15:00-05:00"]
)
def test_iso_query_dates_accepted(value: str) -> None:
    """Seconds, fractions and numeric offsets are accepted for query dates."""
    assert _errors(QUERY_DATE, value) == []


@pytest.mark.parametrize(
    "value", ["2016-08-19", "2016-08-19T15:00", '"2016-08-19T15:00Z"', "19/08/2016 15:00", ""]
)
def test_bad_query_dates_rejected(value: str) -> None:
    """Dates without time or offset, quoted (the .NET SDK bug) or non-ISO are rejected."""
    assert _errors(QUERY_DATE, value) != []


@pytest.mark.parametrize(
    "value", ["2016-08-19T15:00:12", "2016-08-19T15:00:12.5+0300", "2016-08-19T15:00Z"]
)
def test_response_dates_lenient(value: str) -> None:
    """Response dates (format never observed) accept ISO-8601 with or without offset."""
    assert _errors(RESPONSE_DATE, value) == []


# --- request bodies --------------------------------------------------------------------------


def test_php_sdk_filter_body_validates() -> None:
    """The PHP SDK's documented filter body (an array of filters) fits the request schema."""
    assert _errors(FILTER_BODY, _seed("track_sms_filter_body_php_example.json")) == []


def test_empty_filter_body_validates() -> None:
    """An empty filter array is a valid request body."""
    assert _errors(FILTER_BODY, []) == []


@pytest.mark.parametrize(
    "body",
    [
        [{"fieldName": "operator", "searchTerm": "x"}],
        [{"fieldName": "smsId"}],
        [{"fieldName": "to", "searchTerm": "+30", "searchOperator": "like"}],
        [{"fieldName": "to", "searchTerm": "+30", "extra": 1}],
        {"fieldName": "smsId", "searchTerm": "x"},
    ],
    ids=["unknown-field", "missing-term", "unknown-operator", "extra-key", "not-an-array"],
)
def test_bad_filter_body_rejected(body: Any) -> None:
    """Request filters are specified precisely: bad fields/operators/shapes are rejected."""
    assert _errors(FILTER_BODY, body) != []


def test_token_request_body() -> None:
    """The token form needs grant_type=client_credentials; scope is optional."""
    assert _errors(AUTH_FORM_SCHEMA, {"grant_type": "client_credentials"}) == []
    assert _errors(AUTH_FORM_SCHEMA, {"grant_type": "client_credentials", "scope": "sms"}) == []
    assert _errors(AUTH_FORM_SCHEMA, {"grant_type": "password"}) != []
    assert _errors(AUTH_FORM_SCHEMA, {}) != []


# --- response schemas have teeth ----------------------------------------------------------------


@pytest.mark.parametrize("operation_id", ["track_sms", "track_campaign_sms"])
def test_full_page_validates(operation_id: str) -> None:
    """A page carrying every documented field validates for both page operations."""
    validate_response(PROVIDER, operation_id, 200, _page(_tracking()))


def test_minimal_page_validates() -> None:
    """Optional tracking fields may be absent or null; an empty page is fine."""
    minimal = {"smsId": "a", "messageId": "b", "to": "+30", "status": {"status": "Queued"}}
    validate_response(PROVIDER, "track_sms", 200, _page(minimal))
    validate_response(PROVIDER, "track_sms", 200, _page())
    validate_response(PROVIDER, "track_sms", 200, _page(_tracking(label=None, groups=None)))


@pytest.mark.parametrize(
    "status", ["Queued", "Sent", "Delivered", "Undelivered", "Failed", "Unsent", "Rejected"]
)
def test_status_values_open(status: str) -> None:
    """Known and unknown (future) status strings are accepted."""
    item = _tracking(status={"status": status, "date": "2016-08-19T15:00Z"})
    assert response_errors(PROVIDER, "track_sms", 200, _page(item)) == []


def test_unknown_detailed_status_and_direction_accepted() -> None:
    """Unknown detailedStatus and direction strings are accepted (open enums)."""
    item = _tracking(
        direction="Bidirectional",
        status={"status": "Undelivered", "reason": {"detailedStatus": "Blocked By Operator"}},
    )
    assert response_errors(PROVIDER, "track_sms", 200, _page(item)) == []


@pytest.mark.parametrize(
    "mutate",
    [
        lambda p: p.pop("totalElements"),
        lambda p: p.__setitem__("last", "true"),
        lambda p: p.__setitem__("number", -1),
        lambda p: p["content"][0].pop("messageId"),
        lambda p: p["content"][0].pop("status"),
        lambda p: p["content"][0]["status"].pop("status"),
        lambda p: p["content"][0]["status"].__setitem__("status", 3),
        lambda p: p["content"][0].__setitem__("price", "0.05"),
        lambda p: p["content"][0]["status"].__setitem__("date", "19/08/2016"),
    ],
    ids=[
        "missing-totalElements",
        "last-as-string",
        "negative-number",
        "missing-messageId",
        "missing-status",
        "missing-status-status",
        "status-not-string",
        "price-as-string",
        "bad-status-date",
    ],
)
def test_bad_page_rejected(mutate: Any) -> None:
    """Missing required page/tracking fields and wrong types are rejected."""
    page = _page(_tracking())
    broken = copy.deepcopy(page)
    mutate(broken)
    assert response_errors(PROVIDER, "track_sms", 200, broken) != []


def test_single_returns_bare_array() -> None:
    """get_sms_tracking returns a bare array of part objects, not a page."""
    validate_response(
        PROVIDER, "get_sms_tracking", 200, [_part(part=1, parts=2), _part(part=2, parts=2)]
    )
    assert response_errors(PROVIDER, "get_sms_tracking", 200, _page(_tracking())) != []


@pytest.mark.parametrize("code", ["40400500", "4040050001", "ABC005000", 404005000])
def test_bad_error_code_rejected(code: Any) -> None:
    """Error codes must be 9-digit strings."""
    body = {"code": code, "developerMessage": "Tracking not found."}
    assert response_errors(PROVIDER, "get_sms_tracking", 404, body) != []


def test_error_without_message_rejected() -> None:
    """The Routee error envelope requires developerMessage."""
    assert response_errors(PROVIDER, "track_campaign_sms", 404, {"code": "404009001"}) != []


@pytest.mark.parametrize("operation_id", OPERATION_IDS)
def test_auth_errors_accept_both_shapes(operation_id: str) -> None:
    """401 accepts the Routee envelope and an RFC 6749 OAuth2 error body."""
    routee = {"code": "401000000", "developerMessage": "Not authenticated."}
    oauth = {"error": "invalid_token", "error_description": "Access token expired"}
    assert response_errors(PROVIDER, operation_id, 401, routee) == []
    assert response_errors(PROVIDER, operation_id, 401, oauth) == []
    assert response_errors(PROVIDER, operation_id, 401, {"message": "nope"}) != []


def test_token_response() -> None:
    """A token response with the documented fields validates; no access_token is rejected."""
    token = {
        "access_token": "b7e5ad49-0c2f-4e8a-8b1e-2a1c36f4c1b2",
        "token_type": "bearer",
        "expires_in": 3599,
        "scope": "sms account",
        "permissions": ["MT_ROLE_SMS", "MT_ROLE_ACCOUNT"],
    }
    validate_response(PROVIDER, "get_access_token", 200, token)
    del token["access_token"]
    assert response_errors(PROVIDER, "get_access_token", 200, token) != []


def test_every_response_body_is_json_with_schema() -> None:
    """Each documented response of every operation has an application/json schema."""
    for operation_id in OPERATION_IDS:
        _, _, op = find_operation(PROVIDER, operation_id)
        for status, response in op["responses"].items():
            resolved = _schema(response["$ref"]) if "$ref" in response else response
            assert "schema" in resolved["content"]["application/json"], (operation_id, status)


def test_patterns_are_ascii_only() -> None:
    """Patterns use [0-9], never backslash-d (which also matches non-ASCII digits)."""
    text = (Path(__file__).resolve().parents[2] / "specs" / "routee.yaml").read_text()
    assert not re.search(r"pattern:.*\\\\d", text)
