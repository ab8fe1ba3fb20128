"""specs/mailersend.yaml against every MailerSend doc example and live recording."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from openapi_spec_validator import OpenAPIV31SpecValidator, validate
from openapi_support import (
    find_operation,
    load_spec,
    response_errors,
    schema_validator,
    validate_response,
)

PROVIDER = "mailersend"
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEEDS = FIXTURES / "seeds" / PROVIDER
CASSETTES = FIXTURES / "recorded" / PROVIDER / "cassettes"
BASE = "https://api.mailersend.com/v1"

OPERATIONS = {
    "list_sms_activity": ("get", "/sms-activity"),
    "get_sms_message": ("get", "/sms-messages/{sms_message_id}"),
    "list_sms_messages": ("get", "/sms-messages"),
    "list_sms_recipients": ("get", "/sms-recipients"),
    "get_sms_recipient": ("get", "/sms-recipients/{sms_recipient_id}"),
    "update_sms_recipient": ("put", "/sms-recipients/{sms_recipient_id}"),
}
WEBHOOK_OPERATIONS = {
    "list_sms_webhooks": ("get", "/sms-webhooks"),
    "create_sms_webhook": ("post", "/sms-webhooks"),
    "get_sms_webhook": ("get", "/sms-webhooks/{sms_webhook_id}"),
    "update_sms_webhook": ("put", "/sms-webhooks/{sms_webhook_id}"),
    "delete_sms_webhook": ("delete", "/sms-webhooks/{sms_webhook_id}"),
}
# Recorded URL path (after /v1) → operationId, per method.
ROUTES = [
    ("GET", re.compile(r"/sms-activity"), "list_sms_activity"),
    ("GET", re.compile(r"/sms-messages/[^/]+"), "get_sms_message"),
    ("GET", re.compile(r"/sms-messages"), "list_sms_messages"),
    ("GET", re.compile(r"/sms-recipients/[^/]+"), "get_sms_recipient"),
    ("PUT", re.compile(r"/sms-recipients/[^/]+"), "update_sms_recipient"),
    ("GET", re.compile(r"/sms-recipients"), "list_sms_recipients"),
    ("GET", re.compile(r"/sms-webhooks"), "list_sms_webhooks"),
    ("POST", re.compile(r"/sms-webhooks"), "create_sms_webhook"),
    ("GET", re.compile(r"/sms-webhooks/[^/]+"), "get_sms_webhook"),
    ("PUT", re.compile(r"/sms-webhooks/[^/]+"), "update_sms_webhook"),
    ("DELETE", re.compile(r"/sms-webhooks/[^/]+"), "delete_sms_webhook"),
]

# Doc examples that conform: (fixture, operationId, status).
VALID_SEEDS = [
    ("sms_activity_list_200.json", "list_sms_activity", 200),
    ("sms_message_get_200.json", "get_sms_message", 200),
    ("sms_recipient_get_200.json", "get_sms_recipient", 200),
]


def _seed(name: str) -> Any:
    return json.loads((SEEDS / name).read_text(encoding="utf-8"))


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def _resolve(node: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
    """Follow one local ``$ref``; return the target and its pointer."""
    ref = node.get("$ref")
    if ref is None:
        return node, None
    target: Any = load_spec(PROVIDER)
    for part in ref.removeprefix("#/").split("/"):
        target = target[part.replace("~1", "/").replace("~0", "~")]
    return target, ref


def _route(method: str, uri: str) -> str:
    path = urlsplit(uri).path.removeprefix("/v1")
    for route_method, pattern, operation_id in ROUTES:
        if method == route_method and pattern.fullmatch(path):
            return operation_id
    raise LookupError(f"no operation for {method} {uri}")


def _interactions() -> list[Any]:
    params = []
    for cassette in sorted(CASSETTES.glob("*.yaml")):
        data = yaml.safe_load(cassette.read_text(encoding="utf-8"))
        for index, interaction in enumerate(data["interactions"]):
            params.append(pytest.param(interaction, id=f"{cassette.stem}[{index}]"))
    return params


INTERACTIONS = _interactions()


def _coerce(value: str, schema: dict[str, Any]) -> Any:
    """Turn a query/header string into the JSON type its schema declares."""
    schema, _ = _resolve(schema)
    return int(value) if schema.get("type") == "integer" else value


def _links() -> list[Any]:
    params = []
    for path, item in load_spec(PROVIDER)["paths"].items():
        for method, op in item.items():
            for status, response in op["responses"].items():
                response, _ = _resolve(response)
                for name, link in response.get("links", {}).items():
                    link_id = f"{op['operationId']}->{name}"
                    params.append(pytest.param(path, method, status, link, id=link_id))
    return params


def _schema_has_pointer(schema: dict[str, Any], tokens: list[str]) -> bool:
    """Whether a JSON pointer can address a value in documents of ``schema``."""
    schema, _ = _resolve(schema)
    if not tokens:
        return True
    head, rest = tokens[0], tokens[1:]
    if head.isdigit() and "items" in schema:
        return _schema_has_pointer(schema["items"], rest)
    prop = schema.get("properties", {}).get(head)
    return prop is not None and _schema_has_pointer(prop, rest)


# --- the spec itself ---------------------------------------------------------------------


def test_spec_is_valid_openapi_31() -> None:
    """The spec passes the OpenAPI 3.1 validator."""
    validate(load_spec(PROVIDER), cls=OpenAPIV31SpecValidator)


@pytest.mark.parametrize(("operation_id", "where"), {**OPERATIONS, **WEBHOOK_OPERATIONS}.items())
def test_operation_id_is_present(operation_id: str, where: tuple[str, str]) -> None:
    """Each expected operationId sits on its documented method and path."""
    path, method, _ = find_operation(PROVIDER, operation_id)
    assert (method, path) == where


def test_no_unexpected_operations() -> None:
    """The spec declares exactly the eleven expected operations."""
    found = {
        op["operationId"] for item in load_spec(PROVIDER)["paths"].values() for op in item.values()
    }
    assert found == set(OPERATIONS) | set(WEBHOOK_OPERATIONS)


@pytest.mark.parametrize("operation_id", [*OPERATIONS, *WEBHOOK_OPERATIONS])
def test_operation_is_documented(operation_id: str) -> None:
    """Each operation has a summary, a description and tags."""
    _, _, op = find_operation(PROVIDER, operation_id)
    assert op["summary"]
    assert op["description"]
    assert op["tags"]


@pytest.mark.parametrize(("path", "method", "status", "link"), _links())
def test_link_resolves(path: str, method: str, status: str, link: dict[str, Any]) -> None:
    """A link names an existing operation, fills its path parameters, and points at real data."""
    target_path, _, _ = find_operation(PROVIDER, link["operationId"])
    path_params = set(re.findall(r"{([^}]+)}", target_path))
    assert set(link["parameters"]) == path_params
    op = load_spec(PROVIDER)["paths"][path][method]
    declared = {_resolve(p)[0]["name"] for p in op.get("parameters", [])}
    for expression in link["parameters"].values():
        if expression.startswith("$request.path."):
            assert expression.removeprefix("$request.path.") in declared
        else:
            pointer = expression.removeprefix("$response.body#/")
            assert pointer != expression, expression
            schema = _resolve(op["responses"][status])[0]["content"]["application/json"]
            assert _schema_has_pointer(schema["schema"], pointer.split("/")), expression


@pytest.mark.parametrize(
    ("link_id", "target"),
    [
        ("list_sms_activity->get_sms_message", "get_sms_message"),
        ("list_sms_messages->get_sms_message", "get_sms_message"),
        ("list_sms_recipients->get_sms_recipient", "get_sms_recipient"),
        ("list_sms_recipients->update_sms_recipient", "update_sms_recipient"),
        ("update_sms_recipient->get_sms_recipient", "get_sms_recipient"),
        ("list_sms_webhooks->get_sms_webhook", "get_sms_webhook"),
        ("create_sms_webhook->get_sms_webhook", "get_sms_webhook"),
        ("create_sms_webhook->update_sms_webhook", "update_sms_webhook"),
        ("create_sms_webhook->delete_sms_webhook", "delete_sms_webhook"),
        ("update_sms_webhook->get_sms_webhook", "get_sms_webhook"),
        ("delete_sms_webhook->get_sms_webhook", "get_sms_webhook"),
    ],
)
def test_required_link_exists(link_id: str, target: str) -> None:
    """Lists link to get-by-id, create to get/update/delete, PUT and DELETE back to the GET."""
    links = {p.id: p.values[3]["operationId"] for p in _links()}
    assert links[link_id] == target


def test_status_filter_is_repeated_form_array() -> None:
    """``status[]`` is a form-exploded array, so each value becomes its own ``status[]`` key."""
    _, _, op = find_operation(PROVIDER, "list_sms_activity")
    param = next(p for p in op["parameters"] if p.get("name") == "status[]")
    assert (param["in"], param["style"], param["explode"]) == ("query", "form", True)
    assert param["schema"]["type"] == "array"


@pytest.mark.parametrize(
    ("name", "bounds"), [("Limit", (10, 100, 25)), ("Page", (1, 2**63 - 1, 1))]
)
def test_paging_parameter_bounds(name: str, bounds: tuple[int, int | None, int]) -> None:
    """``limit`` is 10..100 (default 25); ``page`` is 1..int64 max (default 1)."""
    schema = load_spec(PROVIDER)["components"]["parameters"][name]["schema"]
    assert (schema["minimum"], schema.get("maximum"), schema["default"]) == bounds


# --- vendor doc examples -----------------------------------------------------------------


@pytest.mark.parametrize(("fixture", "operation_id", "status"), VALID_SEEDS)
def test_seed_example_conforms(fixture: str, operation_id: str, status: int) -> None:
    """A doc example body matches its documented response schema."""
    validate_response(PROVIDER, operation_id, status, _seed(fixture))


def test_known_doc_error_recipient_list_example_is_not_json() -> None:
    """KNOWN DOC ERROR: the recipients-list example elides rows with a bare ``...``."""
    with pytest.raises(json.JSONDecodeError):
        _seed("sms_recipients_list_200.json")


def test_known_doc_error_recipient_list_example_shape() -> None:
    """KNOWN DOC ERROR: minus its ``...``, the list example has a bad timestamp, no links/meta."""
    text = (SEEDS / "sms_recipients_list_200.json").read_text(encoding="utf-8")
    body = json.loads(text.replace("},\n...\n]", "}\n]"))
    errors = response_errors(PROVIDER, "list_sms_recipients", 200, body)
    assert sorted(errors) == [
        "<root>: 'links' is a required property",
        "<root>: 'meta' is a required property",
        "data/0/created_at: '2022-01-01T12:00:0003.000000Z' is not a 'date-time'",
    ]


def test_known_doc_error_recipient_update_example_timestamp() -> None:
    """KNOWN DOC ERROR: the update example's ``created_at`` has a four-digit seconds field."""
    body = _seed("sms_recipient_update_200.json")
    errors = response_errors(PROVIDER, "update_sms_recipient", 200, body)
    assert errors == ["data/created_at: '2022-01-01T12:00:0003.000000Z' is not a 'date-time'"]


def test_seed_update_example_conforms_apart_from_timestamp() -> None:
    """The update example conforms once its malformed timestamp is the only difference."""
    body = _seed("sms_recipient_update_200.json")
    body["data"]["created_at"] = "2022-01-01T12:00:03.000000Z"
    validate_response(PROVIDER, "update_sms_recipient", 200, body)


# --- live recordings ---------------------------------------------------------------------


@pytest.mark.parametrize("interaction", INTERACTIONS)
def test_recorded_response_conforms(interaction: dict[str, Any]) -> None:
    """A recorded response body matches the schema of its operation and status."""
    request, response = interaction["request"], interaction["response"]
    operation_id = _route(request["method"], request["uri"])
    body = json.loads(response["body"]["string"])
    validate_response(PROVIDER, operation_id, response["status"]["code"], body)


@pytest.mark.parametrize("interaction", INTERACTIONS)
def test_recorded_headers_conform(interaction: dict[str, Any]) -> None:
    """Required response headers are present and every declared header's value conforms."""
    request, response = interaction["request"], interaction["response"]
    _, _, op = find_operation(PROVIDER, _route(request["method"], request["uri"]))
    declared, _ = _resolve(op["responses"][str(response["status"]["code"])])
    received = {k.lower(): v[0] for k, v in response["headers"].items()}
    for name, header_ref in declared.get("headers", {}).items():
        header, pointer = _resolve(header_ref)
        assert pointer is not None, "headers are shared components"
        if name.lower() not in received:
            assert not header.get("required"), f"missing required header {name}"
            continue
        value = _coerce(received[name.lower()], header["schema"])
        schema_validator(PROVIDER, f"{pointer}/schema").validate(value)


@pytest.mark.parametrize("interaction", INTERACTIONS)
def test_recorded_request_conforms(interaction: dict[str, Any]) -> None:
    """Each recorded query key is a declared parameter with a valid value; PUT bodies conform."""
    request = interaction["request"]
    operation_id = _route(request["method"], request["uri"])
    path, method, op = find_operation(PROVIDER, operation_id)
    base = f"#/paths/{_escape(path)}/{method}"
    params: dict[str, tuple[dict[str, Any], str]] = {}
    for index, param in enumerate(op.get("parameters", [])):
        target, ref = _resolve(param)
        params[target["name"]] = (target, f"{ref or f'{base}/parameters/{index}'}/schema")
    query = parse_qs(urlsplit(request["uri"]).query, keep_blank_values=True)
    for key, values in query.items():
        assert key in params, f"undeclared query parameter {key}"
        param, pointer = params[key]
        schema = param["schema"]
        value: Any = values if schema.get("type") == "array" else _coerce(values[0], schema)
        schema_validator(PROVIDER, pointer).validate(value)
    if request["body"] is not None:
        pointer = f"{base}/requestBody/content/application~1json/schema"
        schema_validator(PROVIDER, pointer).validate(json.loads(request["body"]))


def test_recordings_cover_every_operation() -> None:
    """The Python SDK's cassettes exercise the six delivery-tracking operations."""
    seen = {
        _route(p.values[0]["request"]["method"], p.values[0]["request"]["uri"])
        for p in INTERACTIONS
    }
    assert seen == set(OPERATIONS)


# --- the schema has teeth ----------------------------------------------------------------


def _activity_page() -> dict[str, Any]:
    body: dict[str, Any] = _seed("sms_activity_list_200.json")
    return body


def test_unknown_activity_status_is_accepted() -> None:
    """An activity status the docs do not list still validates (forward compatibility)."""
    body = _activity_page()
    body["data"][0]["status"] = "rejected_by_carrier"
    validate_response(PROVIDER, "list_sms_activity", 200, body)


def test_unknown_recipient_status_is_accepted() -> None:
    """A recipient status the docs do not list still validates in responses."""
    body = _seed("sms_recipient_get_200.json")
    body["data"]["status"] = "blocked"
    validate_response(PROVIDER, "get_sms_recipient", 200, body)


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        pytest.param(
            lambda b: b["data"][0].pop("sms_message_id"),
            "data/0: 'sms_message_id' is a required property",
            id="missing-sms_message_id",
        ),
        pytest.param(
            lambda b: b["data"][0].update(status=3),
            "data/0/status: 3 is not valid under any of the given schemas",
            id="status-not-string",
        ),
        pytest.param(
            lambda b: b["data"][0].update(created_at="2022-02-21 08:15:46"),
            "data/0/created_at: '2022-02-21 08:15:46' is not a 'date-time'",
            id="created_at-not-rfc3339",
        ),
        pytest.param(
            lambda b: b["meta"].update(per_page="ten"),
            "meta/per_page: 'ten' is not valid under any of the given schemas",
            id="per_page-not-digits",
        ),
        pytest.param(
            lambda b: b["meta"].pop("current_page"),
            "meta: 'current_page' is a required property",
            id="missing-current_page",
        ),
        pytest.param(
            lambda b: b["links"].update(next=5),
            "links/next: 5 is not of type 'string', 'null'",
            id="next-not-url",
        ),
    ],
)
def test_broken_activity_page_is_rejected(mutate: Any, expected: str) -> None:
    """A broken activity page is rejected with the expected error."""
    body = _activity_page()
    mutate(body)
    assert response_errors(PROVIDER, "list_sms_activity", 200, body) == [expected]


@pytest.mark.parametrize("per_page", [10, "10", 25])
def test_per_page_accepts_int_or_digit_string(per_page: int | str) -> None:
    """``meta.per_page`` may be an integer or a string of digits, as recorded."""
    body = _activity_page()
    body["meta"]["per_page"] = per_page
    validate_response(PROVIDER, "list_sms_activity", 200, body)


def test_message_sms_wrong_type_is_rejected() -> None:
    """A per-recipient ``segment_count`` sent as a string is rejected."""
    body = _seed("sms_message_get_200.json")
    body["data"]["sms"][0]["segment_count"] = "1"
    assert response_errors(PROVIDER, "get_sms_message", 200, body) == [
        "data/sms/0/segment_count: '1' is not of type 'integer'"
    ]


def test_message_to_must_be_array() -> None:
    """``data.to`` of a message is an array of numbers, not one string."""
    body = _seed("sms_message_get_200.json")
    body["data"]["to"] = "+16203221059"
    assert response_errors(PROVIDER, "get_sms_message", 200, body) == [
        "data/to: '+16203221059' is not of type 'array'"
    ]


def test_messages_list_needs_length_aware_meta() -> None:
    """A simple-paginator page is rejected for ``list_sms_messages``, which reports totals."""
    body = copy.deepcopy(_activity_page())
    body["data"] = []
    errors = response_errors(PROVIDER, "list_sms_messages", 200, body)
    assert "meta: 'total' is a required property" in errors
    assert "links/last: None is not of type 'string'" in errors


def test_validation_error_needs_field_errors() -> None:
    """A 422 body needs ``errors`` mapping fields to lists of messages."""
    good = {
        "message": "The status field is required. (and 1 more error)",
        "errors": {"status": ["The status field is required."], "x": ["Bad."]},
    }
    validate_response(PROVIDER, "update_sms_recipient", 422, good)
    assert response_errors(PROVIDER, "update_sms_recipient", 422, {"message": "x"}) == [
        "<root>: 'errors' is a required property"
    ]
    bad = {"message": "x", "errors": {"status": "required"}}
    assert response_errors(PROVIDER, "update_sms_recipient", 422, bad) == [
        "errors/status: 'required' is not of type 'array'"
    ]


def test_not_found_body_needs_message() -> None:
    """A 404 body without ``message`` is rejected."""
    assert response_errors(PROVIDER, "get_sms_message", 404, {}) == [
        "<root>: 'message' is a required property"
    ]


@pytest.mark.parametrize(
    ("body", "valid"),
    [
        ({"status": "active"}, True),
        ({"status": "opt_out"}, True),
        ({"status": "blocked"}, False),
        ({}, False),
        ({"status": "active", "number": "+1"}, False),
    ],
)
def test_update_request_body(body: dict[str, Any], valid: bool) -> None:
    """The PUT body takes exactly one known ``status``."""
    _, _, op = find_operation(PROVIDER, "update_sms_recipient")
    ref = op["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    assert schema_validator(PROVIDER, ref).is_valid(body) is valid


# --- SMS webhooks: recordings, documented examples, bounds ----------------------------------

WEBHOOK_RECORDINGS = json.loads(
    (FIXTURES / "recorded" / PROVIDER / "sms_webhooks.json").read_text(encoding="utf-8")
)["interactions"]
_WEBHOOK_EXCHANGES = [pytest.param(i, id=i["name"]) for i in WEBHOOK_RECORDINGS]


def _request_schema(operation_id: str) -> str:
    path, method, _ = find_operation(PROVIDER, operation_id)
    return f"#/paths/{_escape(path)}/{method}/requestBody/content/application~1json/schema"


@pytest.mark.parametrize("exchange", _WEBHOOK_EXCHANGES)
def test_recorded_webhook_exchange_conforms(exchange: dict[str, Any]) -> None:
    """A recorded SMS-webhook response (status, body, quota headers) and its request conform."""
    request, response = exchange["request"], exchange["response"]
    operation_id = _route(request["method"], request["uri"])
    _, _, op = find_operation(PROVIDER, operation_id)
    declared, _ = _resolve(op["responses"][str(response["status"])])
    if response["body"]:
        validate_response(PROVIDER, operation_id, response["status"], json.loads(response["body"]))
    else:
        assert "content" not in declared, "an empty recorded body must be declared bodiless"
    for name, header_ref in declared.get("headers", {}).items():
        header, pointer = _resolve(header_ref)
        value = _coerce(response["headers"][name], header["schema"])
        schema_validator(PROVIDER, f"{pointer}/schema").validate(value)
    if request["body"] is not None:
        schema_validator(PROVIDER, _request_schema(operation_id)).validate(
            json.loads(request["body"])
        )


def test_webhook_recordings_cover_every_webhook_operation() -> None:
    """The recorded exchanges exercise all five SMS-webhook operations."""
    seen = {_route(i["request"]["method"], i["request"]["uri"]) for i in WEBHOOK_RECORDINGS}
    assert seen == set(WEBHOOK_OPERATIONS)


def test_recorded_webhook_bodies_escape_slashes() -> None:
    r"""Recorded URLs carry PHP's ``\/`` escapes, which decode to plain URLs."""
    body = next(i for i in WEBHOOK_RECORDINGS if i["name"] == "ruby-add")["response"]["body"]
    assert "https:\\/\\/mailersend.net" in body
    assert json.loads(body)["data"]["url"] == "https://mailersend.net/webhook"


def _documented_examples(node: Any, pointer: str) -> list[Any]:
    """Every ``examples`` list in a schema tree, with the pointer of the schema that has it."""
    found = []
    if isinstance(node, dict):
        if isinstance(node.get("examples"), list) and "in" not in node:
            found += [
                pytest.param(pointer, example, id=f"{pointer}[{index}]")
                for index, example in enumerate(node["examples"])
            ]
        for key, value in node.items():
            found += _documented_examples(value, f"{pointer}/{_escape(str(key))}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _documented_examples(value, f"{pointer}/{index}")
    return found


_WEBHOOK_PATHS = {path for _, path in WEBHOOK_OPERATIONS.values()}
SPEC_EXAMPLES = [
    *[
        p
        for path in sorted(_WEBHOOK_PATHS)
        for p in _documented_examples(
            load_spec(PROVIDER)["paths"][path], f"#/paths/{_escape(path)}"
        )
    ],
    *[
        p
        for name in sorted(load_spec(PROVIDER)["components"]["schemas"])
        if name.startswith("SmsWebhook") or name == "SmsNumber"
        for p in _documented_examples(
            load_spec(PROVIDER)["components"]["schemas"][name], f"#/components/schemas/{name}"
        )
    ],
    *[
        p
        for name in ("SmsWebhookNumberId", "SmsWebhookId")
        for p in _documented_examples(
            load_spec(PROVIDER)["components"]["parameters"][name]["schema"],
            f"#/components/parameters/{name}/schema",
        )
    ],
]


def test_every_webhook_schema_has_examples_to_check() -> None:
    """The create and update bodies and the path/query parameters carry documented examples."""
    pointers = {p.values[0] for p in SPEC_EXAMPLES}
    assert {
        "#/components/schemas/SmsWebhookCreate",
        "#/components/schemas/SmsWebhookUpdate",
        "#/components/parameters/SmsWebhookId/schema",
        "#/components/parameters/SmsWebhookNumberId/schema",
    } <= pointers


@pytest.mark.parametrize(("pointer", "example"), SPEC_EXAMPLES)
def test_spec_webhook_example_conforms(pointer: str, example: Any) -> None:
    """Every example the spec gives for the SMS-webhook schemas validates against its schema."""
    schema_validator(PROVIDER, pointer).validate(example)


def _create(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = json.loads(
        next(i for i in WEBHOOK_RECORDINGS if i["name"] == "ruby-add")["request"]["body"]
    )
    body.update(changes)
    return {k: v for k, v in body.items() if v is not None}


@pytest.mark.parametrize(
    ("body", "valid"),
    [
        (_create(), True),
        (_create(enabled=False), True),
        (_create(name="n" * 191), True),
        (_create(name="n" * 192), False),
        (_create(name=""), False),
        (_create(events=[]), False),
        (_create(events=["sms.sent", "webhook.test"]), False),
        (_create(url="https://hooks.example.com:8443/a/b?c=d#e"), True),
        (_create(url="http://localhost"), True),
        (_create(url="ftp://example.com"), False),
        (_create(url="https://exa mple.com"), False),
        (_create(url="example.com/hook"), False),
        (_create(enabled="true"), False),
        (_create(sms_number_id=""), False),
        ({"url": "https://a.b", "name": "n", "events": ["sms.sent"]}, False),
    ],
)
def test_create_body_rules(body: dict[str, Any], valid: bool) -> None:
    """The create body needs url/name/events/number: a URL, 1-191 chars, at least one event."""
    assert schema_validator(PROVIDER, _request_schema("create_sms_webhook")).is_valid(body) is valid


@pytest.mark.parametrize(
    ("body", "valid"),
    [
        ({}, True),
        ({"events": []}, True),
        ({"enabled": False, "name": "n" * 191}, True),
        ({"name": "n" * 192}, False),
        ({"url": "mailto:a@b.c"}, False),
        ({"events": ["sms.queued"]}, False),
        ({"sms_number_id": "ignored"}, True),
    ],
)
def test_update_body_rules(body: dict[str, Any], valid: bool) -> None:
    """The update body takes any subset; ``events: []`` is allowed, as recorded."""
    assert schema_validator(PROVIDER, _request_schema("update_sms_webhook")).is_valid(body) is valid


def _webhook_list() -> dict[str, Any]:
    body: dict[str, Any] = json.loads(
        next(i for i in WEBHOOK_RECORDINGS if i["name"] == "ruby-list")["response"]["body"]
    )
    return body


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        pytest.param(
            lambda b: b["data"][0].pop("sms_number"),
            "data/0: 'sms_number' is a required property",
            id="missing-sms_number",
        ),
        pytest.param(
            lambda b: b["data"][0].update(events="sms.sent"),
            "data/0/events: 'sms.sent' is not of type 'array'",
            id="events-not-array",
        ),
        pytest.param(
            lambda b: b["data"][0].update(enabled="yes"),
            "data/0/enabled: 'yes' is not of type 'boolean'",
            id="enabled-not-boolean",
        ),
        pytest.param(
            lambda b: b["meta"].pop("total"),
            "meta: 'total' is a required property",
            id="simple-paginator-meta",
        ),
    ],
)
def test_broken_webhook_list_is_rejected(mutate: Any, expected: str) -> None:
    """A broken webhook list is rejected with the expected error."""
    body = _webhook_list()
    mutate(body)
    assert response_errors(PROVIDER, "list_sms_webhooks", 200, body) == [expected]


@pytest.mark.parametrize("change", [{"per_page": "25"}, {"per_page": 25}])
def test_webhook_list_per_page_int_or_string(change: dict[str, Any]) -> None:
    """``meta.per_page`` was ``"25"`` in 2022 and ``25`` in 2024: both conform."""
    body = _webhook_list()
    body["meta"].update(change)
    validate_response(PROVIDER, "list_sms_webhooks", 200, body)


def test_webhook_events_are_open_in_responses_and_empty_allowed() -> None:
    """Responses pass unknown event names and an empty list through (requests do not)."""
    body = _webhook_list()
    body["data"][0]["events"] = ["sms.queued"]
    validate_response(PROVIDER, "list_sms_webhooks", 200, body)
    body["data"][0]["events"] = []
    validate_response(PROVIDER, "list_sms_webhooks", 200, body)


def test_webhook_responses_have_no_secret_field() -> None:
    """No SMS-webhook schema declares a signing secret: no recorded response has one."""
    schemas = load_spec(PROVIDER)["components"]["schemas"]
    for name, schema in schemas.items():
        if name.startswith("SmsWebhook"):
            assert not {"secret", "signing_secret"} & set(schema.get("properties", {}))


def test_list_webhooks_requires_the_number() -> None:
    """``sms_number_id`` is a required query parameter of the webhook list."""
    _, _, op = find_operation(PROVIDER, "list_sms_webhooks")
    number = _resolve(op["parameters"][0])[0]
    assert (number["name"], number["in"], number["required"]) == ("sms_number_id", "query", True)
