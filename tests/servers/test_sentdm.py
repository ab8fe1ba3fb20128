import asyncio
import math
import re
import uuid
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from dlrkit_servers import ReferenceServer, create_app
from dlrkit_servers.sentdm._data import FAILURE_STATUSES, KNOWN_STATUSES, DataSet, build_data
from dlrkit_servers.sentdm._formats import REGIONS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openapi_support import check_response, schema_validator
from waiting import pages

from servers import strategies
from servers.asgi_client import AppClient

KEY = "6f0e4c1a-2b7d-4e0a-9c55-3d1f2a8b9e70"
AUTH = {"x-api-key": KEY}
NOW = datetime(2026, 5, 21, 12, 0, tzinfo=UTC)
SEED = 7
BASE = "https://api.sent.dm"
STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.(\d{5,7})\+00:00")
PRICE = re.compile(r"[0-9]+\.[0-9]{4}")
REQUEST_ID = re.compile(r"req_[0-9A-Za-z]{10}")
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MESSAGE_OPS = (("", "get_message_status"), ("/activities", "list_message_activities"))
ENVELOPE = "#/components/schemas/ErrorEnvelope"


def check(operation_id: str, response: httpx.Response) -> Any:
    """Assert the response is one the spec documents (status, body, headers); return its body."""
    assert response.headers["content-type"] == "application/json"
    check_response("sentdm", operation_id, response)
    body = response.json()
    assert response.headers["x-request-id"] == body["meta"]["request_id"]
    return body


def check_envelope(response: httpx.Response) -> dict[str, Any]:
    """Assert a response outside any operation (404 path, 405) is a valid error envelope."""
    body = response.json()
    schema_validator("sentdm", ENVELOPE).validate(body)
    assert response.headers["x-request-id"] == body["meta"]["request_id"]
    error: dict[str, Any] = body["error"]
    return error


@pytest.fixture(scope="module")
def shared() -> ReferenceServer:
    """Build the server every test shares (its data never changes)."""
    return create_app("sentdm", token=KEY, seed=SEED, now=NOW)


@pytest.fixture(scope="module")
def reader(shared: ReferenceServer) -> Iterator[AppClient]:
    """Talk to the shared server."""
    with AppClient(shared.app, base_url=BASE) as client:
        yield client


@pytest.fixture(scope="module")
def data() -> DataSet:
    """Build the shared server's data set again, the same way."""
    return build_data(SEED, NOW)


@pytest.fixture(scope="module")
def messages(data: DataSet) -> list[dict[str, Any]]:
    """Every message of the key's own profile."""
    return list(data.main.messages.values())


@pytest.fixture(scope="module")
def contacts(reader: AppClient) -> list[dict[str, Any]]:
    """Every contact of the key's own profile, walked page by page."""
    return [row for body in _pages(reader, page_size=20) for row in body["data"]["contacts"]]


def _pages(client: AppClient, **params: Any) -> list[dict[str, Any]]:
    bodies = []
    for page in pages(1):
        response = client.get("/v3/contacts", params={**params, "page": page}, headers=AUTH)
        assert response.status_code == 200, response.text
        body = check("list_contacts", response)
        bodies.append(body)
        if not body["data"]["pagination"]["has_more"]:
            return bodies
    raise AssertionError("unreachable: pages() raises first")


def _error(response: httpx.Response, operation_id: str, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    error: dict[str, Any] = check(operation_id, response)["error"]
    return error


def _timestamps(value: Any) -> Iterator[str]:
    """Every timestamp-valued field in a JSON document."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("timestamp", "created_at", "updated_at", "scheduled_at") and item:
                yield item
            else:
                yield from _timestamps(item)
    elif isinstance(value, list):
        for item in value:
            yield from _timestamps(item)


# --- data set ---------------------------------------------------------------------------------


def test_data_set_is_large_and_has_every_status(data: DataSet) -> None:
    """Hundreds of messages and contacts; every status is some message's current status."""
    assert len(data.main.messages) >= 250
    assert len(data.main.contacts) >= 250
    assert {m["status"] for m in data.main.messages.values()} == set(KNOWN_STATUSES)
    for profile in data.profiles.values():
        assert all(uuid.UUID(message_id).version == 4 for message_id in profile.messages)
        assert {m["customer_id"] for m in profile.messages.values()} == {profile.id}


def test_failures_carry_reasons(messages: list[dict[str, Any]], data: DataSet) -> None:
    """FAILED/FILTERED/BLOCKED messages, their last event and activity name a reason; no other."""
    for message in messages:
        log = data.main.activities[message["id"]]["activities"]
        failed = message["status"] in FAILURE_STATUSES
        assert ("reason_code" in message) is failed
        assert ("reason" in message) is failed
        for row in [*message["events"], *log]:
            assert ("reason_code" in row) is (row["status"] in FAILURE_STATUSES)
        if failed:
            assert (
                message["reason_code"]
                == log[0]["reason_code"]
                == message["events"][-1]["reason_code"]
            )
            assert message["reason"] == log[0]["reason"] != ""


def test_schedules_carry_scheduled_at(messages: list[dict[str, Any]], data: DataSet) -> None:
    """scheduled_at sits on SCHEDULED/CANCELLED messages and rows only; pending ones are ahead."""
    for message in messages:
        scheduled = message["status"] in ("SCHEDULED", "CANCELLED")
        assert ("scheduled_at" in message) is scheduled
        if message["status"] == "SCHEDULED":
            assert datetime.fromisoformat(message["scheduled_at"]) > NOW
        for row in data.main.activities[message["id"]]["activities"]:
            assert ("scheduled_at" in row) is (row["status"] in ("SCHEDULED", "CANCELLED"))
    # A message sent at its scheduled time keeps the SCHEDULED row in its history.
    assert any(
        message["status"] == "DELIVERED"
        and any(event["status"] == "SCHEDULED" for event in message["events"])
        for message in messages
    )


def test_events_ascend_and_activities_descend(
    messages: list[dict[str, Any]], data: DataSet
) -> None:
    """Events are oldest first, activities the same steps newest first, all before now."""
    for message in messages:
        events = [(e["status"], e["timestamp"]) for e in message["events"]]
        log = data.main.activities[message["id"]]["activities"]
        assert [(a["status"], a["timestamp"]) for a in log] == events[::-1]
        times = [datetime.fromisoformat(stamp) for _, stamp in events]
        assert times == sorted(times)
        assert times[-1] < NOW
        assert events[-1][0] == message["status"]
        assert message["created_at"] == events[0][1]


def test_read_only_on_rich_channels(messages: list[dict[str, Any]]) -> None:
    """READ happens only on WhatsApp and RCS; RECEIVED messages are inbound without a template."""
    for message in messages:
        if message["status"] == "READ":
            assert message["channel"] in ("whatsapp", "rcs")
        inbound = message["status"] == "RECEIVED"
        assert (message["direction"] == "inbound") is inbound
        assert (message["template_id"] is None) is inbound


def test_price_shapes(messages: list[dict[str, Any]], data: DataSet) -> None:
    """Activities price with 4-decimal strings, message status with the same value as a number."""
    priced = 0
    for message in messages:
        log = data.main.activities[message["id"]]["activities"]
        assert log[-1]["price"] is None  # the first step is never priced
        for row in log:
            for key in ("price", "active_contact_price"):
                assert row[key] is None or PRICE.fullmatch(row[key])
        for key in ("price", "active_contact_price"):
            value = message[key]
            assert value is None or isinstance(value, float)
            if value is not None:
                priced += 1
                assert Decimal(log[0][key]) == Decimal(str(value))
            else:
                assert log[0][key] is None
    assert priced > 100


def test_long_sms_are_multipart(messages: list[dict[str, Any]]) -> None:
    """An SMS over 160 characters is billed per 153-character part."""
    rates = {region.code: region.sms_units for region, _ in REGIONS}
    long = [
        m
        for m in messages
        if m["channel"] == "sms"
        and m["price"] is not None
        and len(m["message_body"]["content"]) > 160
    ]
    assert long
    for message in long:
        parts = math.ceil(len(message["message_body"]["content"]) / 153)
        assert parts > 1
        assert round(message["price"] * 10_000) == rates[message["region_code"]] * parts


def test_timestamps_are_dotnet_style(
    messages: list[dict[str, Any]], data: DataSet, contacts: list[dict[str, Any]]
) -> None:
    """Every timestamp has 5-7 fraction digits and ``+00:00``; all three lengths occur."""
    stamps = [
        *_timestamps(messages),
        *_timestamps(list(data.main.activities.values())),
        *_timestamps(contacts),
    ]
    lengths = set()
    for stamp in stamps:
        found = STAMP.fullmatch(stamp)
        assert found, stamp
        assert not found.group(1).endswith("0")
        lengths.add(len(found.group(1)))
    assert lengths == {5, 6, 7}


def test_contacts_look_real(contacts: list[dict[str, Any]]) -> None:
    """Contacts have E.164 numbers in all renderings, several regions and channel sets."""
    assert len(contacts) >= 250
    assert len({c["phone_number"] for c in contacts}) == len(contacts)
    for contact in contacts:
        digits = contact["format_e164"].lstrip("+")
        assert contact["phone_number"] == contact["format_e164"]
        assert re.sub(r"\D", "", contact["format_international"]) == digits
        assert re.sub(r"\D", "", contact["format_rfc"]) == digits
        assert contact["format_rfc"].startswith(f"tel:+{contact['country_code']}-")
        assert contact["default_channel"] in contact["available_channels"].split(",")
        assert contact["is_inherited"] is False
    assert len({c["region_code"] for c in contacts}) >= 5
    assert {c["opt_out"] for c in contacts} == {True, False}
    assert any(c["updated_at"] is None for c in contacts)


def test_every_message_validates(messages: list[dict[str, Any]], data: DataSet) -> None:
    """Every message and activity log matches the spec's envelopes."""
    meta = {"request_id": "req_0123456789", "timestamp": "2026-05-21T12:00:00.12345+00:00"}
    meta["version"] = "v3"
    status = schema_validator("sentdm", "#/components/schemas/MessageEnvelope")
    activities = schema_validator("sentdm", "#/components/schemas/MessageActivitiesEnvelope")
    for message in messages:
        status.validate({"success": True, "data": message, "error": None, "meta": meta})
        log = data.main.activities[message["id"]]
        activities.validate({"success": True, "data": log, "error": None, "meta": meta})


def test_same_seed_same_data(data: DataSet, shared: ReferenceServer) -> None:
    """A seed and a pinned clock always give the same data; another seed does not."""
    assert build_data(SEED, NOW) == data
    other = create_app("sentdm", token=KEY, seed=SEED + 1, now=NOW)
    assert other.sample_ids != shared.sample_ids
    assert set(other.sample_ids["get_message_status"]).isdisjoint(data.main.messages)


@pytest.mark.parametrize("seed", range(5))
def test_smallest_data_set_still_has_every_status(seed: int) -> None:
    """One contact and one message still give 3 messages of each status and working samples."""
    small = build_data(seed, NOW, contacts=1, messages=1)
    assert len(small.main.contacts) == 1
    statuses = Counter(message["status"] for message in small.main.messages.values())
    assert statuses == dict.fromkeys(KNOWN_STATUSES, 3)
    assert create_app("sentdm", token=KEY, seed=seed, now=NOW, size=1).sample_ids


def test_ids_do_not_depend_on_the_clock(data: DataSet) -> None:
    """Another ``now`` moves the timestamps but keeps every id, so samples stay put."""
    later = build_data(SEED, datetime(2027, 1, 2, 3, 4, 5, 678901, tzinfo=UTC))
    assert list(later.profiles) == list(data.profiles)
    assert list(later.main.messages) == list(data.main.messages)
    assert [c["id"] for c in later.main.contacts] == [c["id"] for c in data.main.contacts]


# --- messages ---------------------------------------------------------------------------------


def test_sample_ids_resolve(reader: AppClient, shared: ReferenceServer) -> None:
    """Sample ids exist for both message operations and cover READ, FAILED and SCHEDULED."""
    seen = set()
    for suffix, operation_id in MESSAGE_OPS:
        for message_id in shared.sample_ids[operation_id]:
            response = reader.get(f"/v3/messages/{message_id}{suffix}", headers=AUTH)
            assert response.status_code == 200
            body = check(operation_id, response)
            if operation_id == "get_message_status":
                seen.add(body["data"]["status"])
    assert seen == {"READ", "FAILED", "SCHEDULED"}


def test_one_message_per_status_over_http(
    reader: AppClient, messages: list[dict[str, Any]], data: DataSet
) -> None:
    """For each status, both operations return the data set's message and log."""
    for status in KNOWN_STATUSES:
        message = next(m for m in messages if m["status"] == status)
        got = check("get_message_status", reader.get(f"/v3/messages/{message['id']}", headers=AUTH))
        assert got["data"] == message
        url = f"/v3/messages/{message['id']}/activities"
        log = check("list_message_activities", reader.get(url, headers=AUTH))
        assert log["data"] == data.main.activities[message["id"]]


def test_upper_case_id_finds_the_message(reader: AppClient, shared: ReferenceServer) -> None:
    """UUIDs are case-insensitive; the answer uses the canonical lower-case id."""
    message_id = shared.sample_ids["list_message_activities"][0]
    response = reader.get(f"/v3/messages/{message_id.upper()}/activities", headers=AUTH)
    assert check("list_message_activities", response)["data"]["message_id"] == message_id


@pytest.mark.parametrize(("suffix", "operation_id"), MESSAGE_OPS)
def test_unknown_message_is_resource_003(reader: AppClient, suffix: str, operation_id: str) -> None:
    """A well-formed id that is no message gets 404 ``RESOURCE_003`` "Message not found"."""
    url = f"/v3/messages/{uuid.UUID(int=12345, version=4)}{suffix}"
    error = _error(reader.get(url, headers=AUTH), operation_id, 404)
    assert error["code"] == "RESOURCE_003"
    assert error["message"] == "Message not found"
    assert error["details"] is None


@pytest.mark.parametrize(("suffix", "operation_id"), MESSAGE_OPS)
@pytest.mark.parametrize(
    "raw",
    ["abc", "123", "0" * 32, "{6f0e4c1a-2b7d-4e0a-9c55-3d1f2a8b9e70}", "6f0e4c1a-2b7d-4e0a-9c55"],
)
def test_malformed_message_id_is_400(
    reader: AppClient, raw: str, suffix: str, operation_id: str
) -> None:
    """A malformed id gets 400 ``VALIDATION_001`` "Invalid message ID format." naming it."""
    url = f"/v3/messages/{quote(raw, safe='')}{suffix}"
    error = _error(reader.get(url, headers=AUTH), operation_id, 400)
    assert error["code"] == "VALIDATION_001"
    assert error["message"] == "Invalid message ID format."
    assert list(error["details"]) == ["id"]
    assert repr(raw) in error["details"]["id"][0]


# --- contacts ---------------------------------------------------------------------------------


def test_contacts_pages_walk_to_the_end(reader: AppClient, contacts: list[dict[str, Any]]) -> None:
    """1-indexed pages carry total_count, total_pages, has_more and null cursors."""
    bodies = _pages(reader, page_size=20)
    total = len(contacts)
    assert len(bodies) == math.ceil(total / 20)
    for number, body in enumerate(bodies, start=1):
        pagination = body["data"]["pagination"]
        assert pagination == {
            "page": number,
            "page_size": 20,
            "total_count": total,
            "total_pages": len(bodies),
            "has_more": number < len(bodies),
            "cursors": None,
        }
    assert len(bodies[-1]["data"]["contacts"]) == total - 20 * (len(bodies) - 1)
    assert len({c["id"] for c in contacts}) == total
    created = [datetime.fromisoformat(c["created_at"]) for c in contacts]
    assert created == sorted(created, reverse=True)


def test_contacts_defaults_and_past_the_end(reader: AppClient) -> None:
    """Without parameters the first page of 20 comes back; a page past the end is empty."""
    body = check("list_contacts", reader.get("/v3/contacts", headers=AUTH))
    assert body["data"]["pagination"]["page"] == 1
    assert len(body["data"]["contacts"]) == body["data"]["pagination"]["page_size"] == 20
    past = reader.get("/v3/contacts", params={"page": 10**9, "page_size": 50}, headers=AUTH)
    body = check("list_contacts", past)
    assert body["data"]["contacts"] == []
    assert body["data"]["pagination"]["has_more"] is False
    whole = {"page_size": 2**31 - 1}
    body = check("list_contacts", reader.get("/v3/contacts", params=whole, headers=AUTH))
    assert body["data"]["pagination"]["total_pages"] == 1


@pytest.mark.parametrize("page", ["0", "-1", "-2147483649"])
def test_page_zero_is_validation_005(reader: AppClient, page: str) -> None:
    """Page 0 or less gets 400 ``VALIDATION_005`` "Page must be greater than 0"."""
    response = reader.get("/v3/contacts", params={"page": page}, headers=AUTH)
    error = _error(response, "list_contacts", 400)
    assert error["code"] == "VALIDATION_005"
    assert error["message"] == "Page must be greater than 0"
    assert list(error["details"]) == ["page"]
    assert repr(page) in error["details"]["page"][0]


@pytest.mark.parametrize(
    ("params", "code", "fields"),
    [
        ({"page_size": "0"}, "VALIDATION_005", ["page_size"]),
        ({"page": "2147483648"}, "VALIDATION_005", ["page"]),
        ({"page": "one"}, "VALIDATION_001", ["page"]),
        ({"page_size": "2.5"}, "VALIDATION_001", ["page_size"]),
        ({"page": ["1", "2"]}, "VALIDATION_001", ["page"]),
        ({"search": ["a", "b"]}, "VALIDATION_001", ["search"]),
        ({"page": "x", "page_size": "0", "phone": ["1", "2"]}, "VALIDATION_001", None),
    ],
)
def test_bad_contacts_query_is_400_with_details(
    reader: AppClient, params: dict[str, Any], code: str, fields: list[str] | None
) -> None:
    """Bad paging or repeated parameters get a ``VALIDATION_*`` 400 naming every field."""
    error = _error(reader.get("/v3/contacts", params=params, headers=AUTH), "list_contacts", 400)
    assert error["code"] == code
    assert sorted(error["details"]) == sorted(fields or params)


def test_search_filter(reader: AppClient, contacts: list[dict[str, Any]]) -> None:
    """``search`` matches any rendering of the number or the region, case-insensitively."""
    target = contacts[5]
    fragment = target["format_national"][-6:]
    rows = [
        r for b in _pages(reader, search=fragment, page_size=100) for r in b["data"]["contacts"]
    ]
    assert target in rows
    assert all(fragment in r["format_national"] or fragment in r["format_international"]
               or fragment in r["phone_number"] for r in rows)  # fmt: skip
    gb = [r for b in _pages(reader, search="gb", page_size=100) for r in b["data"]["contacts"]]
    assert gb == [c for c in contacts if c["region_code"] == "GB"]


def test_channel_filter(reader: AppClient, contacts: list[dict[str, Any]]) -> None:
    """``channel`` keeps contacts that can be reached on it; unknown channels match nothing."""
    rows = [r for b in _pages(reader, channel="WhatsApp") for r in b["data"]["contacts"]]
    expected = [c for c in contacts if "whatsapp" in c["available_channels"].split(",")]
    assert rows == expected
    assert 0 < len(rows) < len(contacts)
    none = check("list_contacts", reader.get("/v3/contacts?channel=fax", headers=AUTH))
    assert none["data"]["contacts"] == []
    assert none["data"]["pagination"]["total_pages"] == 0


@pytest.mark.parametrize("form", ["e164", "digits", "unencoded", "international"])
def test_phone_filter_finds_one_contact(
    reader: AppClient, contacts: list[dict[str, Any]], form: str
) -> None:
    """``phone`` finds the contact in E.164, bare digits, an unencoded ``+`` or with spaces."""
    target = contacts[7]
    e164 = target["format_e164"]
    url = {
        "e164": f"/v3/contacts?phone={quote(e164)}",
        "digits": f"/v3/contacts?phone={e164[1:]}",
        "unencoded": f"/v3/contacts?phone={e164}",
        "international": f"/v3/contacts?phone={quote(target['format_international'])}",
    }[form]
    body = check("list_contacts", reader.get(url, headers=AUTH))
    assert body["data"]["contacts"] == [target]
    assert body["data"]["pagination"]["total_count"] == 1


@pytest.mark.parametrize("phone", ["+10000000000", "nobody", "+"])
def test_unknown_phone_is_resource_001(reader: AppClient, phone: str) -> None:
    """A ``phone`` no contact has gets 404 ``RESOURCE_001`` naming the number."""
    response = reader.get("/v3/contacts", params={"phone": phone}, headers=AUTH)
    error = _error(response, "list_contacts", 404)
    assert error["code"] == "RESOURCE_001"
    assert error["message"] == "Contact not found with the specified phone number"
    assert repr(phone) in error["details"]["phone"][0]


def test_empty_filters_and_unknown_parameters_are_ignored(reader: AppClient) -> None:
    """Empty filter values filter nothing and unknown parameters are ignored."""
    plain = check("list_contacts", reader.get("/v3/contacts", headers=AUTH))["data"]
    params = {"search": "", "channel": " ", "phone": "", "pageSize": "5", "cursor": "x"}
    other = check("list_contacts", reader.get("/v3/contacts", params=params, headers=AUTH))
    assert other["data"] == plain


# --- profiles ---------------------------------------------------------------------------------


def test_child_profile_scopes_every_operation(reader: AppClient, data: DataSet) -> None:
    """``x-profile-id`` of a child profile shows that profile's contacts and messages only."""
    child_id = next(pid for pid in data.profiles if pid != data.main_id)
    child = data.profiles[child_id]
    headers = {**AUTH, "x-profile-id": child_id.upper()}
    body = check("list_contacts", reader.get("/v3/contacts?page_size=100", headers=headers))
    assert body["data"]["contacts"] == list(child.contacts)
    own = next(iter(child.messages))
    assert check("get_message_status", reader.get(f"/v3/messages/{own}", headers=headers))
    foreign = next(iter(data.main.messages))
    response = reader.get(f"/v3/messages/{foreign}", headers=headers)
    assert _error(response, "get_message_status", 404)["code"] == "RESOURCE_003"
    response = reader.get(f"/v3/messages/{own}/activities", headers=AUTH)
    assert _error(response, "list_message_activities", 404)["code"] == "RESOURCE_003"
    main = {**AUTH, "x-profile-id": data.main_id}
    assert (
        check("list_contacts", reader.get("/v3/contacts", headers=main))["data"]
        == check("list_contacts", reader.get("/v3/contacts", headers=AUTH))["data"]
    )


@pytest.mark.parametrize(
    ("path", "operation_id"),
    [("/v3/contacts", "list_contacts"), ("/v3/messages/{id}", "get_message_status")],
)
def test_profile_header_must_be_a_known_uuid(
    reader: AppClient, shared: ReferenceServer, path: str, operation_id: str
) -> None:
    """A malformed ``x-profile-id`` gets 400 ``VALIDATION_003``; an unknown one 403 ``AUTH_004``."""
    url = path.format(id=shared.sample_ids["get_message_status"][0])
    bad = reader.get(url, headers={**AUTH, "x-profile-id": "child-1"})
    error = _error(bad, operation_id, 400)
    assert error["code"] == "VALIDATION_003"
    assert error["details"] == {"x-profile-id": ["Must be a UUID (got 'child-1')."]}
    stranger = {**AUTH, "x-profile-id": str(uuid.UUID(int=99, version=4))}
    assert _error(reader.get(url, headers=stranger), operation_id, 403)["code"] == "AUTH_004"
    twice = httpx.Headers([*AUTH.items(), ("x-profile-id", "a"), ("x-profile-id", "b")])
    assert _error(reader.get(url, headers=twice), operation_id, 400)["code"] == "VALIDATION_001"


# --- auth, envelope, headers, routing -------------------------------------------------------

REQUESTS = [
    ("/v3/contacts", "list_contacts"),
    ("/v3/messages/6f0e4c1a-2b7d-4e0a-9c55-3d1f2a8b9e70", "get_message_status"),
    ("/v3/messages/6f0e4c1a-2b7d-4e0a-9c55-3d1f2a8b9e70/activities", "list_message_activities"),
    ("/v3/messages/not-a-uuid", "get_message_status"),
]


@pytest.mark.parametrize(("path", "operation_id"), REQUESTS)
@pytest.mark.parametrize(
    ("headers", "code"),
    [({}, "AUTH_001"), ({"x-api-key": "wrong"}, "AUTH_002"), ({"x-api-key": ""}, "AUTH_002")],
)
def test_bad_key_is_401(
    reader: AppClient, path: str, operation_id: str, headers: dict[str, str], code: str
) -> None:
    """A missing key gets ``AUTH_001``, a wrong one ``AUTH_002``, before any validation."""
    error = _error(reader.get(path, headers=headers), operation_id, 401)
    assert error["code"] == code
    assert KEY not in error["message"]


def test_request_ids_are_fresh(reader: AppClient, shared: ReferenceServer) -> None:
    """Every response, success or error, has its own ``req_`` id, echoed in ``X-Request-Id``."""
    message_id = shared.sample_ids["get_message_status"][0]
    urls = ["/v3/contacts", f"/v3/messages/{message_id}", "/v3/messages/x", "/nope"]
    ids = []
    for index in range(60):
        response = reader.get(urls[index % len(urls)], headers=AUTH)
        body = response.json()
        assert body["meta"]["version"] == "v3"
        assert STAMP.fullmatch(body["meta"]["timestamp"])
        assert response.headers["x-request-id"] == body["meta"]["request_id"]
        ids.append(body["meta"]["request_id"])
    assert all(REQUEST_ID.fullmatch(value) for value in ids)
    assert len(set(ids)) == len(ids)
    again = create_app("sentdm", token=KEY, seed=SEED, now=NOW)
    with AppClient(again.app, base_url=BASE) as other:
        assert other.get("/v3/contacts", headers=AUTH).headers["x-request-id"] not in ids


def test_rate_limit_headers_count_down(reader: AppClient) -> None:
    """200s report a 200/min limit, a falling remainder and a reset in the future."""
    first = reader.get("/v3/contacts", headers=AUTH).headers
    second = reader.get("/v3/contacts", headers=AUTH).headers
    assert first["x-ratelimit-limit"] == "200"
    reset = int(second["x-ratelimit-reset"])
    if reset == int(first["x-ratelimit-reset"]):  # not across a window boundary
        assert int(second["x-ratelimit-remaining"]) == max(
            int(first["x-ratelimit-remaining"]) - 1, 0
        )
    assert reset > datetime.now(UTC).timestamp()


@pytest.mark.parametrize(
    ("path", "allow"),
    [
        ("/v3/contacts", "GET"),
        ("/v3/messages/6f0e4c1a-2b7d-4e0a-9c55-3d1f2a8b9e70", "GET"),
        ("/v3/messages/6f0e4c1a-2b7d-4e0a-9c55-3d1f2a8b9e70/activities", "GET"),
    ],
)
@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"])
def test_undeclared_method_is_405(reader: AppClient, method: str, path: str, allow: str) -> None:
    """Methods a path does not declare get 405 with ``Allow`` and an error envelope."""
    response = reader.request(method, path, headers=AUTH)
    assert response.status_code == 405
    assert response.headers["allow"] == allow
    if method != "HEAD":
        assert check_envelope(response)["code"] == "METHOD_NOT_ALLOWED"


@pytest.mark.parametrize(
    "path", ["/", "/v3", "/v3/messages", "/v3/messages/", "/v2/contacts", "/v3/contacts/x/y"]
)
def test_unknown_path_is_404(reader: AppClient, path: str) -> None:
    """Paths the API does not have get a 404 error envelope, with or without a key."""
    for headers in (AUTH, {}):
        response = reader.get(path, headers=headers)
        assert response.status_code == 404
        assert check_envelope(response)["code"] == "NOT_FOUND"


def test_key_stays_out_of_reprs(shared: ReferenceServer) -> None:
    """The API key never shows in the server's repr or its description."""
    assert KEY not in repr(shared)
    assert KEY not in shared.describe(BASE)


def test_concurrent_reads_all_succeed(shared: ReferenceServer) -> None:
    """Concurrent requests all get 200 with distinct request ids."""
    ids = shared.sample_ids["get_message_status"]

    async def run() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=shared.app)
        async with httpx.AsyncClient(transport=transport, base_url=BASE, headers=AUTH) as http:
            calls = [http.get(f"/v3/messages/{ids[n % 3]}") for n in range(60)]
            calls += [http.get("/v3/contacts", params={"page": n + 1}) for n in range(20)]
            return await asyncio.gather(*calls)

    responses = asyncio.run(run())
    assert all(response.status_code == 200 for response in responses)
    assert len({r.headers["x-request-id"] for r in responses}) == len(responses)


# --- bad input, any shape -----------------------------------------------------------------

_PARAM_NAMES = st.sampled_from(["page", "page_size", "search", "channel", "phone", "other"])
_PARAM_VALUES = st.one_of(
    st.sampled_from(["0", "1", "20", "sms", "whatsapp", "+14155551234", "GB", "", "-1"]),
    strategies.int_texts,
    st.text(max_size=16),
)
queries = st.lists(st.tuples(_PARAM_NAMES, _PARAM_VALUES), max_size=6)
# "." and ".." are dot segments: the client resolves them before sending.
path_ids = st.one_of(
    st.text(min_size=1, max_size=40).filter(lambda text: text not in (".", "..")),
    st.uuids().map(str),
)
profile_headers = st.one_of(
    st.uuids().map(str), st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=40)
)


@pytest.fixture(scope="module")
def snapshot(reader: AppClient, shared: ReferenceServer) -> list[Any]:
    """Everything the API shows, before the property tests run (meta left out)."""
    return _state(reader, shared)


def _state(reader: AppClient, shared: ReferenceServer) -> list[Any]:
    urls = ["/v3/contacts?page_size=1000"]
    urls += [f"/v3/messages/{m}" for m in shared.sample_ids["get_message_status"]]
    urls += [f"/v3/messages/{m}/activities" for m in shared.sample_ids["get_message_status"]]
    return [reader.get(url, headers=AUTH).json()["data"] for url in urls]


@FAST
@given(queries)
def test_any_query_gets_a_documented_answer(
    reader: AppClient, pairs: list[tuple[str, str]]
) -> None:
    """Whatever the query, contacts answer 200, 400 or 404 (phone), matching the spec."""
    response = reader.get("/v3/contacts", params=pairs, headers=AUTH)
    assert response.status_code in (200, 400, 404)
    check("list_contacts", response)


@FAST
@given(strategies.query_strings)
def test_any_raw_query_string_gets_a_documented_answer(reader: AppClient, raw: str) -> None:
    """Hostile raw query strings get 200, 400 or 404, never a 5xx."""
    encoded = quote(raw.encode("utf-8", "surrogatepass"), safe="&=+%[];")
    response = reader.get(f"/v3/contacts?{encoded}", headers=AUTH)
    assert response.status_code in (200, 400, 404)
    check("list_contacts", response)


@FAST
@given(path_ids, st.sampled_from(MESSAGE_OPS))
def test_any_path_id_gets_a_documented_answer(
    reader: AppClient, raw_id: str, op: tuple[str, str]
) -> None:
    """Any path id gets the message, a 404 (well-formed) or a 400 (malformed)."""
    suffix, operation_id = op
    encoded = quote(raw_id.encode("utf-8", "surrogatepass"), safe="")
    response = reader.get(f"/v3/messages/{encoded}{suffix}", headers=AUTH)
    check(operation_id, response)
    if "/" in raw_id:  # the decoded path may match no route (404) or another one
        assert response.status_code in (400, 404)
        return
    try:
        well_formed = str(uuid.UUID(raw_id)) == raw_id.lower()
    except ValueError:
        well_formed = False
    assert response.status_code == (404 if well_formed else 400)


@FAST
@given(profile_headers, st.sampled_from([*MESSAGE_OPS, ("contacts", "list_contacts")]))
def test_any_profile_header_gets_a_documented_answer(
    reader: AppClient, shared: ReferenceServer, value: str, op: tuple[str, str]
) -> None:
    """Any ``x-profile-id`` gets 400 (malformed), 403 (unknown) or the scoped answer."""
    suffix, operation_id = op
    message_id = shared.sample_ids["get_message_status"][0]
    url = "/v3/contacts" if suffix == "contacts" else f"/v3/messages/{message_id}{suffix}"
    response = reader.get(url, headers={**AUTH, "x-profile-id": value})
    assert response.status_code in (200, 400, 403, 404)
    check(operation_id, response)


@settings(FAST, max_examples=40)
@given(
    st.sampled_from(["GET", "POST", "PUT", "DELETE"]),
    st.sampled_from(["/v3/contacts", "/v3/messages/{id}", "/v3/messages/{id}/activities"]),
    queries,
    strategies.bodies,
)
def test_no_request_changes_state(
    reader: AppClient,
    shared: ReferenceServer,
    snapshot: list[Any],
    method: str,
    path: str,
    pairs: list[tuple[str, str]],
    body: bytes,
) -> None:
    """No request, with any method, query or body, changes what the API shows."""
    url = path.format(id=shared.sample_ids["get_message_status"][1])
    response = reader.request(method, url, params=pairs, content=body, headers=AUTH)
    assert response.status_code < 500
    assert _state(reader, shared) == snapshot


def test_oversized_body_is_400(reader: AppClient) -> None:
    """A body over the size limit gets a documented 400, not a 5xx."""
    response = reader.request("GET", "/v3/contacts", content=b"x" * (2 << 20), headers=AUTH)
    assert _error(response, "list_contacts", 400)["code"] == "VALIDATION_001"


def test_media_shapes(messages: list[dict[str, Any]]) -> None:
    """The header media is {type, url}; media[] items carry url and sourceHashSha256 too."""
    headers = [m["message_body"].get("headerMedia") for m in messages]
    headers = [h for h in headers if h]
    items = [i for m in messages for i in (m["message_body"].get("media") or [])]
    assert headers
    assert items
    for header in headers:
        assert set(header) == {"type", "url"}
        assert header["type"] in {"image", "video", "document"}
    for item in items:
        assert set(item) == {"mediaType", "mimeType", "sizeBytes", "sourceHashSha256", "url"}
        assert len(item["sourceHashSha256"]) == 64
