"""The Infobip server's logs (v1, v3 with the cursor) and v3 reports, over the same messages."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator, MutableMapping
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from dlrkit_servers._data import Clock
from dlrkit_servers.infobip import InfobipServer, create_server
from dlrkit_servers.infobip._app import _auth as app_auth
from dlrkit_servers.infobip._data import ReportStore
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openapi_support import find_operation, validate_response

from servers import strategies
from servers.asgi_client import AppClient

PROVIDER = "infobip"
TOKEN = "ib-test-key"  # noqa: S105 -- a test credential
AUTH = {"Authorization": f"App {TOKEN}"}
NOW = datetime(2019, 11, 11, 16, 0, tzinfo=UTC)
ORIGIN = "https://xxxxx.api.infobip.test"
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
OPERATIONS = {
    "/sms/3/logs": "get_sms_logs",
    "/sms/1/logs": "get_sms_logs_v1",
    "/sms/3/reports": "get_sms_delivery_reports_v3",
    "/sms/1/reports": "get_sms_delivery_reports",
}


def get(client: AppClient, path: str, params: Any = None, **kwargs: Any) -> httpx.Response:
    """Send a GET and check the answer against the spec: documented status, schema, JSON."""
    response = client.get(path, params=params, headers=kwargs.pop("headers", AUTH), **kwargs)
    _, _, operation = find_operation(PROVIDER, OPERATIONS[path])
    assert str(response.status_code) in operation["responses"], response.text
    assert response.headers["content-type"] == "application/json"
    validate_response(PROVIDER, OPERATIONS[path], response.status_code, response.json())
    return response


def rows(client: AppClient, path: str, **params: Any) -> list[dict[str, Any]]:
    """Return the rows of one successful page."""
    response = get(client, path, params)
    assert response.status_code == 200, response.text
    found: list[dict[str, Any]] = response.json()["results"]
    return found


def walk(client: AppClient, limit: int, **params: Any) -> list[list[str]]:
    """Every page of a cursor traversal of /sms/3/logs, as message ids."""
    pages: list[list[str]] = []
    cursor = None
    while True:
        query = {**params, "limit": limit, "useCursor": "true"}
        if cursor is not None:
            query["cursor"] = cursor
        body = get(client, "/sms/3/logs", query).json()
        assert body["cursor"]["limit"] == limit
        pages.append([row["messageId"] for row in body["results"]])
        cursor = body["cursor"].get("nextCursor")
        if cursor is None:
            return pages
        assert len(pages) < 1000, "the cursor never ends"


def v3_error(response: httpx.Response, status: int) -> dict[str, Any]:
    """Assert Infobip's v3 ApiError with ``E<status>``; return the body."""
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    assert body["errorCode"] == f"E{status}"
    return body


@pytest.fixture(scope="module")
def shared() -> InfobipServer:
    """Build a server whose reports no test drains (logs never consume)."""
    return create_server(token=TOKEN, seed=5, now=NOW, reports=300)


@pytest.fixture(scope="module")
def reader(shared: InfobipServer) -> Iterator[AppClient]:
    """Open a client of the shared server."""
    with AppClient(shared.app, base_url=ORIGIN) as client:
        yield client


@pytest.fixture
def server() -> InfobipServer:
    """Build a fresh server, for tests that drain reports."""
    return create_server(token=TOKEN, seed=5, now=NOW, reports=300)


@pytest.fixture
def client(server: InfobipServer) -> Iterator[AppClient]:
    """Open a client of the fresh server."""
    with AppClient(server.app, base_url=ORIGIN) as test_client:
        yield test_client


# -- logs are not consumed ----------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/sms/3/logs", "/sms/1/logs"])
def test_logs_are_repeatable_and_consume_nothing(
    reader: AppClient, shared: InfobipServer, path: str
) -> None:
    """The same query gives the same rows every time, and no report leaves the queue."""
    first = rows(reader, path, limit=1000)
    assert len(first) == 300
    assert rows(reader, path, limit=1000) == first
    assert shared.store.pending == 300


def test_default_limit_is_50_newest_first(reader: AppClient) -> None:
    """Without limit, 50 rows, newest ``sentAt`` first."""
    found = rows(reader, "/sms/3/logs")
    assert len(found) == 50
    times = [datetime.fromisoformat(row["sentAt"]) for row in found]
    assert times == sorted(times, reverse=True)
    every = rows(reader, "/sms/3/logs", limit=1000)
    assert found == every[:50]


def test_draining_reports_leaves_logs_whole(client: AppClient, server: InfobipServer) -> None:
    """After every report was read, the logs still hold every message."""
    while rows(client, "/sms/1/reports", limit=1000):
        pass
    assert server.store.pending == 0
    assert len(rows(client, "/sms/3/logs", limit=1000)) == 300


# -- cursor ------------------------------------------------------------------------------------


@pytest.mark.parametrize("limit", [1, 7, 50, 299, 300, 1000])
def test_cursor_visits_each_row_exactly_once(reader: AppClient, limit: int) -> None:
    """Pages of any size cover every row once, in the same order as one big page."""
    pages = walk(reader, limit)
    ids = [message_id for page in pages for message_id in page]
    assert ids == [row["messageId"] for row in rows(reader, "/sms/3/logs", limit=1000)]
    assert all(len(page) == limit for page in pages[:-1])
    assert 1 <= len(pages[-1]) <= limit


def test_cursor_with_filters(reader: AppClient, shared: InfobipServer) -> None:
    """A filtered traversal visits exactly the filtered rows."""
    wanted = {
        r.message_id for r in shared.store.reports if r.body["status"]["groupName"] == "DELIVERED"
    }
    pages = walk(reader, 9, generalStatus="DELIVERED")
    ids = [message_id for page in pages for message_id in page]
    assert len(ids) == len(set(ids))
    assert set(ids) == wanted


def test_arrivals_during_a_traversal_are_not_visited_twice(
    client: AppClient, server: InfobipServer
) -> None:
    """Messages sent mid-traversal sort before its start: no row twice, none of the old skipped."""
    before = {r.message_id for r in server.store.reports}
    first = get(client, "/sms/3/logs", {"limit": 40, "useCursor": "true"}).json()
    seen = [row["messageId"] for row in first["results"]]
    server.add_reports(25)
    cursor = first["cursor"]["nextCursor"]
    while cursor is not None:
        query = {"limit": 40, "useCursor": "true", "cursor": cursor}
        body = get(client, "/sms/3/logs", query).json()
        seen += [row["messageId"] for row in body["results"]]
        cursor = body["cursor"].get("nextCursor")
    assert len(seen) == len(set(seen))
    assert set(seen) == before


def test_no_cursor_object_without_use_cursor(reader: AppClient) -> None:
    """Without useCursor, the page has no cursor object (Infobip's example has none)."""
    assert "cursor" not in get(reader, "/sms/3/logs", {"limit": 5}).json()
    body = get(reader, "/sms/3/logs", {"limit": 5, "useCursor": "false"}).json()
    assert "cursor" not in body


@pytest.mark.parametrize(
    "query",
    [
        {"useCursor": "true", "cursor": "not-a-cursor"},
        {"cursor": "anything"},
        {"useCursor": "true", "cursor": "eyJ2IjoxfQ"},
    ],
)
def test_foreign_cursors_are_refused(reader: AppClient, query: dict[str, str]) -> None:
    """A cursor this server did not issue, or one without useCursor, is a v3 400 naming it."""
    body = v3_error(get(reader, "/sms/3/logs", query), 400)
    assert [v["property"] for v in body["violations"]] == ["cursor"]


def test_cursor_of_other_filters_is_refused(reader: AppClient) -> None:
    """A cursor is bound to the filters it was issued for."""
    first = get(reader, "/sms/3/logs", {"limit": 3, "useCursor": "true"}).json()
    cursor = first["cursor"]["nextCursor"]
    query = {"limit": 3, "useCursor": "true", "cursor": cursor, "generalStatus": "DELIVERED"}
    body = v3_error(get(reader, "/sms/3/logs", query), 400)
    assert "other filters" in body["violations"][0]["violation"]


# -- one message, one status in every view ---------------------------------------------------------


def test_every_view_agrees(client: AppClient) -> None:
    """v1/v3 logs and v1/v3 reports agree on id, status, times and price for each message."""
    log3 = {row["messageId"]: row for row in rows(client, "/sms/3/logs", limit=1000)}
    log1 = {row["messageId"]: row for row in rows(client, "/sms/1/logs", limit=1000)}
    report1 = {row["messageId"]: row for row in rows(client, "/sms/1/reports", limit=150)}
    report3 = {row["messageId"]: row for row in rows(client, "/sms/3/reports", limit=1000)}
    assert set(log3) == set(log1) == set(report1) | set(report3)
    assert not set(report1) & set(report3)
    for message_id, v3 in log3.items():
        v1 = log1[message_id]
        report = report1.get(message_id) or report3[message_id]
        for row in (v1, report):
            for key in ("status", "price", "sentAt", "doneAt"):
                assert row[key] == v3[key], (message_id, key)
            assert row["error"]["id"] == v3["error"]["id"]
        assert (v1["to"], v1["from"], v1["smsCount"]) == (
            v3["destination"],
            v3["sender"],
            v3["messageCount"],
        )
        assert v1.get("text") == v3["content"].get("text")
        assert "callbackData" not in v1
        assert v3["error"]["groupName"] != "Ok"  # v3 spells it OK


def test_v3_reports_drain_the_same_queue_as_v1(client: AppClient, server: InfobipServer) -> None:
    """A report read through /sms/3/reports is gone from /sms/1/reports (one queue)."""
    taken = rows(client, "/sms/3/reports", limit=100)
    assert len(taken) == 100
    assert server.store.pending == 200
    rest = []
    while batch := rows(client, "/sms/1/reports", limit=1000):
        rest += batch
    assert not {r["messageId"] for r in taken} & {r["messageId"] for r in rest}
    assert len(rest) == 200
    assert rows(client, "/sms/3/reports") == []


def test_v3_reports_use_v3_names(client: AppClient) -> None:
    """v3 report rows have sender, messageCount and platform{}; no v1 names."""
    for row in rows(client, "/sms/3/reports", limit=1000):
        assert {"from", "smsCount", "entityId", "applicationId"}.isdisjoint(row)
        assert {"sender", "messageCount"} <= set(row)


# -- retention ----------------------------------------------------------------------------------


def test_logs_older_than_48_hours_are_gone() -> None:
    """A day later, only the messages done in the last 48 hours remain in the logs."""
    store = ReportStore(seed=5, now=NOW, count=300)
    later = NOW + timedelta(hours=24)
    server = InfobipServer(store, Clock(later), app_auth(TOKEN, None))
    with AppClient(server.app, base_url=ORIGIN) as client:
        found = rows(client, "/sms/3/logs", limit=1000)
    expected = {
        r.message_id
        for r in store.reports
        if datetime.fromisoformat(r.body["doneAt"]) >= later - timedelta(hours=48)
    }
    assert 0 < len(expected) < 300
    assert {row["messageId"] for row in found} == expected


# -- filters ------------------------------------------------------------------------------------


def _brute(shared: InfobipServer, keep: Any) -> set[str]:
    return {r.message_id for r in shared.store.reports if keep(r)}


def test_filters_select_what_they_say(reader: AppClient, shared: InfobipServer) -> None:
    """Each filter of both logs versions selects exactly the matching messages."""
    sample = shared.store.reports[7]
    body = sample.body
    network = body.get("mccMnc") or "22801"
    sent = datetime.fromisoformat(body["sentAt"])
    cases: list[tuple[dict[str, Any], dict[str, Any], Any]] = [
        (
            {"sender": body["from"]},
            {"from": body["from"]},
            lambda r: r.body["from"] == body["from"],
        ),
        ({"destination": body["to"]}, {"to": body["to"]}, lambda r: r.body["to"] == body["to"]),
        (
            {"generalStatus": "REJECTED"},
            {"generalStatus": "REJECTED"},
            lambda r: r.body["status"]["groupName"] == "REJECTED",
        ),
        (
            {"mcc": network[:3], "mnc": network[3:]},
            {"mcc": network[:3], "mnc": network[3:]},
            lambda r: r.body.get("mccMnc") == network,
        ),
        (
            {"mcc": network[:3]},
            {"mcc": network[:3]},
            lambda r: str(r.body.get("mccMnc", "")).startswith(network[:3]),
        ),
        (
            {"sentSince": sent.isoformat()},
            {"sentSince": sent.strftime("%Y-%m-%dT%H:%M:%S.%f%z")},
            lambda r: datetime.fromisoformat(r.body["sentAt"]) >= sent,
        ),
        (
            {"sentUntil": sent.isoformat()},
            {"sentUntil": sent.astimezone(datetime.now().astimezone().tzinfo).isoformat()},
            lambda r: datetime.fromisoformat(r.body["sentAt"]) < sent,
        ),
        (
            {"applicationId": "otp-service"},
            {"applicationId": "otp-service"},
            lambda r: r.application_id == "otp-service",
        ),
        (
            {"campaignReferenceId": ["summersale", "welcome-series"]},
            {"campaignReferenceId": "summersale,welcome-series"},
            lambda r: r.campaign_reference_id in {"summersale", "welcome-series"},
        ),
    ]
    for v3_query, v1_query, keep in cases:
        wanted = _brute(shared, keep)
        got3 = {row["messageId"] for row in rows(reader, "/sms/3/logs", limit=1000, **v3_query)}
        got1 = {row["messageId"] for row in rows(reader, "/sms/1/logs", limit=1000, **v1_query)}
        assert got3 == wanted, v3_query
        assert got1 == wanted, v1_query
        assert wanted, v3_query  # each case selects something, so it shows the filter works


def test_repeated_keys_and_comma_lists_agree(reader: AppClient, shared: InfobipServer) -> None:
    """messageId=a&messageId=b and messageId=a,b select the same two messages."""
    a, b = (r.message_id for r in shared.store.reports[:2])
    repeated = rows(reader, "/sms/3/logs", messageId=[a, b])
    commas = rows(reader, "/sms/3/logs", messageId=f"{a},{b}")
    assert repeated == commas
    assert {row["messageId"] for row in repeated} == {a, b}


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"limit": "0"}, "limit"),
        ({"limit": "1001"}, "limit"),
        ({"mnc": "01"}, "mnc"),
        ({"mcc": "22", "mnc": "01"}, "mcc"),
        ({"mcc": "228", "mnc": "1"}, "mnc"),
        ({"generalStatus": "delivered"}, "generalStatus"),
        ({"sentSince": "2019-11-10"}, "sentSince"),
        ({"sentUntil": "2019-11-10T10:00:00"}, "sentUntil"),
        ({"sentSince": "2019-02-30T10:00:00Z"}, "sentSince"),
        ({"bulkId": "x" * 2049}, "bulkId"),
        ({"entityId": "x" * 256}, "entityId"),
        ({"useCursor": "yes"}, "useCursor"),
        ({"sender": ["a", "b"]}, "sender"),
    ],
)
def test_bad_filters_are_400_in_each_versions_shape(
    reader: AppClient, query: dict[str, Any], field: str
) -> None:
    """v3 answers ApiError E400 with violations; v1 the requestError envelope; both name it."""
    body = v3_error(get(reader, "/sms/3/logs", query), 400)
    assert field in {v["property"] for v in body["violations"]}
    assert all(v["violation"] for v in body["violations"])
    v1_query = {("from" if k == "sender" else k): v for k, v in query.items() if k != "useCursor"}
    if not v1_query:
        return
    response = get(reader, "/sms/1/logs", v1_query)
    assert response.status_code == 400
    errors = response.json()["requestError"]["serviceException"]["validationErrors"]
    assert ("from" if field == "sender" else field) in errors


def test_bounds_and_time_forms_are_accepted(reader: AppClient) -> None:
    """Accept limit 1 and 1000, 2048-character ids and every documented time form."""
    for query in (
        {"limit": 1},
        {"limit": 1000},
        {"bulkId": "x" * 2048},
        {"sentSince": "2019-11-10T17:42:05.390+0100"},  # the documented form
        {"sentSince": "2019-11-10T17:42:05.390+01:00"},  # v3 example
        {"sentSince": "2019-11-10T17:42:05.39+01:00"},  # sentUntil's schema example
        {"sentSince": "2019-11-10T12:00:00.000000+0000"},  # Infobip's 6.0.0 client
        {"sentSince": "2019-11-10T12:00:00Z"},
        {"sentUntil": "0001-01-01T00:00:00+01:00"},  # before any message, not a 500
    ):
        assert get(reader, "/sms/3/logs", query).status_code == 200, query


def test_v3_unauthorized_is_api_error(reader: AppClient) -> None:
    """A wrong key on a v3 path gets ApiError E401; on a v1 path, requestError."""
    bad = {"Authorization": "App nope"}
    v3_error(get(reader, "/sms/3/logs", headers=bad), 401)
    v3_error(get(reader, "/sms/3/reports", headers=bad), 401)
    response = get(reader, "/sms/1/logs", headers=bad)
    assert response.json()["requestError"]["serviceException"]["messageId"] == "UNAUTHORIZED"


def test_refused_v3_report_read_drains_nothing(client: AppClient, server: InfobipServer) -> None:
    """A v3 reports request with a bad limit is a 400 and takes nothing."""
    v3_error(get(client, "/sms/3/reports", {"limit": "1001"}), 400)
    assert server.store.pending == 300


# -- properties ---------------------------------------------------------------------------------

_NAMES = st.sampled_from(
    [
        "limit", "mcc", "mnc", "sender", "destination", "bulkId", "messageId", "generalStatus",
        "sentSince", "sentUntil", "useCursor", "cursor", "campaignReferenceId", "entityId",
        "from", "to",
    ]
)  # fmt: skip
_VALUES = st.one_of(
    strategies.int_texts,
    st.text(max_size=80),
    st.sampled_from(
        ["", "true", "DELIVERED", "228", "01", "2019-11-10T12:00:00Z", "x" * 2049, "a,b,,c"]
    ),
)


@FAST
@given(pairs=st.lists(st.tuples(_NAMES, _VALUES), max_size=6), v3=st.booleans())
def test_any_logs_query_is_200_or_400_and_consumes_nothing(
    reader: AppClient, shared: InfobipServer, pairs: list[tuple[str, str]], v3: bool
) -> None:
    """Any query gets a documented 200 or 400 (never a 5xx) and leaves every report pending."""
    path = "/sms/3/logs" if v3 else "/sms/1/logs"
    response = get(reader, path, pairs)
    assert response.status_code in (200, 400)
    if response.status_code == 400 and v3:
        assert response.json()["violations"]
    assert shared.store.pending == 300


@FAST
@given(pairs=st.lists(st.tuples(_NAMES, _VALUES), max_size=4))
def test_any_v3_reports_query_takes_only_what_it_returns(pairs: list[tuple[str, str]]) -> None:
    """A v3 reports read drains exactly the rows it returns; a refused one drains none."""
    server = create_server(token=TOKEN, seed=2, now=NOW, reports=40)
    with AppClient(server.app, base_url=ORIGIN) as client:
        response = get(client, "/sms/3/reports", pairs)
    assert response.status_code in (200, 400)
    taken = len(response.json()["results"]) if response.status_code == 200 else 0
    assert server.store.pending == 40 - taken


@FAST
@given(limit=st.integers(1, 60), status=st.sampled_from([None, "DELIVERED", "PENDING"]))
def test_cursor_traversal_property(
    reader: AppClient, shared: InfobipServer, limit: int, status: str | None
) -> None:
    """For any page size and filter, the cursor covers the matching rows once each."""
    params = {} if status is None else {"generalStatus": status}
    ids = [m for page in walk(reader, limit, **params) for m in page]
    assert len(ids) == len(set(ids))
    assert set(ids) == {
        r.message_id
        for r in shared.store.reports
        if status is None or r.body["status"]["groupName"] == status
    }


@FAST
@given(
    raw=strategies.query_strings.map(lambda t: t.encode("utf-8", "surrogatepass"))
    | st.binary(max_size=80),
    path=st.sampled_from(["/sms/3/logs", "/sms/1/logs", "/sms/3/reports"]),
)
def test_any_raw_query_bytes_get_a_documented_answer(raw: bytes, path: str) -> None:
    """Hostile raw query bytes on the new paths never produce a 5xx or an undocumented body."""
    server = create_server(token=TOKEN, seed=2, now=NOW, reports=10)
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "https",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": raw,
        "headers": [
            (b"host", b"api.infobip.test"),
            (b"authorization", AUTH["Authorization"].encode()),
        ],
        "server": ("api.infobip.test", 443),
        "client": ("127.0.0.1", 5000),
    }
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: MutableMapping[str, Any]) -> None:
        sent.append(dict(message))

    asyncio.run(server.app(scope, receive, send))
    status = sent[0]["status"]
    body = json.loads(b"".join(m.get("body", b"") for m in sent[1:]))
    assert status in (200, 400)
    validate_response(PROVIDER, OPERATIONS[path], status, body)
    taken = len(body["results"]) if status == 200 and path == "/sms/3/reports" else 0
    assert server.store.pending == 10 - taken


def test_opt_in_logs_rate_limit_answers_infobips_429() -> None:
    """With logs_per_minute=3 the 4th log read in a minute is a documented 429; reports are not."""
    server = create_server(token=TOKEN, seed=5, now=NOW, reports=20, logs_per_minute=3)
    with AppClient(server.app, base_url=ORIGIN) as client:
        assert [get(client, "/sms/3/logs").status_code for _ in range(3)] == [200] * 3
        body = v3_error(get(client, "/sms/3/logs"), 429)
        assert body["description"] == "Too many requests sent."
        v1 = get(client, "/sms/1/logs")
        assert v1.status_code == 429
        assert v1.json()["requestError"]["serviceException"]["messageId"] == "TOO_MANY_REQUESTS"
        assert get(client, "/sms/3/reports").status_code == 200


def test_throttle_window_slides() -> None:
    """A request older than a minute no longer counts."""
    from dlrkit_servers.infobip._throttle import Throttle

    now = [0.0]
    throttle = Throttle(2, ticks=lambda: now[0])
    assert [throttle.admit(), throttle.admit(), throttle.admit()] == [True, True, False]
    now[0] = 60.0
    assert throttle.admit() is True
    with pytest.raises(ValueError, match="logs_per_minute"):
        Throttle(0)
