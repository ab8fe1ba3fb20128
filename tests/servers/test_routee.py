import asyncio
import base64
import json
import math
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from dlrkit_servers import create_app
from dlrkit_servers.routee import RouteeServer, create_server
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator, FormatChecker
from openapi_support import check_response, load_spec, schema_validator
from waiting import pages

from servers import strategies
from servers.asgi_client import AppClient

APP_ID = "routee-app-id"
APP_SECRET = "routee-app-secret:with-colon"  # noqa: S105 -- a test credential
BASIC = (APP_ID, APP_SECRET)
NOW = datetime(2025, 7, 29, 14, 31, 52, 250000, tzinfo=UTC)
BASE = "https://connect.routee.test"
TRACK, SINGLE, CAMPAIGN, TOKEN = (
    "/sms/tracking",
    "/sms/tracking/single/",
    "/sms/tracking/campaign/",
    "/oauth/token",
)
STATUSES = {"Queued", "Sent", "Delivered", "Undelivered", "Failed", "Unsent"}
DETAILED = {
    "Sent",
    "Delivered",
    "Undelivered",
    "Failed",
    "Undelivered on Handset",
    "Unknown Number",
    "Roaming",
    "Call Barred",
    "Unknown Status",
    "Carrier Violation",
    "Expired",
    "DND Error Code",
}
FIELDS = ("smsId", "to", "status.status", "direction", "label", "campaign")
OPERATORS = ("is", "is_not", "contains", "starts_with", "ends_with")
FORM = "application/x-www-form-urlencoded"
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _iso(value: datetime) -> str:
    return value.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


WEEK = {"dateStart": _iso(NOW - timedelta(days=7)), "dateEnd": _iso(NOW + timedelta(days=1))}


def _deref(node: dict[str, Any]) -> dict[str, Any]:
    if "$ref" not in node:
        return node
    target: Any = load_spec("routee")
    for part in node["$ref"].lstrip("#/").split("/"):
        target = target[part]
    assert isinstance(target, dict)
    return target


def _inline(node: Any) -> Any:
    """Return ``node`` with every local ``$ref`` replaced by (an allOf of) its target."""
    if isinstance(node, list):
        return [_inline(item) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        rest = {key: _inline(value) for key, value in node.items() if key != "$ref"}
        return {"allOf": [_inline(_deref({"$ref": node["$ref"]}))], **rest}
    return {key: _inline(value) for key, value in node.items()}


def _row_validator(schema: str) -> Draft202012Validator:
    target = load_spec("routee")["components"]["schemas"][schema]
    return Draft202012Validator(_inline(target), format_checker=FormatChecker())


# Tracking objects are validated one by one against the spec's item schema (inlined: ~4x
# faster than resolving $refs per row) and only once per distinct object; the envelope goes
# through validate_response. Items of an array are independent, so this checks the same.
_ROWS = {
    "track_sms": _row_validator("SmsTracking"),
    "track_campaign_sms": _row_validator("SmsTracking"),
    "get_sms_tracking": _row_validator("SmsPartTracking"),
}
_VALIDATED: set[tuple[str, str]] = set()


def _validate(operation_id: str, response: httpx.Response, body: Any) -> None:
    rows: Any = None
    shell = body
    status = response.status_code
    if status == 200 and isinstance(body, dict) and isinstance(body.get("content"), list):
        rows, shell = body["content"], {**body, "content": []}
    elif status == 200 and isinstance(body, list):
        rows, shell = body, []
    check_response("routee", operation_id, response, body=shell)
    for row in rows or ():
        key = (operation_id, json.dumps(row, sort_keys=True))
        if key not in _VALIDATED:
            _ROWS[operation_id].validate(row)
            _VALIDATED.add(key)


def check(operation_id: str, response: httpx.Response) -> Any:
    """Assert the response is one the spec documents (status, body, headers); return its body."""
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    _validate(operation_id, response, body)
    return body


def routee_error(response: httpx.Response) -> dict[str, Any]:
    """Assert a body outside any operation (404 path, 405) is Routee's error envelope."""
    assert response.headers["content-type"] == "application/json"
    body: dict[str, Any] = response.json()
    schema_validator("routee", "#/components/schemas/RouteeError").validate(body)
    return body


class FakeClock:
    """A clock tests move by hand."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        """Return the time the test set."""
        return self.now


def _token(client: AppClient, **form: str) -> str:
    response = client.request(
        "POST", TOKEN, data={"grant_type": "client_credentials", **form}, auth=BASIC
    )
    body = check("get_access_token", response)
    assert response.status_code == 200, body
    token: str = body["access_token"]
    return token


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture(scope="module")
def shared() -> RouteeServer:
    """Build the server the read-only tests share (they only add tokens)."""
    server = create_app("routee", app_id=APP_ID, app_secret=APP_SECRET, seed=3, now=NOW)
    assert isinstance(server, RouteeServer)
    return server


@pytest.fixture(scope="module")
def reader(shared: RouteeServer) -> Iterator[AppClient]:
    """Talk to the shared server."""
    with AppClient(shared.app, base_url=BASE) as client:
        yield client


@pytest.fixture(scope="module")
def auth(reader: AppClient) -> dict[str, str]:
    """Return Bearer headers with a token of the shared server."""
    return _bearer(_token(reader))


@pytest.fixture
def clock() -> FakeClock:
    """Return a clock pinned at NOW until the test moves it."""
    return FakeClock(NOW)


@pytest.fixture
def small(clock: FakeClock) -> Iterator[tuple[RouteeServer, AppClient]]:
    """Build a small server on a clock the test moves (tokens last 60 s)."""
    server = create_server(
        app_id=APP_ID, app_secret=APP_SECRET, now=NOW, messages=40, token_ttl=60, clock=clock
    )
    with AppClient(server.app, base_url=BASE) as client:
        yield server, client


def track(
    client: AppClient, headers: dict[str, str], body: Any = None, **params: Any
) -> httpx.Response:
    """POST /sms/tracking over the whole week unless params say otherwise (None drops one)."""
    query = {**WEEK, **params}
    query = {k: v for k, v in query.items() if v is not None}
    if body is None:
        return client.request("POST", TRACK, params=query, headers=headers)
    return client.request("POST", TRACK, params=query, headers=headers, json=body)


def rows(client: AppClient, headers: dict[str, str], body: Any = None, **params: Any) -> list[Any]:
    """Every tracking object of a search, walked page by page with size 2000."""
    found: list[Any] = []
    for page in pages(0):
        response = track(client, headers, body, page=page, size=2000, **params)
        data = check("track_sms", response)
        assert response.status_code == 200, data
        found += data["content"]
        if data["last"]:
            return found
    raise AssertionError("unreachable: pages() raises first")


@pytest.fixture(scope="module")
def everything(reader: AppClient, auth: dict[str, str]) -> list[dict[str, Any]]:
    """Return every part of the shared server, in the default order."""
    return rows(reader, auth)


# --- data set ---------------------------------------------------------------------------


def test_data_set_is_large_and_complete(everything: list[dict[str, Any]]) -> None:
    """The default data set has 2,500+ parts with every status and detailed status."""
    assert len(everything) >= 2500
    assert {row["status"]["status"] for row in everything} == STATUSES
    reasons = [row["status"]["reason"] for row in everything if row["status"]["reason"]]
    assert {r["detailedStatus"] for r in reasons} - {None} == DETAILED
    assert all(r["description"] for r in reasons)


def test_multipart_messages_share_message_id(everything: list[dict[str, Any]]) -> None:
    """Every part has its own smsId; the parts of a message share messageId and count 1..n."""
    assert len({row["smsId"] for row in everything}) == len(everything)
    by_message: dict[str, list[dict[str, Any]]] = {}
    for row in everything:
        by_message.setdefault(row["messageId"], []).append(row)
    assert max(row["parts"] for row in everything) == 3
    for parts in by_message.values():
        assert sorted(p["part"] for p in parts) == list(range(1, parts[0]["parts"] + 1))


def test_campaigns_inbound_and_unsent(everything: list[dict[str, Any]]) -> None:
    """Several campaigns; Unsent only in campaigns; inbound messages carry receivedDate."""
    campaigns = Counter(row["campaignTrackingId"] for row in everything)
    assert len(campaigns) - 1 >= 5
    assert all(r["campaignTrackingId"] for r in everything if r["status"]["status"] == "Unsent")
    inbound = [row for row in everything if row["direction"] == "Inbound"]
    assert inbound
    assert all(row["receivedDate"] == row["status"]["date"] for row in inbound)
    reasons = [(r["status"]["reason"] or {}).get("detailedStatus") for r in everything]
    dnd = [r for r, reason in zip(everything, reasons, strict=True) if reason == "DND Error Code"]
    assert dnd
    assert all(r["country"] == "IN" for r in dnd)


def test_dates_span_the_last_7_days(everything: list[dict[str, Any]]) -> None:
    """Status dates lie within the 7 days before now, spread across the week."""
    dates = sorted(datetime.fromisoformat(row["status"]["date"]) for row in everything)
    assert NOW - timedelta(days=7) <= dates[0] < dates[-1] <= NOW
    assert dates[-1] - dates[0] > timedelta(days=6)
    assert all(row["status"]["date"].endswith("Z") for row in everything)


def test_default_order_is_by_status_date(everything: list[dict[str, Any]]) -> None:
    """Without sort, pages list parts by status date, oldest first."""
    dates = [row["status"]["date"] for row in everything]
    assert dates == sorted(dates)


def test_same_seed_same_data() -> None:
    """The data set is a pure function of seed and now."""
    one = create_server(app_id=APP_ID, app_secret=APP_SECRET, seed=5, now=NOW, messages=30)
    two = create_server(app_id=APP_ID, app_secret=APP_SECRET, seed=5, now=NOW, messages=30)
    other = create_server(app_id=APP_ID, app_secret=APP_SECRET, seed=6, now=NOW, messages=30)
    assert [p.multi for p in one.data.parts] == [p.multi for p in two.data.parts]
    assert [p.multi for p in one.data.parts] != [p.multi for p in other.data.parts]


def test_data_follows_the_clock_when_now_is_not_given() -> None:
    """Without now, data is dated relative to the clock at build time."""
    later = NOW + timedelta(days=30)
    server = create_server(app_id=APP_ID, app_secret=APP_SECRET, messages=20, clock=lambda: later)
    assert server.data.now == later
    assert all(later - timedelta(days=7) <= p.date <= later for p in server.data.parts)


def test_sample_ids_resolve(reader: AppClient, auth: dict[str, str], shared: RouteeServer) -> None:
    """Every sample id exists: a multipart, an undelivered and an inbound message; campaigns."""
    messages = shared.sample_ids["get_sms_tracking"]
    assert len(messages) == 3
    kinds = []
    for message_id in messages:
        parts = check("get_sms_tracking", reader.get(SINGLE + message_id, headers=auth))
        kinds.append((parts[0]["parts"], parts[0]["status"]["status"], parts[0]["direction"]))
    assert kinds[0][0] > 1
    assert kinds[1][1] == "Undelivered"
    assert kinds[2][2] == "Inbound"
    assert len(shared.sample_ids["track_campaign_sms"]) == 3
    for campaign_id in shared.sample_ids["track_campaign_sms"]:
        response = reader.get(CAMPAIGN + campaign_id, headers=auth)
        assert check("track_campaign_sms", response)["totalElements"] > 0


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"app_id": "with:colon"}, ValueError),
        ({"app_secret": " padded"}, ValueError),
        ({"messages": -1}, ValueError),
        ({"token_ttl": 0}, ValueError),
        ({"token_ttl": math.nan}, ValueError),
        ({"token_ttl": True}, TypeError),
        ({"now": datetime(2025, 1, 1)}, ValueError),
        ({"clock": lambda: datetime(2025, 1, 1)}, ValueError),
    ],
)
def test_create_server_rejects_bad_arguments(kwargs: dict[str, Any], error: type) -> None:
    """Bad factory arguments fail at build time, naming the argument but no secret."""
    arguments: dict[str, Any] = {"app_id": APP_ID, "app_secret": APP_SECRET, "messages": 5}
    with pytest.raises(error) as raised:
        create_server(**{**arguments, **kwargs})
    assert APP_SECRET not in str(raised.value)


# --- token endpoint ---------------------------------------------------------------------


def test_token_is_issued_for_basic_app_credentials(reader: AppClient) -> None:
    """POST /oauth/token on the same app issues a Bearer token with scope and permissions."""
    response = reader.request("POST", TOKEN, data={"grant_type": "client_credentials"}, auth=BASIC)
    body = check("get_access_token", response)
    assert response.status_code == 200
    assert body["token_type"] == "Bearer"  # noqa: S105 -- not a secret
    assert body["expires_in"] == 3600
    assert "sms" in body["scope"].split()
    assert "MT_ROLE_SMS" in body["permissions"]
    assert response.headers["cache-control"] == "no-store"


def test_scope_narrows_the_token(reader: AppClient) -> None:
    """A requested scope limits the token's scope and permissions to it."""
    response = reader.request(
        "POST", TOKEN, data={"grant_type": "client_credentials", "scope": "sms report"}, auth=BASIC
    )
    body = check("get_access_token", response)
    assert body["scope"] == "sms report"
    assert body["permissions"] == ["MT_ROLE_SMS", "MT_ROLE_REPORT"]


@pytest.mark.parametrize(
    "authorization",
    [
        None,
        "Basic " + base64.b64encode(f"{APP_ID}:wrong".encode()).decode(),
        "Basic " + base64.b64encode(f"other:{APP_SECRET}".encode()).decode(),
        "Basic " + base64.b64encode(APP_ID.encode()).decode(),
        "Basic !!!not-base64",
        f"Bearer {APP_SECRET}",
    ],
)
def test_token_endpoint_refuses_bad_client_credentials(
    reader: AppClient, shared: RouteeServer, authorization: str | None
) -> None:
    """Missing or wrong Basic credentials get a 401 invalid_client and issue nothing."""
    before = len(shared.tokens)
    headers = {} if authorization is None else {"Authorization": authorization}
    response = reader.request(
        "POST", TOKEN, data={"grant_type": "client_credentials"}, headers=headers
    )
    body = check("get_access_token", response)
    assert response.status_code == 401
    assert body["error"] == "invalid_client"
    assert response.headers["www-authenticate"].startswith("Basic")
    assert len(shared.tokens) == before
    assert APP_SECRET not in response.text


@pytest.mark.parametrize(
    ("content", "content_type", "error"),
    [
        ("", FORM, "invalid_request"),
        ("grant_type=password", FORM, "unsupported_grant_type"),
        ("grant_type=client_credentials&grant_type=client_credentials", FORM, "invalid_request"),
        ("grant_type=client_credentials&scope=", FORM, "invalid_scope"),
        ("grant_type=client_credentials&scope=sms+admin", FORM, "invalid_scope"),
        ('{"grant_type": "client_credentials"}', "application/json", "invalid_request"),
    ],
)
def test_token_endpoint_refuses_bad_requests(
    reader: AppClient, shared: RouteeServer, content: str, content_type: str, error: str
) -> None:
    """A malformed token request gets a 400 OAuth error naming the problem; no token issued."""
    before = len(shared.tokens)
    response = reader.request(
        "POST", TOKEN, content=content, headers={"Content-Type": content_type}, auth=BASIC
    )
    body = check("get_access_token", response)
    assert response.status_code == 400
    assert body["error"] == error
    assert body["error_description"]
    assert len(shared.tokens) == before


def test_token_endpoint_ignores_unrecognized_parameters(
    reader: AppClient, shared: RouteeServer
) -> None:
    """Unknown form fields are ignored, as RFC 6749 section 3.2 requires of token endpoints."""
    before = len(shared.tokens)
    response = reader.request(
        "POST",
        TOKEN,
        content="grant_type=client_credentials&client_id=x",
        headers={"Content-Type": FORM},
        auth=BASIC,
    )
    body = check("get_access_token", response)
    assert response.status_code == 200
    assert body["expires_in"] > 0
    assert len(shared.tokens) == before + 1


def test_tokens_expire_after_their_ttl(
    small: tuple[RouteeServer, AppClient], clock: FakeClock
) -> None:
    """A token works until token_ttl seconds have passed, then gets a 401 'expired'."""
    _, client = small
    response = client.request("POST", TOKEN, data={"grant_type": "client_credentials"}, auth=BASIC)
    assert check("get_access_token", response)["expires_in"] == 60
    headers = _bearer(response.json()["access_token"])
    message_id = small[0].sample_ids["get_sms_tracking"][0]
    clock.now = NOW + timedelta(seconds=59)
    assert client.get(SINGLE + message_id, headers=headers).status_code == 200
    clock.now = NOW + timedelta(seconds=60)
    expired = client.get(SINGLE + message_id, headers=headers)
    body = check("get_sms_tracking", expired)
    assert expired.status_code == 401
    assert body["code"] == "401000002"
    assert 'error="invalid_token"' in expired.headers["www-authenticate"]
    fresh = _bearer(_token(client))
    assert client.get(SINGLE + message_id, headers=fresh).status_code == 200


def test_expired_tokens_are_dropped_when_new_ones_are_issued(
    small: tuple[RouteeServer, AppClient], clock: FakeClock
) -> None:
    """The token store does not grow without bound: expired tokens go at the next issue."""
    server, client = small
    _token(client)
    _token(client)
    assert len(server.tokens) == 2
    clock.now = NOW + timedelta(hours=1)
    _token(client)
    assert len(server.tokens) == 1
    assert "secret" not in repr(server.tokens)


CALLS = [
    ("track_sms", "POST", TRACK, WEEK),
    ("get_sms_tracking", "GET", SINGLE + "anything", None),
    ("track_campaign_sms", "GET", CAMPAIGN + "anything", None),
]


@pytest.mark.parametrize(("operation_id", "method", "path", "params"), CALLS)
@pytest.mark.parametrize(
    ("authorization", "code"),
    [
        (None, "401000000"),
        ("Bearer not-a-token", "401000001"),
        ("Bearer ", "401000001"),
        ("Basic " + base64.b64encode(f"{APP_ID}:{APP_SECRET}".encode()).decode(), "401000001"),
    ],
)
def test_api_refuses_missing_or_unknown_tokens(
    reader: AppClient,
    operation_id: str,
    method: str,
    path: str,
    params: dict[str, str] | None,
    authorization: str | None,
    code: str,
) -> None:
    """Every tracking operation needs a token this server issued: 401 in Routee's shape."""
    headers = {} if authorization is None else {"Authorization": authorization}
    response = reader.request(method, path, params=params, headers=headers)
    body = check(operation_id, response)
    assert response.status_code == 401
    assert body["code"] == code
    assert response.headers["www-authenticate"].startswith("Bearer")


@pytest.mark.parametrize(("operation_id", "method", "path", "params"), CALLS)
def test_token_without_sms_scope_is_forbidden(
    reader: AppClient, operation_id: str, method: str, path: str, params: dict[str, str] | None
) -> None:
    """A token narrowed to scopes without 'sms' gets a 403 on the tracking resources."""
    headers = _bearer(_token(reader, scope="report account"))
    response = reader.request(method, path, params=params, headers=headers)
    assert check(operation_id, response)["code"] == "403000000"
    assert response.status_code == 403


def test_concurrent_token_requests_get_distinct_working_tokens(shared: RouteeServer) -> None:
    """Fifty concurrent token requests each get their own token, and each one works."""

    async def main() -> list[int]:
        transport = httpx.ASGITransport(app=shared.app)
        async with httpx.AsyncClient(transport=transport, base_url=BASE) as client:
            form = {"grant_type": "client_credentials"}
            issued = await asyncio.gather(
                *(client.post(TOKEN, data=form, auth=BASIC) for _ in range(50))
            )
            tokens = {response.json()["access_token"] for response in issued}
            assert len(tokens) == 50
            message_id = shared.sample_ids["get_sms_tracking"][0]
            used = await asyncio.gather(
                *(client.get(SINGLE + message_id, headers=_bearer(t)) for t in tokens)
            )
            return [response.status_code for response in used]

    assert set(asyncio.run(main())) == {200}


# --- POST /sms/tracking -----------------------------------------------------------------


def test_first_page_defaults(reader: AppClient, auth: dict[str, str]) -> None:
    """Without page and size: page 0 of 20 items, first and not last."""
    body = check("track_sms", track(reader, auth))
    assert (body["number"], body["size"], body["numberOfElements"]) == (0, 20, 20)
    assert body["first"] is True
    assert body["last"] is False
    assert body["totalPages"] == math.ceil(body["totalElements"] / 20)


def test_pages_partition_the_results(
    reader: AppClient, auth: dict[str, str], everything: list[dict[str, Any]]
) -> None:
    """Walking pages of 500 to the end yields every item once, in order, with Spring flags."""
    seen: list[str] = []
    for page in pages(0):
        body = check("track_sms", track(reader, auth, page=page, size=500))
        assert body["number"] == page
        assert body["first"] is (page == 0)
        assert body["numberOfElements"] == len(body["content"])
        seen += [row["smsId"] for row in body["content"]]
        if body["last"]:
            break
        assert body["numberOfElements"] == 500
    assert page + 1 == body["totalPages"]
    assert seen == [row["smsId"] for row in everything]


@pytest.mark.parametrize("page", [6, 2147483647])
def test_page_past_the_end_is_empty(reader: AppClient, auth: dict[str, str], page: int) -> None:
    """A page past the last one is empty and marked last, like Spring's."""
    body = check("track_sms", track(reader, auth, page=page, size=2000))
    assert body["content"] == []
    assert body["last"] is True
    assert body["number"] == page


@pytest.mark.parametrize(
    "params",
    [
        {"size": "0"},
        {"size": "2001"},
        {"size": "ten"},
        {"page": "-1"},
        {"page": "2147483648"},
        {"page": "1.5"},
    ],
)
def test_bad_paging_is_400(reader: AppClient, auth: dict[str, str], params: dict[str, str]) -> None:
    """Out-of-range or non-integer page/size: 400 naming the parameter."""
    response = track(reader, auth, **params)
    body = check("track_sms", response)
    assert response.status_code == 400
    assert body["code"] == "400005005"
    assert list(body["properties"]) == list(params)


def test_date_range_is_half_open(
    reader: AppClient, auth: dict[str, str], everything: list[dict[str, Any]]
) -> None:
    """The range includes dateStart and excludes dateEnd, compared with status.date."""
    middle = everything[len(everything) // 2]["status"]["date"]
    before = rows(reader, auth, dateEnd=middle)
    after = rows(reader, auth, dateStart=middle)
    assert len(before) + len(after) == len(everything)
    assert all(row["status"]["date"] < middle for row in before)
    assert after[0]["status"]["date"] == middle


@FAST
@given(
    offsets=st.tuples(
        st.integers(0, 7 * 24 * 3600 * 1000 - 1), st.integers(0, 7 * 24 * 3600 * 1000 - 1)
    ),
    tracking=st.booleans(),
)
def test_any_window_selects_exactly_the_parts_dated_in_it(
    reader: AppClient,
    auth: dict[str, str],
    shared: RouteeServer,
    offsets: tuple[int, int],
    tracking: bool,
) -> None:
    """Any [dateStart, dateEnd) selects the parts whose status.date is in it, in date order."""
    low, high = sorted(NOW - timedelta(days=7) + timedelta(milliseconds=o) for o in offsets)
    campaign = shared.sample_ids["track_campaign_sms"][0]
    source = shared.data.by_campaign[campaign] if tracking else shared.data.parts
    wanted = [part.multi["smsId"] for part in source if low <= part.date < high]
    params = {"dateStart": _iso(low), "dateEnd": _iso(high), "size": 2000}
    if tracking:
        params["trackingId"] = campaign
    body = check("track_sms", track(reader, auth, **params))
    assert body["totalElements"] == len(wanted)
    assert [row["smsId"] for row in body["content"]] == wanted[:2000]


@pytest.mark.parametrize(
    "start",
    [
        "2025-07-25T10:00Z",
        "2025-07-25T10:00:00Z",
        "2025-07-25T10:00:00.000Z",
        "2025-07-25T10:00:00.000000000Z",
        "2025-07-25T13:00+03:00",
        "2025-07-25T13:00:00.000+0300",
        "2025-07-25T05:30-04:30",
    ],
)
def test_every_documented_date_format_is_accepted(
    reader: AppClient, auth: dict[str, str], start: str
) -> None:
    """Minute precision, seconds, fractions and offsets all name the same instant."""
    body = check("track_sms", track(reader, auth, dateStart=start, size=1))
    reference = check("track_sms", track(reader, auth, dateStart="2025-07-25T10:00Z", size=1))
    assert body["totalElements"] == reference["totalElements"] > 0


@pytest.mark.parametrize(
    "value",
    [
        "2025-07-25",
        "2025-07-25T10:00",
        "2025-07-25 10:00Z",
        "2025-07-25T24:00Z",
        "2025-02-30T10:00Z",
        "2025-07-25T10:00+24:00",
        "yesterday",
        "",
        "\u0662025-07-25T10:00Z",
    ],
)
@pytest.mark.parametrize("name", ["dateStart", "dateEnd"])
def test_unparsable_dates_are_400(
    reader: AppClient, auth: dict[str, str], name: str, value: str
) -> None:
    """A date outside the spec's ISO-8601 pattern (or not on the calendar) is refused."""
    response = track(reader, auth, **{name: value})
    body = check("track_sms", response)
    assert response.status_code == 400
    assert body["code"] == "400005002"
    assert name in body["properties"]


@pytest.mark.parametrize("name", ["dateStart", "dateEnd"])
def test_missing_dates_are_400(reader: AppClient, auth: dict[str, str], name: str) -> None:
    """Both dateStart and dateEnd are required."""
    response = track(reader, auth, **{name: None})
    body = check("track_sms", response)
    assert response.status_code == 400
    assert body["code"] == "400005001"
    assert list(body["properties"]) == [name]


def test_repeated_date_is_400(reader: AppClient, auth: dict[str, str]) -> None:
    """A date given twice is refused rather than guessed."""
    query = [("dateStart", WEEK["dateStart"]), ("dateStart", WEEK["dateStart"])]
    query.append(("dateEnd", WEEK["dateEnd"]))
    response = reader.request("POST", TRACK, params=query, headers=auth)
    body = check("track_sms", response)
    assert response.status_code == 400
    assert "dateStart" in body["properties"]


def test_seven_day_window_boundary(reader: AppClient, auth: dict[str, str]) -> None:
    """7 days back (even truncated to the minute) is accepted; a minute more is refused."""
    week_ago = NOW - timedelta(days=7)
    for accepted in (_iso(week_ago), week_ago.strftime("%Y-%m-%dT%H:%MZ")):
        assert track(reader, auth, dateStart=accepted).status_code == 200
    refused = week_ago.replace(second=0, microsecond=0) - timedelta(minutes=2)
    response = track(reader, auth, dateStart=refused.strftime("%Y-%m-%dT%H:%MZ"))
    body = check("track_sms", response)
    assert response.status_code == 400
    assert body["code"] == "400005003"
    assert "7 days" in body["properties"]["dateStart"]


def test_window_follows_the_clock(small: tuple[RouteeServer, AppClient], clock: FakeClock) -> None:
    """The 7-day window is measured from the clock at request time, not at build time."""
    _, client = small
    headers = _bearer(_token(client))
    start = {"dateStart": _iso(NOW - timedelta(days=6)), "dateEnd": _iso(NOW)}
    assert track(client, headers, **start).status_code == 200
    clock.now = NOW + timedelta(days=2)
    headers = _bearer(_token(client))
    assert check("track_sms", track(client, headers, **start))["code"] == "400005003"


def test_date_end_before_start_is_400(reader: AppClient, auth: dict[str, str]) -> None:
    """A dateEnd before dateStart is refused, naming dateEnd; equal dates select nothing."""
    response = track(reader, auth, dateStart="2025-07-28T10:00Z", dateEnd="2025-07-28T09:59Z")
    body = check("track_sms", response)
    assert response.status_code == 400
    assert body["code"] == "400005004"
    assert list(body["properties"]) == ["dateEnd"]
    same = track(reader, auth, dateStart="2025-07-28T10:00Z", dateEnd="2025-07-28T10:00Z")
    assert check("track_sms", same)["totalElements"] == 0


def test_a_400_lists_every_bad_parameter(reader: AppClient, auth: dict[str, str]) -> None:
    """One response names every refused parameter under properties."""
    response = track(reader, auth, [{"fieldName": "nope", "searchTerm": "x"}], size=0, sort="x")
    body = check("track_sms", response)
    assert set(body["properties"]) == {"size", "sort", "body[0].fieldName"}


def _value(row: dict[str, Any], field: str) -> Any:
    if field == "status.status":
        return row["status"]["status"]
    return row["campaignName" if field == "campaign" else field]


def _term(everything: list[dict[str, Any]], field: str, operator: str) -> str:
    """Pick a search term from the data, shaped for the operator."""
    values = Counter(_value(row, field) for row in everything if _value(row, field) is not None)
    value: str = sorted(values)[len(values) // 2]
    if operator == "contains":
        return value[1:-1] if len(value) > 2 else value
    if operator == "starts_with":
        return value[:3]
    if operator == "ends_with":
        return value[-3:]
    return value


def _expected(value: Any, operator: str, term: str) -> bool:
    if value is None:
        return operator == "is_not"
    matched: bool = {
        "is": value == term,
        "is_not": value != term,
        "contains": term in value,
        "starts_with": value.startswith(term),
        "ends_with": value.endswith(term),
    }[operator]
    return matched


@pytest.mark.parametrize("operator", OPERATORS)
@pytest.mark.parametrize("field", FIELDS)
def test_every_operator_on_every_field(
    reader: AppClient,
    auth: dict[str, str],
    everything: list[dict[str, Any]],
    field: str,
    operator: str,
) -> None:
    """Each searchOperator applies to each fieldName; null fields match only is_not."""
    term = _term(everything, field, operator)
    body = [{"fieldName": field, "searchTerm": term, "searchOperator": operator}]
    found = {row["smsId"] for row in rows(reader, auth, body)}
    wanted = {r["smsId"] for r in everything if _expected(_value(r, field), operator, term)}
    assert found == wanted
    assert 0 < len(found) < len(everything) or field == "direction"


def test_operator_defaults_to_is(
    reader: AppClient, auth: dict[str, str], everything: list[dict[str, Any]]
) -> None:
    """A filter without searchOperator matches the exact value, as the docs' example does."""
    sms_id = everything[7]["smsId"]
    found = rows(reader, auth, [{"fieldName": "smsId", "searchTerm": sms_id}])
    assert [row["smsId"] for row in found] == [sms_id]


def test_filters_are_combined_with_and(
    reader: AppClient, auth: dict[str, str], everything: list[dict[str, Any]]
) -> None:
    """Several filters must all match."""
    body = [
        {"fieldName": "status.status", "searchTerm": "Undelivered"},
        {"fieldName": "to", "searchTerm": "+30", "searchOperator": "starts_with"},
    ]
    found = rows(reader, auth, body)
    wanted = [
        r
        for r in everything
        if r["status"]["status"] == "Undelivered" and r["to"].startswith("+30")
    ]
    assert found == wanted
    assert found


@pytest.mark.parametrize("content", [b"", b"  \n", b"[]"])
def test_empty_body_applies_no_filter(
    reader: AppClient, auth: dict[str, str], content: bytes
) -> None:
    """No body, a blank body or [] all mean no filter."""
    response = reader.request(
        "POST",
        TRACK,
        params={**WEEK, "size": 1},
        content=content,
        headers={**auth, "Content-Type": "application/json"},
    )
    assert check("track_sms", response)["totalElements"] >= 2500


@pytest.mark.parametrize(
    ("content", "field"),
    [
        (b"{not json", "body"),
        (b'{"fieldName": "smsId", "searchTerm": "x"}', "body"),
        (b"null", "body"),
        (b'["smsId"]', "body[0]"),
        (b'[{"fieldName": "operator", "searchTerm": "x"}]', "body[0].fieldName"),
        (b'[{"searchTerm": "x"}]', "body[0].fieldName"),
        (b'[{"fieldName": "to"}]', "body[0].searchTerm"),
        (b'[{"fieldName": "to", "searchTerm": 30}]', "body[0].searchTerm"),
        (b'[{"fieldName": "to", "searchTerm": "x", "searchOperator": "like"}]', None),
        (b'[{"fieldName": "to", "searchTerm": "x", "searchOperator": null}]', None),
        (b'[{"fieldName": "to", "searchTerm": "x", "extra": 1}]', "body[0].extra"),
        (b"[NaN]", "body"),
    ],
)
def test_malformed_filter_bodies_are_400(
    reader: AppClient, auth: dict[str, str], content: bytes, field: str | None
) -> None:
    """A body that is not a JSON array of valid filters is refused, naming the culprit."""
    response = reader.request(
        "POST",
        TRACK,
        params=WEEK,
        content=content,
        headers={**auth, "Content-Type": "application/json"},
    )
    body = check("track_sms", response)
    assert response.status_code == 400
    assert body["code"] == "400005007"
    assert (field or "body[0].searchOperator") in body["properties"]


def test_too_many_filters_are_400(reader: AppClient, auth: dict[str, str]) -> None:
    """More than 100 filters are refused, so no request can make a search crawl."""
    one = {"fieldName": "to", "searchTerm": "+", "searchOperator": "contains"}
    assert check("track_sms", track(reader, auth, [one] * 100, size=1))["totalElements"] > 0
    response = track(reader, auth, [one] * 101)
    assert check("track_sms", response)["code"] == "400005007"
    many_bad = track(reader, auth, [{}] * 100)
    assert len(check("track_sms", many_bad)["properties"]) <= 40


def test_non_json_content_type_is_400(reader: AppClient, auth: dict[str, str]) -> None:
    """A filter body sent as anything but JSON is refused."""
    response = reader.request(
        "POST", TRACK, params=WEEK, content=b"[]", headers={**auth, "Content-Type": "text/plain"}
    )
    assert check("track_sms", response)["code"] == "400005007"


@pytest.mark.parametrize(
    ("sort", "key", "descending"),
    [
        ("operator", "operator", False),
        ("price,desc", "price", True),
        ("status.date,DESC", "status.date", True),
        ("label,asc", "label", False),
        ("latency", "latency", False),
    ],
)
def test_sort_by_field(
    reader: AppClient, auth: dict[str, str], sort: str, key: str, descending: bool
) -> None:
    """sort=field[,asc|desc] orders the whole result; null values come last."""
    found = rows(reader, auth, sort=sort)
    values = [row["status"]["date"] if key == "status.date" else row[key] for row in found]
    present = [value for value in values if value is not None]
    assert present == sorted(present, reverse=descending)
    assert values == present + [None] * (len(values) - len(present))


@pytest.mark.parametrize("sort", ["nope", "operator,sideways", "", "groups", ",desc"])
def test_unknown_sort_is_400(reader: AppClient, auth: dict[str, str], sort: str) -> None:
    """An unknown sort field or direction is refused (400), naming sort."""
    response = track(reader, auth, sort=sort)
    body = check("track_sms", response)
    assert response.status_code == 400
    assert body["code"] == "400005006"
    assert list(body["properties"]) == ["sort"]


def test_tracking_id_limits_to_one_campaign(
    reader: AppClient, auth: dict[str, str], shared: RouteeServer
) -> None:
    """A trackingId selects that campaign's parts; an unknown one is Routee's 404009001."""
    campaign_id = shared.sample_ids["track_campaign_sms"][0]
    found = rows(reader, auth, trackingId=campaign_id)
    assert found
    assert {row["campaignTrackingId"] for row in found} == {campaign_id}
    response = track(reader, auth, trackingId="no-such-campaign")
    body = check("track_sms", response)
    assert response.status_code == 400
    assert body["code"] == "404009001"
    assert body["developerMessage"] == "Campaign not found."
    empty = track(reader, auth, trackingId="")
    assert check("track_sms", empty)["code"] == "400005008"


def test_campaign_flag(
    reader: AppClient, auth: dict[str, str], everything: list[dict[str, Any]]
) -> None:
    """campaign=true keeps campaign messages only; campaign=false filters nothing."""
    only = rows(reader, auth, campaign="true")
    assert only == [row for row in everything if row["campaignTrackingId"] is not None]
    assert check("track_sms", track(reader, auth, campaign="false", size=1))["totalElements"] == (
        len(everything)
    )
    response = track(reader, auth, campaign="maybe")
    assert check("track_sms", response)["code"] == "400005008"


def test_unknown_query_parameters_are_ignored(reader: AppClient, auth: dict[str, str]) -> None:
    """Parameters the spec does not declare change nothing."""
    plain = check("track_sms", track(reader, auth, size=5))
    extra = check("track_sms", track(reader, auth, size=5, colour="blue", limit="x"))
    assert plain == extra


# --- single and campaign ----------------------------------------------------------------


def test_single_message_is_a_bare_array_of_its_parts(
    reader: AppClient, auth: dict[str, str], shared: RouteeServer
) -> None:
    """All parts of a multipart message, in part order, named with 'campaign' not campaignName."""
    message_id = shared.sample_ids["get_sms_tracking"][0]
    parts = check("get_sms_tracking", reader.get(SINGLE + message_id, headers=auth))
    assert isinstance(parts, list)
    assert [p["part"] for p in parts] == list(range(1, parts[0]["parts"] + 1))
    assert {p["messageId"] for p in parts} == {message_id}
    assert len({p["smsId"] for p in parts}) == len(parts)
    assert all("campaign" in p and "campaignName" not in p for p in parts)


def test_single_message_campaign_name_matches_pages(
    reader: AppClient, auth: dict[str, str], everything: list[dict[str, Any]]
) -> None:
    """The single view's 'campaign' is the page view's 'campaignName' for the same part."""
    row = next(r for r in everything if r["campaignName"])
    parts = check("get_sms_tracking", reader.get(SINGLE + row["messageId"], headers=auth))
    same = next(p for p in parts if p["smsId"] == row["smsId"])
    assert same["campaign"] == row["campaignName"]


@pytest.mark.parametrize("message_id", ["unknown", "%20", "%E2%82%AC", "a.b", "0" * 300])
def test_unknown_message_is_404(reader: AppClient, auth: dict[str, str], message_id: str) -> None:
    """An unknown message id gets Routee's 404005000 'Tracking not found.'."""
    response = reader.get(SINGLE + message_id, headers=auth)
    body = check("get_sms_tracking", response)
    assert response.status_code == 404
    assert body == {"code": "404005000", "developerMessage": "Tracking not found."}


def test_campaign_pages_to_the_end(
    reader: AppClient, auth: dict[str, str], shared: RouteeServer
) -> None:
    """A campaign's parts page out completely with size 20 (the default)."""
    campaign_id = shared.sample_ids["track_campaign_sms"][1]
    seen: list[dict[str, Any]] = []
    for page in pages(0):
        response = reader.get(CAMPAIGN + campaign_id, params={"page": page}, headers=auth)
        body = check("track_campaign_sms", response)
        assert body["size"] == 20
        seen += body["content"]
        if body["last"]:
            break
    assert len(seen) == body["totalElements"] == len(shared.data.by_campaign[campaign_id]) > 20
    assert {row["campaignTrackingId"] for row in seen} == {campaign_id}


def test_unknown_campaign_is_404(reader: AppClient, auth: dict[str, str]) -> None:
    """An unknown campaign tracking id gets 404009001 'Campaign not found.'."""
    response = reader.get(CAMPAIGN + "no-such-campaign", headers=auth)
    body = check("track_campaign_sms", response)
    assert response.status_code == 404
    assert body["code"] == "404009001"


@pytest.mark.parametrize("params", [{"size": "0"}, {"size": "2001"}, {"page": "-1"}, {"page": "x"}])
def test_campaign_bad_paging_is_400(
    reader: AppClient, auth: dict[str, str], shared: RouteeServer, params: dict[str, str]
) -> None:
    """Campaign paging is validated like the filter endpoint's."""
    campaign_id = shared.sample_ids["track_campaign_sms"][0]
    response = reader.get(CAMPAIGN + campaign_id, params=params, headers=auth)
    body = check("track_campaign_sms", response)
    assert response.status_code == 400
    assert body["code"] == "400005005"


# --- routing ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("GET", TRACK, "POST"),
        ("DELETE", TRACK, "POST"),
        ("POST", SINGLE + "x", "GET"),
        ("HEAD", SINGLE + "x", "GET"),
        ("PUT", CAMPAIGN + "x", "GET"),
        ("GET", TOKEN, "POST"),
        ("OPTIONS", TOKEN, "POST"),
    ],
)
def test_undeclared_methods_are_405(
    reader: AppClient, auth: dict[str, str], method: str, path: str, allow: str
) -> None:
    """Undeclared methods get 405 with Allow, in Routee's error shape."""
    response = reader.request(method, path, headers=auth)
    assert response.status_code == 405
    assert response.headers["allow"] == allow
    if method != "HEAD":
        assert routee_error(response)["code"] == "405000000"


@pytest.mark.parametrize("path", ["/", "/sms", "/sms/tracking/single", "/sms/tracking/single/"])
def test_unknown_paths_are_404(reader: AppClient, auth: dict[str, str], path: str) -> None:
    """Paths outside the spec get a Routee-shaped 404."""
    response = reader.get(path, headers=auth)
    assert response.status_code == 404
    assert routee_error(response)["code"] == "404000000"


# --- bad input of any kind --------------------------------------------------------------

_DATES = st.one_of(
    st.datetimes(
        min_value=datetime(2025, 7, 15),
        max_value=datetime(2025, 8, 5),
        timezones=st.just(UTC),
    ).map(_iso),
    st.sampled_from(["2025-07-28T10:00Z", "2025-07-28T10:00+03:00", "2025-13-01T00:00Z"]),
    st.text(max_size=25),
)
_VALUES = st.one_of(
    _DATES,
    st.integers(-5, 3000).map(str),
    st.sampled_from(["true", "false", "operator,desc", "price", "", "1e3", "\x00"]),
    st.text(max_size=12),
)
_NAMES = st.sampled_from(
    ["dateStart", "dateEnd", "page", "size", "sort", "trackingId", "campaign", "other"]
)
_QUERIES = st.lists(st.tuples(_NAMES, _VALUES), max_size=8)
_FILTERS = st.lists(
    st.fixed_dictionaries(
        {
            "fieldName": st.sampled_from([*FIELDS, "operator"]),
            "searchTerm": st.one_of(st.text(max_size=8), st.integers()),
        },
        optional={"searchOperator": st.sampled_from([*OPERATORS, "like", None])},
    ),
    max_size=3,
)
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=6),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner),
    max_leaves=8,
)
_TRACK_STATUSES = {200, 400}


@FAST
@given(pairs=_QUERIES, dated=st.booleans())
def test_any_query_gets_a_documented_answer(
    reader: AppClient, auth: dict[str, str], shared: RouteeServer, pairs: Any, dated: bool
) -> None:
    """Any query string to POST /sms/tracking gets a 200 or 400 that matches the spec."""
    before = len(shared.tokens)
    query = [*WEEK.items(), *pairs] if dated else pairs
    response = reader.request("POST", TRACK, params=query, headers=auth)
    assert response.status_code in _TRACK_STATUSES
    check("track_sms", response)
    assert len(shared.tokens) == before


@FAST
@given(raw=strategies.query_strings, dated=st.booleans())
def test_any_raw_query_string_gets_a_documented_answer(
    reader: AppClient, auth: dict[str, str], raw: str, dated: bool
) -> None:
    """Hostile raw query strings never cause a 5xx."""
    encoded = quote(raw.encode("utf-8", "surrogatepass"), safe="&=+%[];")
    prefix = f"dateStart={quote(WEEK['dateStart'])}&dateEnd={quote(WEEK['dateEnd'])}&"
    response = reader.request("POST", f"{TRACK}?{prefix if dated else ''}{encoded}", headers=auth)
    assert response.status_code in _TRACK_STATUSES
    check("track_sms", response)


@FAST
@given(body=st.one_of(_FILTERS, _JSON))
def test_any_json_body_gets_a_documented_answer(
    reader: AppClient, auth: dict[str, str], body: Any
) -> None:
    """Any JSON body is either a valid filter list (200) or refused (400)."""
    response = track(reader, auth, body, size=5)
    assert response.status_code in _TRACK_STATUSES
    check("track_sms", response)


@FAST
@given(content=strategies.bodies, content_type=st.sampled_from(["application/json", "", "x/y"]))
def test_any_raw_body_gets_a_documented_answer(
    reader: AppClient, auth: dict[str, str], content: bytes, content_type: str
) -> None:
    """Arbitrary bytes as a filter body never cause a 5xx."""
    headers = {**auth, "Content-Type": content_type} if content_type else auth
    response = reader.request("POST", TRACK, params=WEEK, content=content, headers=headers)
    assert response.status_code in _TRACK_STATUSES
    check("track_sms", response)


@FAST
@given(
    path_id=st.text(min_size=1, max_size=40).filter(lambda s: s not in (".", "..")),
    which=st.sampled_from([("get_sms_tracking", SINGLE), ("track_campaign_sms", CAMPAIGN)]),
)
def test_any_path_id_gets_a_documented_answer(
    reader: AppClient, auth: dict[str, str], path_id: str, which: tuple[str, str]
) -> None:
    """Arbitrary path ids get a documented 404 (or 200 should one exist)."""
    operation_id, prefix = which
    response = reader.get(prefix + quote(path_id, safe=""), headers=auth)
    assert response.status_code in {200, 404}
    check(operation_id, response)


@FAST
@given(
    form=st.lists(
        st.tuples(
            st.sampled_from(["grant_type", "scope", "client_id", ""]),
            st.sampled_from(["client_credentials", "sms", "sms report", "", "password", "x y"])
            | st.text(max_size=8),
        ),
        max_size=4,
    ),
    basic=st.booleans(),
)
def test_any_token_request_gets_a_documented_answer(
    reader: AppClient, shared: RouteeServer, form: list[tuple[str, str]], basic: bool
) -> None:
    """A token request is 200 (one new token), or 400/401 with nothing issued."""
    before = len(shared.tokens)
    response = reader.request("POST", TOKEN, data=dict(form), auth=BASIC if basic else None)
    check("get_access_token", response)
    assert response.status_code in {200, 400, 401}
    assert len(shared.tokens) == before + (response.status_code == 200)


@FAST
@given(header=st.one_of(st.text(max_size=60), st.text(max_size=40).map("Bearer ".__add__)))
def test_any_authorization_header_is_refused(reader: AppClient, header: str) -> None:
    """An Authorization header that is not an issued token always gets a documented 401."""
    value = header.encode("utf-8").replace(b"\r", b"").replace(b"\n", b"")
    response = reader.get(SINGLE + "x", headers={"Authorization": value})
    assert response.status_code == 401
    check("get_sms_tracking", response)
