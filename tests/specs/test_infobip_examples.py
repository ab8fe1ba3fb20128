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
V3_OPERATIONS = ("get_sms_logs", "get_sms_delivery_reports_v3", "get_sms_logs_v1")
VENDOR_SPEC = FIXTURES / "vendor-spec" / PROVIDER
# Real bodies found in public code (infobip-logs-v3.md section 4.1), by operation.
OTHER_RECORDED = {
    "real_sms1_logs_2020.json": ("get_sms_logs_v1", "200"),
    "real_sms1_reports_whitelabel_2021.json": ("get_sms_delivery_reports", "200"),
}
# Examples of Infobip's own OpenAPI document 3.210.0 (infobip-logs-v3.md sections 2.3, 4.2).
VENDOR_SPEC_EXAMPLES = {
    "get_sms_delivery_reports_v3_200.json": (("get_sms_delivery_reports_v3",), "200"),
    "get_sms_logs_200.json": (("get_sms_logs",), "200"),
    "error_v3_401.json": (("get_sms_logs", "get_sms_delivery_reports_v3"), "401"),
    "error_v3_403.json": (("get_sms_logs", "get_sms_delivery_reports_v3"), "403"),
    "error_v3_429.json": (("get_sms_logs", "get_sms_delivery_reports_v3"), "429"),
    "error_v3_500.json": (("get_sms_logs", "get_sms_delivery_reports_v3"), "500"),
}


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
    assert ops == {OPERATION, *V3_OPERATIONS}
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
    """Every recorded Infobip file is a response of this operation or of another one below."""
    assert {p.name for p in RECORDED.glob("*.json")} == {
        *RECORDED_RESPONSES,
        LOGS_FIXTURE,
        *OTHER_RECORDED,
    }


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


# --- logs and v3 (issue 12) --------------------------------------------------------------------


@pytest.mark.parametrize(("name", "where"), sorted(OTHER_RECORDED.items()))
def test_real_bodies(name: str, where: tuple[str, str]) -> None:
    """The two real v1 bodies (logs 2020, white-label reports 2021) validate as recorded."""
    operation, status = where
    assert response_errors(PROVIDER, operation, status, _load(RECORDED / name)) == []


def test_real_bodies_keep_their_quirks() -> None:
    """What the real bodies show stays allowed: "null" mccMnc, CREDITS, `from` and `text`."""
    logs = _load(RECORDED / "real_sms1_logs_2020.json")["results"]
    reports = _load(RECORDED / "real_sms1_reports_whitelabel_2021.json")["results"]
    assert all("text" in row and "from" in row for row in logs)
    assert {row["mccMnc"] for row in reports} == {"null"}
    assert {row["price"]["currency"] for row in reports} == {"CREDITS"}


def test_doc_logs_example_is_a_v1_log() -> None:
    """Infobip's v1 logs example (the C# fixture, identical to its spec's) is a v1 logs body."""
    assert response_errors(PROVIDER, "get_sms_logs_v1", "200", _load(RECORDED / LOGS_FIXTURE)) == []


@pytest.mark.parametrize(("name", "where"), sorted(VENDOR_SPEC_EXAMPLES.items()))
def test_vendor_spec_examples(name: str, where: tuple[tuple[str, ...], str]) -> None:
    """Every example of Infobip's own spec validates for each operation it belongs to."""
    operations, status = where
    for operation in operations:
        assert response_errors(PROVIDER, operation, status, _load(VENDOR_SPEC / name)) == []


def test_vendor_spec_examples_are_all_covered() -> None:
    """Every file of the vendor-spec folder is listed above."""
    assert {p.name for p in VENDOR_SPEC.glob("*.json")} == set(VENDOR_SPEC_EXAMPLES)


def test_v3_and_v1_bodies_are_not_interchangeable() -> None:
    """A v1 report is not a v3 report (required `messageCount`), nor a v3 log (`destination`)."""
    v1 = _load(RECORDED / "GetOutboundSmsMessageDeliveryReportsSuccess.json")
    assert response_errors(PROVIDER, "get_sms_delivery_reports_v3", "200", v1) != []
    assert response_errors(PROVIDER, "get_sms_logs", "200", v1) != []


def test_v3_error_shape_is_not_the_v1_envelope() -> None:
    """v3 operations answer errors with ApiError, v1 ones with requestError."""
    v1_error = _load(RECORDED / "Unauthorized_email-fixture.json")
    v3_error = _load(VENDOR_SPEC / "error_v3_401.json")
    assert response_errors(PROVIDER, "get_sms_logs", "401", v1_error) != []
    assert response_errors(PROVIDER, "get_sms_logs_v1", "401", v3_error) != []
    assert response_errors(PROVIDER, "get_sms_logs_v1", "401", v1_error) == []


@pytest.mark.parametrize("field", ["status", "error"])
@pytest.mark.parametrize("value", ["Ok", "SOMETHING_NEW"])
def test_v3_group_names_stay_open(field: str, value: str) -> None:
    """Unlike Infobip's spec (and its 6.0.0 client), `Ok` and new group names keep the page."""
    body = _load(VENDOR_SPEC / "get_sms_delivery_reports_v3_200.json")
    body["results"][0][field]["groupName"] = value
    assert response_errors(PROVIDER, "get_sms_delivery_reports_v3", "200", body) == []
    logs = _load(VENDOR_SPEC / "get_sms_logs_200.json")
    logs["results"][0][field]["groupName"] = value
    assert response_errors(PROVIDER, "get_sms_logs", "200", logs) == []


@pytest.mark.parametrize(
    "stamp",
    [
        "2019-11-09T16:00:00.000+0100",  # v3 examples
        "2023-08-01T16:10:00+05:30",  # Infobip Python client's v3 fixtures
        "2024-05-01T12:00:00.000000+0000",  # what the 6.0.0 client sends
    ],
)
def test_v3_timestamp_variants(stamp: str) -> None:
    """Every timestamp form seen for v3 fits the rows' timestamp schema."""
    body = _load(VENDOR_SPEC / "get_sms_logs_200.json")
    body["results"][0]["sentAt"] = stamp
    assert response_errors(PROVIDER, "get_sms_logs", "200", body) == []


def test_cursor_page_and_binary_content() -> None:
    """A cursor page (as Infobip's Java client test has it) and a binary row validate."""
    body = _load(VENDOR_SPEC / "get_sms_logs_200.json")
    body["cursor"] = {"limit": 10, "nextCursor": "next-cursor-id"}
    body["results"][1]["content"] = {"hex": "0f0a", "dataCoding": 4, "esmClass": 64}
    assert response_errors(PROVIDER, "get_sms_logs", "200", body) == []
    body["results"][1]["content"] = {"hex": "0f0a", "text": "both"}
    assert response_errors(PROVIDER, "get_sms_logs", "200", body) != []


def test_java_fixture_bug_smscount_in_v3_logs_is_rejected() -> None:
    """Infobip's Java test uses `smsCount` in v3 log rows; `messageCount` is required in v3."""
    body = _load(VENDOR_SPEC / "get_sms_logs_200.json")
    row = body["results"][0]
    row["smsCount"] = row.pop("messageCount")
    assert response_errors(PROVIDER, "get_sms_logs", "200", body) != []


def test_v1_logs_is_deprecated_and_logs_are_throttled() -> None:
    """/sms/1/logs is deprecated; both logs operations carry the 120/min throttling info."""
    for operation in ("get_sms_logs", "get_sms_logs_v1"):
        _, _, op = find_operation(PROVIDER, operation)
        assert op["x-throttling-info"] == {"type": "time", "numberOfRequests": 120, "timeUnit": "m"}
        assert "429" in op["responses"]
    assert find_operation(PROVIDER, "get_sms_logs_v1")[2]["deprecated"] is True
    assert "deprecated" not in find_operation(PROVIDER, "get_sms_logs")[2]


def test_logs_query_parameters() -> None:
    """Every documented v3 logs filter, with the cursor pair; arrays explode."""
    spec = load_spec(PROVIDER)
    _, _, op = find_operation(PROVIDER, "get_sms_logs")
    params = {}
    for ref in op["parameters"]:
        param = spec["components"]["parameters"][ref["$ref"].split("/")[-1]]
        params[param["name"]] = param
    assert set(params) == {
        "mcc",
        "mnc",
        "sender",
        "destination",
        "bulkId",
        "messageId",
        "generalStatus",
        "sentSince",
        "sentUntil",
        "limit",
        "entityId",
        "applicationId",
        "campaignReferenceId",
        "useCursor",
        "cursor",
    }
    for name in ("bulkId", "messageId", "campaignReferenceId"):
        assert params[name]["schema"]["type"] == "array"
        assert params[name]["explode"] is True
    assert params["limit"]["schema"]["maximum"] == 1000
    assert params["limit"]["schema"]["default"] == 50
