"""Check specs/infobip.yaml against the Infobip doc examples and the recorded SDK fixtures."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import ValidationError
from openapi_spec_validator import OpenAPIV31SpecValidator, validate
from openapi_support import (
    find_operation,
    load_spec,
    response_errors,
    schema_validator,
    validate_response,
)

PROVIDER = "infobip"
OPERATION = "get_sms_delivery_reports"
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEEDS = FIXTURES / "seeds" / PROVIDER
RECORDED = FIXTURES / "recorded" / PROVIDER
ERROR_STATUSES = ("400", "401", "403", "429", "500")

# Seed 003 (Infobip "Delivery reports" page): every code sample repeats the same two bodies.
SEED_EXAMPLES = {
    "get_sms_delivery_reports_200.json": "200",
    "get_sms_delivery_reports_400.json": "400",
}
# Fixtures from the Infobip C# SDK. The error envelopes come from other channels (WhatsApp,
# Email) but Infobip shares that envelope across channels, so they apply to this endpoint.
RECORDED_RESPONSES = {
    "GetOutboundSmsMessageDeliveryReportsSuccess.json": "200",
    "BadRequest_whatsapp-fixture.json": "400",
    "Unauthorized_email-fixture.json": "401",
    "TooManyRequests_whatsapp-fixture.json": "429",
}
RECORDED_ERRORS = [name for name, status in RECORDED_RESPONSES.items() if status != "200"]
# /sms/1/logs response, not /sms/1/reports: checked separately below, not as a recording of this
# operation.
LOGS_FIXTURE = "GetOutboundSmsMessageLogsSuccess.json"


def _load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _schema_errors(name: str, instance: Any) -> list[str]:
    validator = schema_validator(PROVIDER, f"#/components/schemas/{name}")
    return [e.message for e in validator.iter_errors(instance)]


def _report() -> dict[str, Any]:
    body = _load(SEEDS / "get_sms_delivery_reports_200.json")
    report: dict[str, Any] = copy.deepcopy(body["results"][0])
    return report


def _reports(report: dict[str, Any]) -> dict[str, Any]:
    return {"results": [report]}


# --- the spec itself -------------------------------------------------------------------------


def test_spec_is_valid_openapi_3_1() -> None:
    """The spec passes openapi-spec-validator as OpenAPI 3.1."""
    spec = load_spec(PROVIDER)
    assert spec["openapi"] == "3.1.0"
    validate(spec, cls=OpenAPIV31SpecValidator)


def test_operation_ids() -> None:
    """The spec has exactly the expected operationIds."""
    ops = {
        op["operationId"]
        for item in load_spec(PROVIDER)["paths"].values()
        for op in item.values()
        if isinstance(op, dict) and "operationId" in op
    }
    assert ops == {OPERATION}
    path, method, op = find_operation(PROVIDER, OPERATION)
    assert (path, method) == ("/sms/1/reports", "get")
    assert op["summary"]
    assert op["description"]
    assert op["tags"]


def test_no_links_on_the_drain_operation() -> None:
    """The drain operation has no links: a follow-up call would find its reports consumed."""
    spec = load_spec(PROVIDER)
    links = [
        name
        for item in spec["paths"].values()
        for op in item.values()
        if isinstance(op, dict)
        for response in op.get("responses", {}).values()
        for name in response.get("links", {})
    ]
    assert links == []


def test_every_documented_response_has_a_json_schema() -> None:
    """200 and every documented error status declare an application/json schema."""
    for status in ("200", *ERROR_STATUSES):
        validate_response(
            PROVIDER,
            OPERATION,
            status,
            _load(SEEDS / "get_sms_delivery_reports_200.json")
            if status == "200"
            else {"requestError": {"serviceException": {"messageId": "X", "text": "y"}}},
        )


def test_query_parameters() -> None:
    """All six filters are optional query parameters; limit is int32 1..1000, default 50."""
    spec = load_spec(PROVIDER)
    _, _, op = find_operation(PROVIDER, OPERATION)
    params = {}
    for ref in op["parameters"]:
        param = spec["components"]["parameters"][ref["$ref"].split("/")[-1]]
        params[param["name"]] = param
    assert set(params) == {
        "bulkId",
        "messageId",
        "limit",
        "applicationId",
        "entityId",
        "campaignReferenceId",
    }
    for param in params.values():
        assert param["in"] == "query"
        assert param["required"] is False
        assert "type" in param["schema"]
    assert params["limit"]["schema"] == {
        "type": "integer",
        "format": "int32",
        "minimum": 1,
        "maximum": 1000,
        "default": 50,
    }


def test_security_and_servers() -> None:
    """App-key header and HTTP Basic are global alternatives; the host is a server variable."""
    spec = load_spec(PROVIDER)
    schemes = spec["components"]["securitySchemes"]
    assert schemes["AppKey"] == {
        **schemes["AppKey"],
        "type": "apiKey",
        "in": "header",
        "name": "Authorization",
    }
    assert "App " in schemes["AppKey"]["description"]
    assert schemes["Basic"]["type"] == "http"
    assert schemes["Basic"]["scheme"] == "basic"
    assert spec["security"] == [{"AppKey": []}, {"Basic": []}]
    (server,) = spec["servers"]
    assert server["url"] == "https://{baseUrl}"
    assert server["variables"]["baseUrl"]["default"] == "api.infobip.com"


# --- doc examples and recordings ---------------------------------------------------------------


@pytest.mark.parametrize(("name", "status"), sorted(SEED_EXAMPLES.items()))
def test_seed_example(name: str, status: str) -> None:
    """Each example body printed in the Infobip reports doc validates against its response."""
    assert response_errors(PROVIDER, OPERATION, status, _load(SEEDS / name)) == []


def test_seed_examples_are_all_covered() -> None:
    """Every extracted seed file is listed for validation."""
    assert {p.name for p in SEEDS.glob("*.json")} == set(SEED_EXAMPLES)


@pytest.mark.parametrize(("name", "status"), sorted(RECORDED_RESPONSES.items()))
def test_recorded_response(name: str, status: str) -> None:
    """Each recorded Infobip SDK fixture validates against the response for its status."""
    assert response_errors(PROVIDER, OPERATION, status, _load(RECORDED / name)) == []


@pytest.mark.parametrize("status", ERROR_STATUSES)
@pytest.mark.parametrize("name", RECORDED_ERRORS)
def test_recorded_error_envelope_fits_every_error_status(name: str, status: str) -> None:
    """The shared error envelope of every recorded error validates for every error status."""
    assert response_errors(PROVIDER, OPERATION, status, _load(RECORDED / name)) == []


def test_recorded_files_are_all_covered() -> None:
    """Every recorded Infobip file is either a response of this operation or the logs fixture."""
    assert {p.name for p in RECORDED.glob("*.json")} == {*RECORDED_RESPONSES, LOGS_FIXTURE}


def test_logs_fixture_shares_the_report_shape() -> None:
    """The /sms/1/logs fixture (not this endpoint) fits the report list; it alone has mccMnc."""
    body = _load(RECORDED / LOGS_FIXTURE)
    assert all("mccMnc" in item for item in body["results"])
    assert _schema_errors("SmsReportsResponse", body) == []


def test_known_doc_error_limit_null_in_code_samples() -> None:
    """KNOWN DOC ERROR: the doc's code samples send `limit=null`; null is not a valid limit."""
    spec = load_spec(PROVIDER)
    limit_schema = spec["components"]["parameters"]["Limit"]["schema"]
    validator = schema_validator(PROVIDER, "#/components/parameters/Limit/schema")
    assert limit_schema["type"] == "integer"
    assert not validator.is_valid(None)
    assert not validator.is_valid("null")


# --- the schema accepts what Infobip sends and has teeth ---------------------------------------


@pytest.mark.parametrize("group_name", ["Ok", "OK"])
def test_error_group_name_both_casings(group_name: str) -> None:
    """The error.groupName field accepts both the current "Ok" and the legacy "OK" casing."""
    report = _report()
    report["error"]["groupName"] = group_name
    assert response_errors(PROVIDER, OPERATION, 200, _reports(report)) == []
    enum = load_spec(PROVIDER)["components"]["schemas"]["KnownSmsErrorGroupName"]["enum"]
    assert {"Ok", "OK"} <= set(enum)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("status.groupName", "SOME_FUTURE_GROUP"),
        ("status.name", "SOME_FUTURE_STATUS"),
        ("error.groupName", "SOME_FUTURE_ERROR_GROUP"),
        ("error.name", "EC_SOMETHING_NEW"),
    ],
)
def test_unknown_status_strings_accepted(field: str, value: str) -> None:
    """Status and error names are open: unknown strings validate (forward compatibility)."""
    report = _report()
    obj, key = field.split(".")
    report[obj][key] = value
    assert response_errors(PROVIDER, OPERATION, 200, _reports(report)) == []


def test_rejected_report_with_action_and_optional_fields() -> None:
    """A REJECTED report with status.action, from, mccMnc and callbackData validates."""
    report = _report()
    del report["bulkId"]
    report.update(
        {"from": "InfoSMS", "mccMnc": "22801", "callbackData": "DLR callback data", "x": 1}
    )
    report["status"] = {
        "groupId": 5,
        "groupName": "REJECTED",
        "id": 12,
        "name": "REJECTED_NOT_ENOUGH_CREDITS",
        "description": "Not enough credits",
        "action": "Contact account manager",
    }
    report["error"] = {
        "groupId": 1,
        "groupName": "HANDSET_ERRORS",
        "id": 27,
        "name": "EC_ABSENT_SUBSCRIBER",
        "description": "Absent Subscriber",
        "permanent": False,
    }
    assert response_errors(PROVIDER, OPERATION, 200, _reports(report)) == []


def test_empty_results_accepted() -> None:
    """An empty batch (reports already consumed) is a valid 200 body."""
    assert response_errors(PROVIDER, OPERATION, 200, {"results": []}) == []


@pytest.mark.parametrize(
    "value",
    [
        "2019-11-09T16:00:00.000+0000",
        "2015-02-12T09:58:20.323+0100",
        "2015-02-12T09:58:20.323-0530",
        "2015-02-12T09:58:20+0100",
        "2015-02-12T09:58:20.323+01:00",
        "2015-02-12T09:58:20.323456Z",
    ],
)
def test_timestamp_pattern_accepts(value: str) -> None:
    """The sentAt/doneAt fields accept Infobip's colon-less offsets and reasonable variants."""
    report = _report()
    report["sentAt"] = report["doneAt"] = value
    assert response_errors(PROVIDER, OPERATION, 200, _reports(report)) == []


@pytest.mark.parametrize(
    "value",
    [
        "2019-11-09 16:00:00.000+0000",
        "2019-11-09",
        "2019-11-09T16:00:00.000",
        "2019-11-09T16:00:00.000+00",
        "1573315200",
        "x2019-11-09T16:00:00.000+0000",
        "2019-11-09T16:00:00.000+0000x",
    ],
)
def test_timestamp_pattern_rejects(value: str) -> None:
    """The sentAt field rejects non-Infobip timestamps (no offset, no time, epoch...)."""
    report = _report()
    report["sentAt"] = value
    assert response_errors(PROVIDER, OPERATION, 200, _reports(report)) != []


def test_timestamps_are_not_format_date_time() -> None:
    """Timestamps use a pattern, not format: date-time (the wire value is not RFC 3339)."""
    stamp = load_spec(PROVIDER)["components"]["schemas"]["InfobipTimestamp"]
    assert "format" not in stamp
    assert "pattern" in stamp


@pytest.mark.parametrize(
    "required", ["messageId", "to", "sentAt", "doneAt", "smsCount", "price", "status", "error"]
)
def test_missing_required_report_field_rejected(required: str) -> None:
    """A report missing a field every real response carries is rejected."""
    report = _report()
    del report[required]
    assert response_errors(PROVIDER, OPERATION, 200, _reports(report)) != []


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("price", "pricePerMessage"), "0.01"),
        (("smsCount",), "1"),
        (("status", "id"), "5"),
        (("status", "groupName"), 3),
        (("error", "permanent"), "false"),
        (("to",), 41793026727),
    ],
)
def test_wrong_types_rejected(path: tuple[str, ...], value: Any) -> None:
    """Wrong JSON types (string price, string count, numeric name...) are rejected."""
    report = _report()
    target = report
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    assert response_errors(PROVIDER, OPERATION, 200, _reports(report)) != []


def test_missing_results_rejected() -> None:
    """A 200 body without `results` is rejected."""
    with pytest.raises(ValidationError):
        validate_response(PROVIDER, OPERATION, 200, {"reports": []})


def test_error_with_uuid_message_id_accepted() -> None:
    """The serviceException.messageId field may be a UUID instead of a symbolic code."""
    body = {
        "requestError": {
            "serviceException": {
                "messageId": "5a3a8f6c-2e2f-4b1a-9f7e-6a1b2c3d4e5f",
                "text": "Bad request",
            }
        }
    }
    assert response_errors(PROVIDER, OPERATION, 400, body) == []


@pytest.mark.parametrize(
    "body",
    [
        {"requestError": {"serviceException": {"messageId": "BAD_REQUEST"}}},
        {"requestError": {}},
        {"errorCode": "E400", "description": "Bad request"},
        {
            "requestError": {
                "serviceException": {
                    "messageId": "BAD_REQUEST",
                    "text": "Bad request",
                    "validationErrors": {"content.text": "must not be blank"},
                }
            }
        },
    ],
    ids=["no-text", "no-serviceException", "v3-shape", "validationErrors-not-list"],
)
def test_malformed_error_rejected(body: dict[str, Any]) -> None:
    """Error bodies missing envelope parts, in the v3 shape, or with bad validationErrors fail."""
    assert response_errors(PROVIDER, OPERATION, 400, body) != []
