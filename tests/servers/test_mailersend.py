import asyncio
import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from dlrkit_servers import ReferenceServer, create_app
from dlrkit_servers.mailersend import sms_number_ids
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openapi_support import check_response
from waiting import pages

from servers import strategies
from servers.asgi_client import AppClient

TOKEN = "ms-test-token"  # noqa: S105 -- a test credential
AUTH = {"Authorization": f"Bearer {TOKEN}"}
SEED = 7
NOW = datetime(2025, 7, 29, 14, 31, 52, tzinfo=UTC)
ORIGIN = "https://api.mailersend.test"
BASE = f"{ORIGIN}/v1"
ACTIVITY_STATUSES = {"processed", "queued", "sent", "delivered", "failed"}
MICROS = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z")
HEX24 = re.compile(r"[0-9a-f]{24}")
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Operation of each (method, route template) the spec declares.
OPERATIONS = {
    ("GET", "/sms-activity"): "list_sms_activity",
    ("GET", "/sms-messages"): "list_sms_messages",
    ("GET", "/sms-messages/{id}"): "get_sms_message",
    ("GET", "/sms-recipients"): "list_sms_recipients",
    ("GET", "/sms-recipients/{id}"): "get_sms_recipient",
    ("PUT", "/sms-recipients/{id}"): "update_sms_recipient",
}


def check(operation_id: str, response: httpx.Response) -> Any:
    """Assert the response is one the spec documents (status, body, headers); return its body."""
    assert response.headers["content-type"] == "application/json"
    check_response("mailersend", operation_id, response)
    return response.json()


def _client(server: ReferenceServer) -> AppClient:
    return AppClient(server.app, base_url=BASE)


@pytest.fixture(scope="module")
def shared() -> ReferenceServer:
    """Build the server the read-only tests share (none of them changes its state)."""
    return create_app("mailersend", token=TOKEN, seed=SEED, now=NOW)


@pytest.fixture(scope="module")
def reader(shared: ReferenceServer) -> Iterator[AppClient]:
    """Talk to the shared server."""
    with _client(shared) as client:
        yield client


@pytest.fixture
def server() -> ReferenceServer:
    """Build a fresh server for a test that changes state."""
    return create_app("mailersend", token=TOKEN, seed=SEED, now=NOW)


@pytest.fixture
def client(server: ReferenceServer) -> Iterator[AppClient]:
    """Talk to the fresh server."""
    with _client(server) as test_client:
        yield test_client


def _pages(client: AppClient, path: str, operation_id: str, **params: Any) -> list[Any]:
    """Every page of a list, walked by page number until ``links.next`` is null."""
    bodies = []
    for page in pages(1):
        response = client.get(path, params={**params, "page": page}, headers=AUTH)
        assert response.status_code == 200, response.text
        body = check(operation_id, response)
        bodies.append(body)
        if body["links"]["next"] is None:
            return bodies
        assert body["links"]["next"] == f"{BASE}{path}?page={page + 1}"
    raise AssertionError("unreachable: pages() raises first")


def _rows(client: AppClient, path: str, operation_id: str, **params: Any) -> list[Any]:
    return [row for body in _pages(client, path, operation_id, **params) for row in body["data"]]


@pytest.fixture(scope="module")
def activity(reader: AppClient) -> list[dict[str, Any]]:
    """Fetch every activity row, newest first."""
    return _rows(reader, "/sms-activity", "list_sms_activity", limit=100)


@pytest.fixture(scope="module")
def messages(reader: AppClient) -> list[dict[str, Any]]:
    """Fetch every message summary, newest first."""
    return _rows(reader, "/sms-messages", "list_sms_messages", limit=100)


@pytest.fixture(scope="module")
def recipients(reader: AppClient) -> list[dict[str, Any]]:
    """Fetch every recipient, newest first."""
    return _rows(reader, "/sms-recipients", "list_sms_recipients", limit=100)


def _stamp(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _unix(text: str) -> float:
    return _stamp(text).timestamp()


def _number_ids(server: ReferenceServer) -> list[str]:
    del server  # the ids depend on the seed alone
    return sms_number_ids(SEED)


# --- data set ---------------------------------------------------------------------------------


def test_activity_data_set_is_large_and_complete(activity: list[dict[str, Any]]) -> None:
    """Over 1,000 activity rows, every status, 24-hex message ids, microsecond UTC stamps."""
    assert len(activity) >= 1000
    assert {row["status"] for row in activity} == ACTIVITY_STATUSES
    assert all(HEX24.fullmatch(row["sms_message_id"]) for row in activity)
    assert all(MICROS.fullmatch(row["created_at"]) for row in activity)
    assert all(_stamp(row["created_at"]) < NOW for row in activity)
    times = [_stamp(row["created_at"]) for row in activity]
    assert times == sorted(times, reverse=True)
    assert len({row["sms_message_id"] for row in activity}) >= 200


def test_messages_have_several_recipients_and_segments(
    reader: AppClient, messages: list[dict[str, Any]]
) -> None:
    """Messages go to several recipients; long texts take several segments; failures say why."""
    assert len(messages) >= 200
    assert any(len(message["to"]) > 1 for message in messages)
    assert any(message["paused"] for message in messages)
    details = [
        check("get_sms_message", reader.get(f"/sms-messages/{m['id']}", headers=AUTH))["data"]
        for m in messages[:80]
    ]
    sms = [row for detail in details for row in detail["sms"]]
    assert any(row["segment_count"] > 1 for row in sms)
    failed = [row for row in sms if row["status"] == "failed"]
    assert failed
    assert all(row["error_type"] and row["error_description"] for row in failed)
    assert all(row["error_type"] is None for row in sms if row["status"] != "failed")


def test_recipients_cover_both_statuses(recipients: list[dict[str, Any]]) -> None:
    """A few hundred recipients, active and opted out, with 24-hex ids."""
    assert len(recipients) >= 200
    assert {row["status"] for row in recipients} == {"active", "opt_out"}
    assert all(HEX24.fullmatch(row["id"]) for row in recipients)


def test_sms_number_ids_look_hashed(shared: ReferenceServer) -> None:
    """Sending-number ids are 16 lower-case letters and digits, like ``7z3m5jgrogdpyo6n``."""
    assert len(_number_ids(shared)) >= 3
    assert all(re.fullmatch(r"[a-z0-9]{16}", value) for value in _number_ids(shared))


def test_same_seed_same_data() -> None:
    """A seed and a pinned clock always give the same data; another seed does not."""
    first = create_app("mailersend", token=TOKEN, seed=1, now=NOW)
    again = create_app("mailersend", token=TOKEN, seed=1, now=NOW)
    other = create_app("mailersend", token=TOKEN, seed=2, now=NOW)
    assert first.sample_ids == again.sample_ids != other.sample_ids
    with _client(first) as one, _client(again) as two:
        assert (
            one.get("/sms-activity", headers=AUTH).text
            == two.get("/sms-activity", headers=AUTH).text
        )


@settings(max_examples=8, deadline=None)
@given(st.integers(min_value=0, max_value=2**64))
def test_any_seed_builds_with_resolvable_samples(seed: int) -> None:
    """Every seed gives a server whose sample ids exist."""
    server = create_app("mailersend", token=TOKEN, seed=seed, now=NOW)
    with _client(server) as test_client:
        for message_id in server.sample_ids["get_sms_message"]:
            assert test_client.get(f"/sms-messages/{message_id}", headers=AUTH).status_code == 200
        for recipient_id in server.sample_ids["get_sms_recipient"]:
            url = f"/sms-recipients/{recipient_id}"
            assert test_client.get(url, headers=AUTH).status_code == 200


def test_sample_ids_resolve(reader: AppClient, shared: ReferenceServer) -> None:
    """Every advertised sample id exists."""
    for message_id in shared.sample_ids["get_sms_message"]:
        check("get_sms_message", reader.get(f"/sms-messages/{message_id}", headers=AUTH))
    for recipient_id in shared.sample_ids["get_sms_recipient"]:
        response = reader.get(f"/sms-recipients/{recipient_id}", headers=AUTH)
        assert check("get_sms_recipient", response)["data"]["id"] == recipient_id
    assert set(shared.sample_ids) == {"get_sms_message", "get_sms_recipient", "get_sms_webhook"}


# --- sms-activity -----------------------------------------------------------------------------


def test_activity_simple_paginator(reader: AppClient) -> None:
    """Activity pages have no total, a null ``links.last`` and a ``first`` without filters."""
    response = reader.get("/sms-activity", params={"page": 2, "limit": 10}, headers=AUTH)
    body = check("list_sms_activity", response)
    assert body["links"] == {
        "first": f"{BASE}/sms-activity?page=1",
        "last": None,
        "prev": f"{BASE}/sms-activity?page=1",
        "next": f"{BASE}/sms-activity?page=3",
    }
    assert body["meta"] == {
        "current_page": 2,
        "from": 11,
        "path": f"{BASE}/sms-activity",
        "per_page": 10,
        "to": 20,
    }


def test_activity_default_limit(reader: AppClient) -> None:
    """Without ``limit`` a page holds 25 rows and ``per_page`` is the integer 25."""
    body = check("list_sms_activity", reader.get("/sms-activity", headers=AUTH))
    assert len(body["data"]) == 25
    assert body["meta"]["per_page"] == 25
    assert body["links"]["prev"] is None


def test_activity_pages_partition_the_rows(
    reader: AppClient, activity: list[dict[str, Any]]
) -> None:
    """Walking pages of 73 gives the same rows, in order, as pages of 100."""
    rows = _rows(reader, "/sms-activity", "list_sms_activity", limit=73)
    assert rows == activity


def test_activity_page_past_the_end_is_empty(
    reader: AppClient, activity: list[dict[str, Any]]
) -> None:
    """A page past the last one is empty, with null from/to/next and a prev link."""
    page = len(activity) // 10 + 5
    response = reader.get("/sms-activity", params={"page": page, "limit": 10}, headers=AUTH)
    body = check("list_sms_activity", response)
    assert body["data"] == []
    assert body["meta"]["from"] is None
    assert body["meta"]["to"] is None
    assert body["links"]["next"] is None
    assert body["links"]["prev"] == f"{BASE}/sms-activity?page={page - 1}"


def test_activity_last_full_page_has_no_next(
    reader: AppClient, activity: list[dict[str, Any]]
) -> None:
    """The page holding the last row has no ``next``; the one before has."""
    limit = 10
    last = -(-len(activity) // limit)
    for page, has_next in ((last - 1, True), (last, False)):
        params = {"page": page, "limit": limit}
        body = check("list_sms_activity", reader.get("/sms-activity", params=params, headers=AUTH))
        assert (body["links"]["next"] is not None) is has_next
        assert body["meta"]["to"] == min(page * limit, len(activity))


@pytest.mark.parametrize("wanted", [["failed"], ["sent", "delivered"], ["processed", "queued"]])
def test_activity_status_filter(
    reader: AppClient, activity: list[dict[str, Any]], wanted: list[str]
) -> None:
    """Repeated ``status[]`` keys keep exactly the rows with those statuses."""
    rows = _rows(reader, "/sms-activity", "list_sms_activity", limit=100, **{"status[]": wanted})
    assert rows == [row for row in activity if row["status"] in wanted]


def test_activity_status_filter_is_form_encoded(reader: AppClient) -> None:
    """``status%5B%5D=failed`` is the same filter as ``status[]=failed``."""
    response = reader.get("/sms-activity?status%5B%5D=failed&limit=100", headers=AUTH)
    body = check("list_sms_activity", response)
    assert body["data"]
    assert {row["status"] for row in body["data"]} == {"failed"}


def test_activity_unknown_status_is_422(reader: AppClient) -> None:
    """An unknown ``status[]`` value is refused, naming its position."""
    params = [("status[]", "sent"), ("status[]", "bounced")]
    response = reader.get("/sms-activity", params=params, headers=AUTH)
    assert response.status_code == 422
    assert check("list_sms_activity", response) == {
        "message": "The selected status.1 is invalid.",
        "errors": {"status.1": ["The selected status.1 is invalid."]},
    }


def test_activity_date_range_is_inclusive(
    reader: AppClient, activity: list[dict[str, Any]]
) -> None:
    """``date_from``/``date_to`` (Unix seconds) keep rows inside the closed range."""
    times = sorted(_unix(row["created_at"]) for row in activity)
    low, high = int(times[len(times) // 3]), int(times[len(times) // 2])
    params = {"date_from": low, "date_to": high, "limit": 100}
    rows = _rows(reader, "/sms-activity", "list_sms_activity", **params)
    assert rows == [row for row in activity if low <= _unix(row["created_at"]) <= high]
    assert rows


def test_activity_one_sided_dates(reader: AppClient, activity: list[dict[str, Any]]) -> None:
    """Either bound alone filters on its own side."""
    middle = int(_unix(activity[len(activity) // 2]["created_at"]))
    after = _rows(reader, "/sms-activity", "list_sms_activity", limit=100, date_from=middle)
    before = _rows(reader, "/sms-activity", "list_sms_activity", limit=100, date_to=middle)
    assert after == [row for row in activity if _unix(row["created_at"]) >= middle]
    assert before == [row for row in activity if _unix(row["created_at"]) <= middle]


@pytest.mark.parametrize("gap", [0, -1, -86_400])
def test_activity_dates_out_of_order_are_422(reader: AppClient, gap: int) -> None:
    """``date_from`` not lower than ``date_to`` fails both fields, with the count suffix."""
    params = {"date_from": 1_753_195_200, "date_to": 1_753_195_200 + gap}
    response = reader.get("/sms-activity", params=params, headers=AUTH)
    assert response.status_code == 422
    body = check("list_sms_activity", response)
    assert set(body["errors"]) == {"date_from", "date_to"}
    assert body["message"] == body["errors"]["date_from"][0] + " (and 1 more error)"


def test_activity_sms_number_filter(
    reader: AppClient, shared: ReferenceServer, activity: list[dict[str, Any]]
) -> None:
    """Filtering by each sending number splits the rows between the numbers."""
    seen: list[dict[str, Any]] = []
    for number_id in _number_ids(shared):
        rows = _rows(
            reader, "/sms-activity", "list_sms_activity", limit=100, sms_number_id=number_id
        )
        assert rows
        assert len({row["from"] for row in rows}) == 1
        seen += rows
    assert sorted(seen, key=lambda row: row["created_at"]) == sorted(
        activity, key=lambda row: row["created_at"]
    )


@pytest.mark.parametrize("path", ["/sms-activity", "/sms-recipients"])
def test_unknown_sms_number_is_422(reader: AppClient, path: str) -> None:
    """An unknown ``sms_number_id`` is a 422 with MailerSend's recorded body."""
    params = {"sms_number_id": "test-sms-number-id", "limit": 10}
    response = reader.get(path, params=params, headers=AUTH)
    assert response.status_code == 422
    operation_id = "list_sms_activity" if path == "/sms-activity" else "list_sms_recipients"
    assert check(operation_id, response) == {
        "message": "The selected sms number id is invalid.",
        "errors": {"sms_number_id": ["The selected sms number id is invalid."]},
    }


# --- validation shared by the lists --------------------------------------------------------

LISTS = [
    ("/sms-activity", "list_sms_activity"),
    ("/sms-messages", "list_sms_messages"),
    ("/sms-recipients", "list_sms_recipients"),
]
BAD_PAGING = [
    ({"limit": "9"}, "limit", "The limit must be at least 10."),
    ({"limit": "101"}, "limit", "The limit must not be greater than 100."),
    ({"limit": "ten"}, "limit", "The limit must be an integer."),
    ({"limit": "2.5"}, "limit", "The limit must be an integer."),
    ({"page": "0"}, "page", "The page must be at least 1."),
    ({"page": "-3"}, "page", "The page must be at least 1."),
    ({"page": ""}, "page", "The page must be an integer."),
]


@pytest.mark.parametrize(("path", "operation_id"), LISTS)
@pytest.mark.parametrize(("params", "field", "message"), BAD_PAGING)
def test_bad_paging_is_422(
    reader: AppClient,
    path: str,
    operation_id: str,
    params: dict[str, str],
    field: str,
    message: str,
) -> None:
    """Out-of-range or non-integer ``page``/``limit`` are refused with Laravel's wording."""
    response = reader.get(path, params=params, headers=AUTH)
    assert response.status_code == 422
    assert check(operation_id, response) == {"message": message, "errors": {field: [message]}}


@pytest.mark.parametrize(("path", "operation_id"), LISTS)
@pytest.mark.parametrize("limit", [10, 100])
def test_limit_bounds_are_accepted(
    reader: AppClient, path: str, operation_id: str, limit: int
) -> None:
    """``limit`` 10 and 100 are both valid page sizes."""
    body = check(operation_id, reader.get(path, params={"limit": limit}, headers=AUTH))
    assert len(body["data"]) == limit
    assert int(body["meta"]["per_page"]) == limit


@pytest.mark.parametrize(("path", "operation_id"), LISTS)
def test_repeated_page_is_422(reader: AppClient, path: str, operation_id: str) -> None:
    """A single-valued parameter given twice is refused rather than guessed."""
    response = reader.get(path, params=[("page", "1"), ("page", "2")], headers=AUTH)
    assert response.status_code == 422
    assert "page" in check(operation_id, response)["errors"]


def test_many_errors_are_counted(reader: AppClient) -> None:
    """With three failing fields, ``message`` ends with `` (and 2 more errors)``."""
    params = {"sms_number_id": "nope", "page": "0", "limit": "5"}
    response = reader.get("/sms-activity", params=params, headers=AUTH)
    body = check("list_sms_activity", response)
    assert body == {
        "message": "The selected sms number id is invalid. (and 2 more errors)",
        "errors": {
            "sms_number_id": ["The selected sms number id is invalid."],
            "page": ["The page must be at least 1."],
            "limit": ["The limit must be at least 10."],
        },
    }


@pytest.mark.parametrize(("path", "operation_id"), LISTS)
def test_unknown_query_parameters_are_ignored(
    reader: AppClient, path: str, operation_id: str
) -> None:
    """Parameters the API does not know change nothing."""
    plain = reader.get(path, headers=AUTH)
    extra = reader.get(path, params={"foo": "bar", "status[]x": "1"}, headers=AUTH)
    assert check(operation_id, extra) == check(operation_id, plain)


# --- sms-messages -----------------------------------------------------------------------------


def test_messages_length_aware_paginator(reader: AppClient, messages: list[dict[str, Any]]) -> None:
    """The message list reports total and last page, with Laravel's pagination buttons."""
    body = check("list_sms_messages", reader.get("/sms-messages", headers=AUTH))
    total = len(messages)
    last = -(-total // 25)
    assert body["meta"]["total"] == total
    assert body["meta"]["last_page"] == last
    assert body["links"] == {
        "first": f"{BASE}/sms-messages?page=1",
        "last": f"{BASE}/sms-messages?page={last}",
        "prev": None,
        "next": f"{BASE}/sms-messages?page=2",
    }
    buttons = body["meta"]["links"]
    assert buttons[0] == {"url": None, "label": "&laquo; Previous", "active": False}
    assert buttons[-1] == {
        "url": f"{BASE}/sms-messages?page=2",
        "label": "Next &raquo;",
        "active": False,
    }
    assert [button["label"] for button in buttons[1:-1]] == [str(n) for n in range(1, last + 1)]
    assert [button["active"] for button in buttons[1:-1]] == [n == 1 for n in range(1, last + 1)]


def _labels(reader: AppClient, page: int) -> list[str]:
    params = {"page": page, "limit": 10}
    body = check("list_sms_messages", reader.get("/sms-messages", params=params, headers=AUTH))
    return [button["label"] for button in body["meta"]["links"][1:-1]]


def test_messages_button_window(reader: AppClient, messages: list[dict[str, Any]]) -> None:
    """Many pages collapse into Laravel's window: caps of two pages, three on each side."""
    last = -(-len(messages) // 10)
    assert last >= 20
    head = [str(n) for n in range(1, 11)]
    assert _labels(reader, 1) == [*head, "...", str(last - 1), str(last)]
    assert _labels(reader, 7) == [*head, "...", str(last - 1), str(last)]
    middle = [str(n) for n in range(9, 16)]
    assert _labels(reader, 12) == ["1", "2", "...", *middle, "...", str(last - 1), str(last)]
    tail = [str(n) for n in range(last - 9, last + 1)]
    assert _labels(reader, last) == ["1", "2", "...", *tail]


def test_messages_empty_page_past_the_end(
    reader: AppClient, messages: list[dict[str, Any]]
) -> None:
    """A page past the end is empty but still reports the totals."""
    response = reader.get("/sms-messages", params={"page": 999, "limit": 100}, headers=AUTH)
    body = check("list_sms_messages", response)
    assert body["data"] == []
    assert body["meta"]["total"] == len(messages)
    assert body["meta"]["from"] is None
    assert body["links"]["next"] is None


def test_message_detail_matches_activity(
    reader: AppClient, messages: list[dict[str, Any]], activity: list[dict[str, Any]]
) -> None:
    """A message holds one SMS per recipient and exactly its activity rows, with content.

    The MailerSend SDK's models require `content` on these rows (issue 9, finding 8).
    """
    multi = next(message for message in messages if len(message["to"]) > 2)
    response = reader.get(f"/sms-messages/{multi['id']}", headers=AUTH)
    detail = check("get_sms_message", response)["data"]
    assert {key: detail[key] for key in multi} == multi
    assert sorted(sms["to"] for sms in detail["sms"]) == sorted(multi["to"])
    mine = [row for row in activity if row["sms_message_id"] == multi["id"]]
    key = lambda row: (row["created_at"], row["to"])  # noqa: E731
    assert sorted(detail["sms_activity"], key=key) == sorted(mine, key=key)
    assert all("content" in row for row in detail["sms_activity"])
    for sms in detail["sms"]:
        statuses = [row["status"] for row in mine if row["to"] == sms["to"]]
        assert statuses[0] == sms["status"]  # newest first: the last event is the SMS status
        assert statuses[-1] == "processed"


@pytest.mark.parametrize(
    "message_id", ["test-sms-message-id", "0" * 24, "62134a2d7de3253bf10d6642", "%20", "é"]
)
def test_unknown_message_is_404(reader: AppClient, message_id: str) -> None:
    """Any unknown message id, well-formed or not, is a pretty-printed 404 without quota."""
    response = reader.get(f"/sms-messages/{message_id}", headers=AUTH)
    assert response.status_code == 404
    assert check("get_sms_message", response) == {"message": "Resource not found."}
    assert response.text == '{\n    "message": "Resource not found."\n}'
    assert "x-apiquota-remaining" not in response.headers


# --- sms-recipients ---------------------------------------------------------------------------


def test_recipients_per_page_string_quirk(reader: AppClient) -> None:
    """``per_page`` is a string when ``limit`` was sent and the integer 25 when it was not."""
    explicit = check(
        "list_sms_recipients", reader.get("/sms-recipients", params={"limit": 10}, headers=AUTH)
    )
    default = check("list_sms_recipients", reader.get("/sms-recipients", headers=AUTH))
    assert explicit["meta"]["per_page"] == "10"
    assert default["meta"]["per_page"] == 25
    assert explicit["links"]["last"] is None
    assert "total" not in explicit["meta"]


@pytest.mark.parametrize("status", ["active", "opt_out"])
def test_recipients_status_filter(
    reader: AppClient, recipients: list[dict[str, Any]], status: str
) -> None:
    """``status`` keeps only recipients with that status."""
    rows = _rows(reader, "/sms-recipients", "list_sms_recipients", limit=100, status=status)
    assert rows == [row for row in recipients if row["status"] == status]


def test_recipients_unknown_status_is_422(reader: AppClient) -> None:
    """An unknown recipient ``status`` is refused."""
    response = reader.get("/sms-recipients", params={"status": "blocked"}, headers=AUTH)
    assert response.status_code == 422
    assert check("list_sms_recipients", response)["errors"] == {
        "status": ["The selected status is invalid."]
    }


def test_recipients_sms_number_filter(
    reader: AppClient, shared: ReferenceServer, recipients: list[dict[str, Any]]
) -> None:
    """Each sending number has its own recipients; together they are all recipients."""
    ids: list[str] = []
    for number_id in _number_ids(shared):
        rows = _rows(
            reader, "/sms-recipients", "list_sms_recipients", limit=100, sms_number_id=number_id
        )
        assert rows
        ids += [row["id"] for row in rows]
    assert sorted(ids) == sorted(row["id"] for row in recipients)


def test_recipient_detail_lists_its_sms(
    reader: AppClient, recipients: list[dict[str, Any]]
) -> None:
    """A recipient's ``sms[]`` holds SMS sent to its number only."""
    for row in recipients[:20]:
        detail = check(
            "get_sms_recipient", reader.get(f"/sms-recipients/{row['id']}", headers=AUTH)
        )["data"]
        assert {key: detail[key] for key in row} == row
        assert detail["sms"]
        assert {sms["to"] for sms in detail["sms"]} == {row["number"]}


@pytest.mark.parametrize("method", ["GET", "PUT"])
def test_unknown_recipient_is_404(reader: AppClient, method: str) -> None:
    """Unknown recipient ids are 404 for reads and updates alike."""
    response = reader.request(
        method, "/sms-recipients/test-sms-recipient-id", json={"status": "opt_out"}, headers=AUTH
    )
    assert response.status_code == 404
    operation_id = "get_sms_recipient" if method == "GET" else "update_sms_recipient"
    assert check(operation_id, response) == {"message": "Resource not found."}


def _flip(status: str) -> str:
    return "active" if status == "opt_out" else "opt_out"


def test_update_is_visible_to_reads_and_filters(client: AppClient) -> None:
    """A PUT status is returned, read back, and moves the recipient between filters."""
    first = check("list_sms_recipients", client.get("/sms-recipients", headers=AUTH))["data"][0]
    new = _flip(first["status"])
    url = f"/sms-recipients/{first['id']}"
    updated = check("update_sms_recipient", client.put(url, json={"status": new}, headers=AUTH))
    assert updated == {"data": {**first, "status": new}}
    assert check("get_sms_recipient", client.get(url, headers=AUTH))["data"]["status"] == new
    matching = _rows(client, "/sms-recipients", "list_sms_recipients", limit=100, status=new)
    others = _rows(client, "/sms-recipients", "list_sms_recipients", limit=100, status=_flip(new))
    assert first["id"] in {row["id"] for row in matching}
    assert first["id"] not in {row["id"] for row in others}


def test_update_is_idempotent(client: AppClient, server: ReferenceServer) -> None:
    """Setting the status a recipient already has answers 200 and changes nothing."""
    url = f"/sms-recipients/{server.sample_ids['get_sms_recipient'][0]}"
    before = check("get_sms_recipient", client.get(url, headers=AUTH))["data"]
    body = {"status": before["status"]}
    check("update_sms_recipient", client.put(url, json=body, headers=AUTH))
    assert check("get_sms_recipient", client.get(url, headers=AUTH))["data"] == before


BAD_BODIES: list[tuple[bytes, dict[str, list[str]]]] = [
    (b"", {"status": ["The status field is required."]}),
    (b"{}", {"status": ["The status field is required."]}),
    (b"not json", {"status": ["The status field is required."]}),
    (b'["opt_out"]', {"status": ["The status field is required."]}),
    (b'{"status": null}', {"status": ["The status field is required."]}),
    (b'{"status": "blocked"}', {"status": ["The selected status is invalid."]}),
    (b'{"status": 1}', {"status": ["The selected status is invalid."]}),
    (b'{"status": ["active"]}', {"status": ["The selected status is invalid."]}),
    (b'{"status": "ACTIVE"}', {"status": ["The selected status is invalid."]}),
    (b'{"status": "active", "note": 1}', {"note": ["The 'note' field is prohibited."]}),
]


@pytest.mark.parametrize(("raw", "errors"), BAD_BODIES)
def test_bad_update_body_is_422_and_changes_nothing(
    client: AppClient, server: ReferenceServer, raw: bytes, errors: dict[str, list[str]]
) -> None:
    """A body without a valid ``status`` (or with extra fields) is refused; nothing changes."""
    url = f"/sms-recipients/{server.sample_ids['get_sms_recipient'][1]}"
    before = client.get(url, headers=AUTH).json()
    headers = {**AUTH, "Content-Type": "application/json"}
    response = client.put(url, content=raw, headers=headers)
    assert response.status_code == 422
    assert check("update_sms_recipient", response)["errors"] == errors
    assert client.get(url, headers=AUTH).json() == before


def test_concurrent_updates_leave_a_consistent_state(server: ReferenceServer) -> None:
    """Concurrent PUTs and reads all succeed, and reads and filters agree afterwards."""
    ids = server.sample_ids["get_sms_recipient"]

    async def run() -> tuple[list[httpx.Response], dict[str, str], set[str]]:
        transport = httpx.ASGITransport(app=server.app)
        async with httpx.AsyncClient(transport=transport, base_url=BASE, headers=AUTH) as http:
            calls = []
            for round_ in range(20):
                for recipient_id in ids:
                    status = "opt_out" if (round_ + len(recipient_id)) % 2 else "active"
                    url = f"/sms-recipients/{recipient_id}"
                    calls.append(http.put(url, json={"status": status}))
                    calls.append(http.get("/sms-recipients", params={"status": "opt_out"}))
            responses = await asyncio.gather(*calls)
            finals = {
                recipient_id: (await http.get(f"/sms-recipients/{recipient_id}")).json()["data"][
                    "status"
                ]
                for recipient_id in ids
            }
            opted: set[str] = set()
            for page in pages(1):
                params: dict[str, str | int] = {"status": "opt_out", "limit": 100, "page": page}
                body = (await http.get("/sms-recipients", params=params)).json()
                opted |= {row["id"] for row in body["data"]}
                if body["links"]["next"] is None:
                    return responses, finals, opted
            raise AssertionError("unreachable: pages() raises first")

    responses, finals, opted = asyncio.run(run())
    assert all(response.status_code == 200 for response in responses)
    for response in responses[::2]:
        assert response.json()["data"]["status"] == json.loads(response.request.content)["status"]
    assert {rid for rid, status in finals.items() if status == "opt_out"} == opted & set(ids)


# --- auth, routing, headers -------------------------------------------------------------------

REQUESTS = [
    ("GET", "/sms-activity", "list_sms_activity"),
    ("GET", "/sms-messages", "list_sms_messages"),
    ("GET", "/sms-messages/62134a2d7de3253bf10d6642", "get_sms_message"),
    ("GET", "/sms-recipients", "list_sms_recipients"),
    ("GET", "/sms-recipients/62347d2be979fd275c0afd34", "get_sms_recipient"),
    ("PUT", "/sms-recipients/62347d2be979fd275c0afd34", "update_sms_recipient"),
]
BAD_AUTH: list[dict[str, str]] = [
    {},
    {"Authorization": "Bearer wrong-token"},
    {"Authorization": f"Basic {TOKEN}"},
    {"Authorization": "Bearer"},
    {"Authorization": f"Bearer {TOKEN}x"},
]


@pytest.mark.parametrize(("method", "path", "operation_id"), REQUESTS)
@pytest.mark.parametrize("headers", BAD_AUTH)
def test_bad_token_is_401(
    reader: AppClient, method: str, path: str, operation_id: str, headers: dict[str, str]
) -> None:
    """Every operation refuses missing or wrong tokens with ``Unauthenticated.``."""
    response = reader.request(method, path, json={"status": "active"}, headers=headers)
    assert response.status_code == 401
    assert check(operation_id, response) == {"message": "Unauthenticated."}
    assert response.headers["x-apiquota-remaining"] == "-1"


def test_quota_headers_on_success_and_validation_errors(reader: AppClient) -> None:
    """2xx and 422 answers carry ``-1`` and the next UTC midnight; 404s carry neither."""
    midnight = (NOW + timedelta(days=1)).strftime("%Y-%m-%dT00:00:00Z")
    for params in ({}, {"limit": "1"}):
        response = reader.get("/sms-activity", params=params, headers=AUTH)
        assert response.headers["x-apiquota-remaining"] == "-1"
        assert response.headers["x-apiquota-reset"] == midnight
    missing = reader.get("/sms-recipients/nope", headers=AUTH)
    assert "x-apiquota-reset" not in missing.headers


def test_bodies_are_escaped_like_php(reader: AppClient, activity: list[dict[str, Any]]) -> None:
    """Bodies escape ``/`` and non-ASCII as PHP does; the JSON still decodes to plain text."""
    response = reader.get("/sms-recipients", headers=AUTH)
    assert '"first":"https:\\/\\/api.mailersend.test\\/v1\\/sms-recipients?page=1"' in response.text
    assert response.json()["links"]["first"] == f"{BASE}/sms-recipients?page=1"
    accented = next(row for row in activity if not row["content"].isascii())
    message = reader.get(f"/sms-messages/{accented['sms_message_id']}", headers=AUTH)
    assert message.content.isascii()
    assert "\\u" in message.text
    assert message.json()["data"]["text"] == accented["content"]


def test_links_follow_the_request_origin(shared: ReferenceServer) -> None:
    """Pagination URLs are built from the host the client called."""
    with AppClient(shared.app, base_url="http://127.0.0.1:8123/v1") as local:
        body = local.get("/sms-activity", headers=AUTH).json()
    assert body["meta"]["path"] == "http://127.0.0.1:8123/v1/sms-activity"
    assert body["links"]["next"] == "http://127.0.0.1:8123/v1/sms-activity?page=2"


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("POST", "/sms-activity", "GET"),
        ("DELETE", "/sms-messages/abc", "GET"),
        ("HEAD", "/sms-recipients", "GET"),
        ("PATCH", "/sms-recipients/abc", "GET, PUT"),
        ("POST", "/sms-recipients/abc", "GET, PUT"),
    ],
)
def test_undeclared_method_is_405(reader: AppClient, method: str, path: str, allow: str) -> None:
    """Methods a path does not declare get 405 with ``Allow``."""
    response = reader.request(method, path, headers=AUTH)
    assert response.status_code == 405
    assert response.headers["allow"] == allow


@pytest.mark.parametrize(
    "path", ["/sms", "/sms-activity/x", "/sms-messages/", "/sms-recipients/a/b", "/../sms-activity"]
)
def test_unknown_path_is_404(reader: AppClient, path: str) -> None:
    """Paths the API does not have get MailerSend's 404 body."""
    response = reader.get(path, headers=AUTH)
    assert response.status_code == 404
    assert response.json() == {"message": "Resource not found."}


def test_path_outside_base_is_404() -> None:
    """The API lives under ``/v1`` only."""
    server = create_app("mailersend", token=TOKEN, now=NOW)
    with AppClient(server.app, base_url=ORIGIN) as root:
        assert root.get("/sms-activity", headers=AUTH).status_code == 404


def test_token_stays_out_of_reprs(shared: ReferenceServer) -> None:
    """The token never shows in the server's repr or its description."""
    assert TOKEN not in repr(shared)
    assert TOKEN not in shared.describe(ORIGIN)


# --- bad input, any shape -----------------------------------------------------------------

_PARAM_NAMES = st.sampled_from(
    ["page", "limit", "status[]", "status", "sms_number_id", "date_from", "date_to", "other"]
)
_PARAM_VALUES = st.one_of(
    st.sampled_from(
        ["processed", "failed", "active", "opt_out", "0", "10", "100", "1753195200", "-1"]
    ),
    strategies.int_texts,
    st.text(max_size=16),
)
queries = st.lists(st.tuples(_PARAM_NAMES, _PARAM_VALUES), max_size=6)
# "." and ".." are dot segments: the client resolves them before sending.
path_ids = st.text(min_size=1, max_size=40).filter(lambda text: text not in (".", ".."))
json_bodies = st.one_of(
    st.fixed_dictionaries(
        {"status": st.one_of(st.sampled_from(["active", "opt_out", ""]), st.text(max_size=8))}
    ),
    st.dictionaries(st.text(max_size=8), st.none() | st.integers() | st.text(max_size=8)),
    st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=8), st.lists),
).map(lambda value: httpx.Request("PUT", "/", json=value).content)


@FAST
@given(queries, st.sampled_from(LISTS))
def test_any_query_gets_a_documented_answer(
    reader: AppClient, pairs: list[tuple[str, str]], target: tuple[str, str]
) -> None:
    """Whatever the query, a list answers 200 or a documented 422, matching the spec."""
    path, operation_id = target
    response = reader.get(path, params=pairs, headers=AUTH)
    assert response.status_code in (200, 422)
    check(operation_id, response)


@FAST
@given(strategies.query_strings, st.sampled_from(LISTS))
def test_any_raw_query_string_gets_a_documented_answer(
    reader: AppClient, raw: str, target: tuple[str, str]
) -> None:
    """Hostile raw query strings get 200 or 422, never a 5xx."""
    path, operation_id = target
    encoded = quote(raw.encode("utf-8", "surrogatepass"), safe="&=+%[];")
    response = reader.get(f"{path}?{encoded}", headers=AUTH)
    assert response.status_code in (200, 422)
    check(operation_id, response)


@FAST
@given(path_ids, st.sampled_from(["sms-messages", "sms-recipients"]))
def test_any_path_id_gets_200_or_404(reader: AppClient, raw_id: str, collection: str) -> None:
    """Any path id gets the resource or a 404, never a 422 or 5xx."""
    operation_id = "get_sms_message" if collection == "sms-messages" else "get_sms_recipient"
    encoded = quote(raw_id.encode("utf-8", "surrogatepass"), safe="")
    response = reader.get(f"/{collection}/{encoded}", headers=AUTH)
    assert response.status_code in (200, 404)
    check(operation_id, response)


@settings(FAST, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(json_bodies, strategies.bodies))
def test_any_update_body_is_200_or_422_and_only_valid_ones_change_state(
    server: ReferenceServer, raw: bytes
) -> None:
    """A PUT body either sets a valid status (200) or is refused (422) leaving state alone."""
    url = f"/sms-recipients/{server.sample_ids['get_sms_recipient'][0]}"
    with _client(server) as test_client:
        before = test_client.get(url, headers=AUTH).json()["data"]
        response = test_client.put(url, content=raw, headers=AUTH)
        after = test_client.get(url, headers=AUTH).json()["data"]
    assert response.status_code in (200, 422)
    body = check("update_sms_recipient", response)
    if response.status_code == 422:
        assert after == before
    else:
        assert after["status"] == body["data"]["status"] in ("active", "opt_out")


@FAST
@given(strategies.bodies, st.sampled_from(REQUESTS[:5]))
def test_bodies_on_reads_are_ignored(
    reader: AppClient, raw: bytes, request_: tuple[str, str, str]
) -> None:
    """A body sent with a GET changes nothing about the answer."""
    method, path, operation_id = request_
    response = reader.request(method, path, content=raw, headers=AUTH)
    assert response.status_code in (200, 404)
    check(operation_id, response)


def test_oversized_bodies_get_documented_statuses(reader: AppClient) -> None:
    """A body over the size limit is refused with a status each operation declares."""
    huge = b"x" * ((1 << 20) + 1)
    for method, path, operation_id in REQUESTS:
        response = reader.request(method, path, content=huge, headers=AUTH)
        assert response.status_code in (404, 422)
        check(operation_id, response)


@pytest.mark.parametrize(("page", "status"), [(2**63 - 1, 200), (2**63, 422), (10**40, 422)])
def test_page_is_bounded_as_int64(reader: AppClient, page: int, status: int) -> None:
    """Pages up to int64's maximum are served (empty); beyond, 422 (JavaScript rounds them)."""
    response = reader.get("/sms-messages", params={"page": page}, headers=AUTH)
    assert response.status_code == status, response.text
