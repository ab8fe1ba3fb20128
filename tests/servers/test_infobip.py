import asyncio
import base64
import json
import re
from collections import Counter
from collections.abc import Iterator, MutableMapping
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from dlrkit_servers import create_app
from dlrkit_servers.infobip import DEFAULT_REPORTS, InfobipServer, create_server
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openapi_support import check_response, find_operation, schema_validator, validate_response
from waiting import pages

from servers import strategies
from servers.asgi_client import AppClient

PROVIDER = "infobip"
OPERATION = "get_sms_delivery_reports"
PATH = "/sms/1/reports"
KNOWN_PATHS = {PATH, "/sms/3/reports", "/sms/1/logs", "/sms/3/logs"}
TOKEN = "ib-test-key"  # noqa: S105 -- a test credential
PASSWORD = "s3cret"  # noqa: S105 -- a test credential
AUTH = {"Authorization": f"App {TOKEN}"}
NOW = datetime(2019, 11, 11, 16, 0, tzinfo=UTC)
ORIGIN = "https://xxxxx.api.infobip.test"
TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000")
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# The fact sheet's status table (id -> name, group id), written out here independently.
STATUS_TABLE = {
    0: ("MESSAGE_ACCEPTED", 0),
    1: ("PENDING_TIME_VIOLATION", 1),
    3: ("PENDING_WAITING_DELIVERY", 1),
    7: ("PENDING_ENROUTE", 1),
    26: ("PENDING_ACCEPTED", 1),
    4: ("UNDELIVERABLE_REJECTED_OPERATOR", 2),
    9: ("UNDELIVERABLE_NOT_DELIVERED", 2),
    2: ("DELIVERED_TO_OPERATOR", 3),
    5: ("DELIVERED_TO_HANDSET", 3),
    15: ("EXPIRED_EXPIRED", 4),
    22: ("EXPIRED_UNKNOWN", 4),
    29: ("EXPIRED_DLR_UNKNOWN", 4),
    6: ("REJECTED_NETWORK", 5),
    8: ("REJECTED_PREFIX_MISSING", 5),
    10: ("REJECTED_DND", 5),
    11: ("REJECTED_SOURCE", 5),
    12: ("REJECTED_NOT_ENOUGH_CREDITS", 5),
    13: ("REJECTED_SENDER", 5),
    14: ("REJECTED_DESTINATION", 5),
    16: ("REJECTED_NOT_REACHABLE", 5),
    17: ("REJECTED_PREPAID_PACKAGE_EXPIRED", 5),
    18: ("REJECTED_DESTINATION_NOT_REGISTERED", 5),
    19: ("REJECTED_ROUTE_NOT_AVAILABLE", 5),
    20: ("REJECTED_FLOODING_FILTER", 5),
    21: ("REJECTED_SYSTEM_ERROR", 5),
    23: ("REJECTED_DUPLICATE_MESSAGE_ID", 5),
    24: ("REJECTED_INVALID_UDH", 5),
    25: ("REJECTED_MESSAGE_TOO_LONG", 5),
    28: ("REJECTED_NOT_SENT", 5),
    51: ("MISSING_TO", 5),
}
STATUS_GROUPS = {
    0: "ACCEPTED",
    1: "PENDING",
    2: "UNDELIVERABLE",
    3: "DELIVERED",
    4: "EXPIRED",
    5: "REJECTED",
}
ERROR_GROUPS = {0: {"Ok", "OK"}, 1: {"HANDSET_ERRORS"}, 2: {"USER_ERRORS"}, 3: {"OPERATOR_ERRORS"}}
PARAMETERS = ("bulkId", "messageId", "limit", "applicationId", "entityId", "campaignReferenceId")


def documented_statuses() -> set[int]:
    """Return the status codes the spec declares for the operation."""
    _, _, operation = find_operation(PROVIDER, OPERATION)
    return {int(code) for code in operation["responses"]}


def check(response: httpx.Response) -> Any:
    """Assert a response of the operation is documented (status, JSON, schema); return its body."""
    assert response.headers["content-type"] == "application/json"
    check_response(PROVIDER, OPERATION, response)
    return response.json()


def check_envelope(response: httpx.Response, status: int, message_id: str) -> dict[str, Any]:
    """Assert an error outside the operation (404, 405) still has Infobip's error envelope."""
    assert response.status_code == status
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    schema_validator(PROVIDER, "#/components/schemas/ApiErrorResponse").validate(body)
    exception: dict[str, Any] = body["requestError"]["serviceException"]
    assert exception["messageId"] == message_id
    return exception


def results(client: AppClient, **params: Any) -> list[dict[str, Any]]:
    """One successful, checked batch."""
    response = client.get(PATH, params=params, headers=AUTH)
    assert response.status_code == 200, response.text
    found: list[dict[str, Any]] = check(response)["results"]
    return found


def drain_all(client: AppClient, **params: Any) -> list[list[dict[str, Any]]]:
    """Every batch until the first empty one (which is not included)."""
    batches: list[list[dict[str, Any]]] = []
    for _ in pages():  # a queue that never empties fails instead of looping
        batch = results(client, **params)
        if not batch:
            return batches
        batches.append(batch)
    raise AssertionError("unreachable: pages() raises first")


def bad_request(response: httpx.Response) -> dict[str, list[str]]:
    """Assert a documented BAD_REQUEST; return its ``validationErrors``."""
    assert response.status_code == 400, response.text
    exception = check(response)["requestError"]["serviceException"]
    assert (exception["messageId"], exception["text"]) == ("BAD_REQUEST", "Bad request")
    errors: dict[str, list[str]] = exception["validationErrors"]
    return errors


@pytest.fixture(scope="module")
def shared() -> InfobipServer:
    """Build a server that only read-only tests (and refused requests) use."""
    return create_server(token=TOKEN, seed=3, now=NOW)


@pytest.fixture(scope="module")
def reports(shared: InfobipServer) -> list[dict[str, Any]]:
    """Every report body of the shared server."""
    return [report.body for report in shared.store.reports]


@pytest.fixture
def server() -> InfobipServer:
    """Build a fresh server (for tests that drain)."""
    return create_server(token=TOKEN, seed=3, now=NOW)


@pytest.fixture
def client(server: InfobipServer) -> Iterator[AppClient]:
    """Open a client of the fresh server."""
    with AppClient(server.app, base_url=ORIGIN) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def reader(shared: InfobipServer) -> Iterator[AppClient]:
    """Open a client of the shared server."""
    with AppClient(shared.app, base_url=ORIGIN) as test_client:
        yield test_client


# Data set


def test_default_data_set_size(reports: list[dict[str, Any]]) -> None:
    """The default server holds 500 reports with distinct message ids."""
    assert len(reports) == DEFAULT_REPORTS == 500
    assert len({report["messageId"] for report in reports}) == 500


def test_every_report_matches_the_schema(reports: list[dict[str, Any]]) -> None:
    """Every stored report is a valid SmsReport."""
    validator = schema_validator(PROVIDER, "#/components/schemas/SmsReport")
    for report in reports:
        validator.validate(report)


def test_every_documented_status_appears(reports: list[dict[str, Any]]) -> None:
    """Each status of the fact sheet appears with its id, name, group id and group name."""
    seen = {
        report["status"]["id"]: (
            report["status"]["name"],
            report["status"]["groupId"],
            report["status"]["groupName"],
        )
        for report in reports
    }
    expected = {
        key: (name, group, STATUS_GROUPS[group]) for key, (name, group) in STATUS_TABLE.items()
    }
    assert seen == expected


def test_rejected_statuses_carry_actions(reports: list[dict[str, Any]]) -> None:
    """Some REJECTED statuses say what to do (``action``); no other group does."""
    with_action = {r["status"]["groupId"] for r in reports if "action" in r["status"]}
    assert with_action == {5}


def test_errors_cover_every_group_and_permanence(reports: list[dict[str, Any]]) -> None:
    """Errors span OK (both spellings), HANDSET, USER and OPERATOR, permanent or not."""
    spellings = {(r["error"]["groupId"], r["error"]["groupName"]) for r in reports}
    assert spellings == {(g, name) for g, names in ERROR_GROUPS.items() for name in names}
    for group in (1, 2, 3):
        flags = {r["error"]["permanent"] for r in reports if r["error"]["groupId"] == group}
        assert flags == {True, False}, group
    no_error = [r["error"] for r in reports if r["error"]["groupId"] == 0]
    assert all(e["id"] == 0 and e["name"] == "NO_ERROR" and not e["permanent"] for e in no_error)


def test_errors_agree_with_statuses(reports: list[dict[str, Any]]) -> None:
    """Delivered and pending messages carry no error; failed ones carry a real one."""
    for report in reports:
        failed = report["status"]["groupId"] in (2, 4, 5)
        assert (report["error"]["id"] != 0) == failed, report


def test_bulks_multipart_and_single_sends(reports: list[dict[str, Any]]) -> None:
    """Reports span several bulks plus single sends, and some messages have several parts."""
    bulks = Counter(report.get("bulkId") for report in reports)
    assert None in bulks
    assert len(bulks) - 1 >= 5
    parts = {report["smsCount"] for report in reports}
    assert 1 in parts
    assert max(parts) > 1


def test_addresses_prices_and_timestamps(reports: list[dict[str, Any]]) -> None:
    """``to`` has no '+', prices are per part in EUR (0 if rejected), timestamps end in +0000."""
    for report in reports:
        assert report["to"].isdigit()
        assert report["price"]["currency"] == "EUR"
        assert (report["price"]["pricePerMessage"] == 0) == (report["status"]["groupId"] == 5)
        assert TIMESTAMP.fullmatch(report["sentAt"])
        assert TIMESTAMP.fullmatch(report["doneAt"])
        assert report["sentAt"] <= report["doneAt"]


def test_reports_are_done_in_the_last_48_hours(shared: InfobipServer) -> None:
    """Every report was done within the 48 hours before ``now``, in arrival order."""
    done = [report.body["doneAt"] for report in shared.store.reports]
    assert done == sorted(done)
    low = NOW - timedelta(hours=48)
    for text in (done[0], done[-1]):
        moment = datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%f%z")
        assert low <= moment <= NOW


def test_same_seed_same_data() -> None:
    """A data set is a pure function of seed, now and size."""

    def bodies(seed: int) -> list[dict[str, Any]]:
        server = create_server(token=TOKEN, seed=seed, now=NOW, reports=60)
        return [report.body for report in server.store.reports]

    assert bodies(5) == bodies(5)
    assert bodies(5) != bodies(6)


def test_sample_ids_select_reports(shared: InfobipServer) -> None:
    """Every sample filter value selects at least one stored report."""
    attributes = {
        "messageId": "message_id",
        "bulkId": "bulk_id",
        "applicationId": "application_id",
        "entityId": "entity_id",
        "campaignReferenceId": "campaign_reference_id",
    }
    assert set(shared.sample_ids) == set(attributes)
    for key, values in shared.sample_ids.items():
        assert values
        for value in values:
            assert any(getattr(r, attributes[key]) == value for r in shared.store.reports)


# The drain


def test_default_limit_drains_in_batches_of_50(client: AppClient, server: InfobipServer) -> None:
    """Without ``limit`` each call returns the next 50 reports, then an empty list."""
    batches = drain_all(client)
    assert [len(batch) for batch in batches] == [50] * 10
    ids = [report["messageId"] for batch in batches for report in batch]
    assert ids == [report.message_id for report in server.store.reports]
    assert results(client) == []
    assert server.store.pending == 0


@pytest.mark.parametrize(("limit", "sizes"), [(1, [1] * 7), (3, [3, 3, 1]), (1000, [7])])
def test_limit_caps_each_batch(limit: int, sizes: list[int]) -> None:
    """``limit`` bounds a batch; the last batch holds what is left."""
    server = create_server(token=TOKEN, seed=1, now=NOW, reports=7)
    with AppClient(server.app, base_url=ORIGIN) as client:
        assert [len(b) for b in drain_all(client, limit=limit)] == sizes


def test_limit_1000_takes_up_to_1000() -> None:
    """The maximum limit returns 1000 reports when more are waiting."""
    server = create_server(token=TOKEN, seed=1, now=NOW, reports=1200)
    with AppClient(server.app, base_url=ORIGIN) as client:
        assert [len(b) for b in drain_all(client, limit=1000)] == [1000, 200]


def test_bulk_filter_takes_only_that_bulk(client: AppClient, server: InfobipServer) -> None:
    """``bulkId`` returns only that bulk's reports and leaves every other report waiting."""
    bulk = server.sample_ids["bulkId"][0]
    size = sum(report.bulk_id == bulk for report in server.store.reports)
    taken = [r for batch in drain_all(client, bulkId=bulk, limit=7) for r in batch]
    assert len(taken) == size
    assert {report["bulkId"] for report in taken} == {bulk}
    assert server.store.pending == 500 - size
    rest = [r for batch in drain_all(client, limit=1000) for r in batch]
    assert bulk not in {report.get("bulkId") for report in rest}


def test_message_filter_returns_one_report_once(client: AppClient, server: InfobipServer) -> None:
    """``messageId`` returns that one report, and nothing when asked again."""
    message = server.sample_ids["messageId"][0]
    first = results(client, messageId=message)
    assert [report["messageId"] for report in first] == [message]
    assert results(client, messageId=message) == []
    assert server.store.pending == 499


@pytest.mark.parametrize(
    ("param", "attribute"),
    [
        ("applicationId", "application_id"),
        ("entityId", "entity_id"),
        ("campaignReferenceId", "campaign_reference_id"),
    ],
)
def test_platform_filters(
    client: AppClient, server: InfobipServer, param: str, attribute: str
) -> None:
    """``applicationId``, ``entityId`` and ``campaignReferenceId`` select matching reports."""
    value = server.sample_ids[param][0]
    expected = [r.message_id for r in server.store.reports if getattr(r, attribute) == value]
    taken = [r["messageId"] for batch in drain_all(client, **{param: value}) for r in batch]
    assert taken == expected
    assert server.store.pending == 500 - len(expected)


def test_filters_combine(client: AppClient, server: InfobipServer) -> None:
    """Several filters must all match."""
    report = next(r for r in server.store.reports if r.bulk_id and r.application_id)
    assert report.application_id is not None
    taken = results(
        client, bulkId=report.bulk_id, messageId=report.message_id, applicationId="other"
    )
    assert taken == []
    taken = results(
        client,
        bulkId=report.bulk_id,
        messageId=report.message_id,
        applicationId=report.application_id,
    )
    assert [r["messageId"] for r in taken] == [report.message_id]


@pytest.mark.parametrize(
    "params", [{"bulkId": "BULK-ID-123-xyz"}, {"messageId": "nope"}, {"entityId": ""}]
)
def test_unmatched_filters_return_nothing_and_take_nothing(
    client: AppClient, server: InfobipServer, params: dict[str, str]
) -> None:
    """A filter that matches no report yields ``results: []`` and drains nothing."""
    assert results(client, **params) == []
    assert server.store.pending == 500


def test_unknown_parameters_are_ignored(client: AppClient, server: InfobipServer) -> None:
    """Unknown query parameters are ignored, as on the real API."""
    assert len(results(client, limit=2, sentSince="2019-11-09", foo="bar")) == 2


def test_concurrent_requests_never_share_a_report(server: InfobipServer) -> None:
    """Under concurrent requests each report is handed out exactly once."""

    async def run() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=server.app)
        async with httpx.AsyncClient(transport=transport, base_url=ORIGIN) as http:
            calls = [http.get(PATH, params={"limit": 17}, headers=AUTH) for _ in range(40)]
            return await asyncio.gather(*calls)

    responses = asyncio.run(run())
    ids = [r["messageId"] for response in responses for r in check(response)["results"]]
    assert len(ids) == len(set(ids)) == 500
    assert server.store.pending == 0


def test_refill_makes_every_report_fetchable_again(
    client: AppClient, server: InfobipServer
) -> None:
    """``refill`` restores the whole queue after a drain."""
    first = drain_all(client, limit=1000)
    server.refill()
    assert drain_all(client, limit=1000) == first


def test_new_reports_arrive_after_a_drain(client: AppClient, server: InfobipServer) -> None:
    """``add_reports`` simulates arrivals: the next call returns exactly the new reports."""
    drain_all(client, limit=1000)
    added = server.add_reports(12)
    assert len(set(added)) == 12
    assert not set(added) & {r.message_id for r in server.store.reports[:500]}
    assert [r["messageId"] for r in results(client, limit=1000)] == added
    assert results(client) == []


def test_empty_server_returns_empty_results() -> None:
    """A server built with ``reports=0`` answers with an empty batch."""
    server = create_server(token=TOKEN, now=NOW, reports=0)
    assert server.sample_ids == {}
    with AppClient(server.app, base_url=ORIGIN) as client:
        assert results(client) == []


# Auth


@pytest.mark.parametrize(
    "header",
    [
        None,
        "",
        "App",
        "App wrong-key",
        f"App {TOKEN}x",
        f"Bearer {TOKEN}",
        TOKEN,
        "Basic " + base64.b64encode(b"user:pass").decode(),
    ],
)
def test_bad_credentials_are_401(
    client: AppClient, server: InfobipServer, header: str | None
) -> None:
    """Missing or wrong credentials get UNAUTHORIZED "Invalid login details" and drain nothing."""
    headers = {} if header is None else {"Authorization": header}
    response = client.get(PATH, headers=headers)
    assert response.status_code == 401
    exception = check(response)["requestError"]["serviceException"]
    assert exception == {"messageId": "UNAUTHORIZED", "text": "Invalid login details"}
    assert server.store.pending == 500


def test_app_scheme_is_case_insensitive(client: AppClient) -> None:
    """The ``App`` scheme name matches in any letter case (RFC 9110)."""
    response = client.get(PATH, headers={"Authorization": f"app {TOKEN}"})
    assert response.status_code == 200


def test_basic_auth_when_configured() -> None:
    """With a username and password, Basic works too, and App still does."""
    server = create_server(token=TOKEN, now=NOW, reports=5, username="ib-user", password=PASSWORD)

    def basic(user: str, password: str) -> dict[str, str]:
        return {
            "Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
        }

    with AppClient(server.app, base_url=ORIGIN) as client:
        assert client.get(PATH, params={"limit": 1}, headers=basic("ib-user", PASSWORD)).is_success
        assert client.get(PATH, params={"limit": 1}, headers=AUTH).is_success
        for headers in (basic("ib-user", "wrong"), basic("other", PASSWORD), {}):
            assert check(client.get(PATH, headers=headers))["requestError"]
        assert server.store.pending == 3


@pytest.mark.parametrize(
    "kwargs",
    [{"username": "u"}, {"password": "p"}, {"username": "a:b", "password": "p"}, {"reports": -1}],
)
def test_bad_factory_arguments(kwargs: dict[str, Any]) -> None:
    """Half-configured Basic, a ':' in the username or a negative size is a ValueError."""
    with pytest.raises(ValueError, match=r"username|password|reports") as raised:
        create_server(token=TOKEN, **kwargs)
    assert TOKEN not in str(raised.value)


def test_registry_builds_the_server() -> None:
    """``create_app("infobip", token=...)`` builds this server with the default data set."""
    server = create_app("infobip", token=TOKEN, seed=3, now=NOW)
    assert isinstance(server, InfobipServer)
    assert len(server.store.reports) == DEFAULT_REPORTS
    assert "messageId" in server.describe(ORIGIN)


# Errors


@pytest.mark.parametrize(
    ("params", "fields"),
    [
        ({"limit": "0"}, {"limit"}),
        ({"limit": "1001"}, {"limit"}),
        ({"limit": "-5"}, {"limit"}),
        ({"limit": "abc"}, {"limit"}),
        ({"limit": ""}, {"limit"}),
        ({"limit": "1.5"}, {"limit"}),
        ({"limit": "9" * 50}, {"limit"}),
        ({"limit": ["1", "2"]}, {"limit"}),
        ({"bulkId": ["a", "b"]}, {"bulkId"}),
        ({"messageId": ["a", "a"]}, {"messageId"}),
        ({"applicationId": "a" * 256}, {"applicationId"}),
        ({"entityId": "e" * 256}, {"entityId"}),
        ({"campaignReferenceId": ["x", "y"]}, {"campaignReferenceId"}),
        (
            {"limit": "0", "entityId": "e" * 300, "bulkId": ["a", "b"]},
            {"limit", "entityId", "bulkId"},
        ),
    ],
)
def test_bad_input_is_400_and_drains_nothing(
    reader: AppClient, shared: InfobipServer, params: dict[str, Any], fields: set[str]
) -> None:
    """Every bad parameter is named in ``validationErrors`` and no report is consumed."""
    errors = bad_request(reader.get(PATH, params=params, headers=AUTH))
    assert set(errors) == fields
    for field, messages in errors.items():
        assert all(message.startswith(field) for message in messages)
    assert shared.store.pending == 500


def test_platform_ids_of_255_characters_are_accepted(reader: AppClient) -> None:
    """255 characters is the largest accepted applicationId/entityId."""
    params = {"applicationId": "a" * 255, "entityId": "e" * 255}
    assert results(reader, **params) == []


def test_limit_bounds_are_accepted(client: AppClient) -> None:
    """``limit`` 1 and 1000 (also as ``+1`` and ``01``) are valid."""
    for limit in ("1", "+1", "01", "1000"):
        assert results(client, limit=limit)


def test_oversized_body_is_400(reader: AppClient, shared: InfobipServer) -> None:
    """A body over the server's limit on a GET is refused with a 400."""
    response = reader.request("GET", PATH, headers=AUTH, content=b"x" * ((1 << 20) + 1))
    assert "body" in bad_request(response)
    assert shared.store.pending == 500


@pytest.mark.parametrize("path", ["/", "/sms/1/report", "/sms/1/reports/", "/sms/2/reports"])
def test_unknown_path_is_404(reader: AppClient, path: str) -> None:
    """Unknown paths get NOT_FOUND in Infobip's envelope."""
    check_envelope(reader.get(path, headers=AUTH), 404, "NOT_FOUND")


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"])
def test_undeclared_method_is_405(reader: AppClient, shared: InfobipServer, method: str) -> None:
    """Methods other than GET get 405 with ``Allow: GET`` and drain nothing."""
    response = reader.request(method, PATH, headers=AUTH)
    assert response.headers["allow"] == "GET"
    if method != "HEAD":
        check_envelope(response, 405, "METHOD_NOT_ALLOWED")
    assert response.status_code == 405
    assert shared.store.pending == 500


def test_server_bug_is_general_error(
    client: AppClient, server: InfobipServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A crash inside the handler is a documented 500 GENERAL_ERROR, not a hang."""

    def broken(*args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(server.store, "drain", broken)
    response = client.get(PATH, headers=AUTH)
    assert response.status_code == 500
    assert check(response)["requestError"]["serviceException"]["messageId"] == "GENERAL_ERROR"


# Properties

_NAMES = st.sampled_from([*PARAMETERS, "other", "LIMIT"])
_VALUES = st.one_of(
    strategies.int_texts,
    st.text(max_size=300),
    st.sampled_from(["", "a" * 255, "a" * 256, "1", "1000", "1001", "BULK-ID-123-xyz"]),
)
_QUERIES = st.lists(st.tuples(_NAMES, _VALUES), max_size=6)


@FAST
@given(pairs=_QUERIES)
def test_any_query_is_200_or_400(pairs: list[tuple[str, str]]) -> None:
    """Any query gets a documented 200 or 400; only a 200 drains, and only what it returns."""
    server = create_server(token=TOKEN, seed=2, now=NOW, reports=60)
    with AppClient(server.app, base_url=ORIGIN) as client:
        response = client.get(PATH, params=pairs, headers=AUTH)
        body = check(response)
    assert response.status_code in (200, 400)
    taken = len(body["results"]) if response.status_code == 200 else 0
    assert server.store.pending == 60 - taken


def raw_get(
    server: InfobipServer,
    query: bytes,
    authorization: bytes = AUTH["Authorization"].encode(),
    body: bytes = b"",
) -> tuple[int, str, Any]:
    """Send a GET with these exact bytes straight to the ASGI app (no client encoding)."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "https",
        "path": PATH,
        "raw_path": PATH.encode(),
        "root_path": "",
        "query_string": query,
        "headers": [(b"host", b"api.infobip.test"), (b"authorization", authorization)],
        "server": ("api.infobip.test", 443),
        "client": ("127.0.0.1", 5000),
    }
    sent: list[MutableMapping[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: MutableMapping[str, Any]) -> None:
        sent.append(message)

    asyncio.run(server.app(scope, receive, send))
    start = sent[0]
    content_type = dict(start["headers"])[b"content-type"].decode()
    body = b"".join(m.get("body", b"") for m in sent[1:])
    return start["status"], content_type, json.loads(body)


@FAST
@given(
    raw=strategies.query_strings.map(lambda t: t.encode("utf-8", "surrogatepass"))
    | st.binary(max_size=80)
)
def test_any_raw_query_string_is_documented(raw: bytes) -> None:
    """Hostile raw query bytes never produce a 5xx or an undocumented status."""
    server = create_server(token=TOKEN, seed=2, now=NOW, reports=10)
    status, content_type, body = raw_get(server, raw)
    assert status in (200, 400)
    assert content_type == "application/json"
    validate_response(PROVIDER, OPERATION, status, body)
    taken = len(body["results"]) if status == 200 else 0
    assert server.store.pending == 10 - taken


@FAST
@given(header=st.text(max_size=60), body=strategies.bodies)
def test_any_bad_authorization_is_401(header: str, body: bytes) -> None:
    """Any Authorization value but the key is a documented 401 that drains nothing."""
    server = create_server(token=TOKEN, seed=2, now=NOW, reports=10)
    raw = header.encode("latin-1", "replace")
    scheme, _, key = raw.decode("latin-1").strip().partition(" ")
    status, content_type, answer = raw_get(server, b"", raw, body)
    if scheme.lower() == "app" and key.strip() == TOKEN:
        return
    assert status == 401
    assert content_type == "application/json"
    validate_response(PROVIDER, OPERATION, status, answer)
    assert server.store.pending == 10


@FAST
@given(
    path=st.text(
        st.characters(min_codepoint=33, max_codepoint=126, exclude_characters="?#%"), max_size=30
    )
)
def test_any_other_path_is_404(reader: AppClient, shared: InfobipServer, path: str) -> None:
    """Any path but the reports path gets a NOT_FOUND envelope."""
    url = "/" + path.lstrip("/")
    if httpx.URL(ORIGIN + url).path in KNOWN_PATHS:
        return  # a served path (e.g. "sms/1/./reports"): sending it would drain or answer 200
    before = shared.store.pending
    response = reader.get(url, headers=AUTH)
    check_envelope(response, 404, "NOT_FOUND")
    assert shared.store.pending == before
