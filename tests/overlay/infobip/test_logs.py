"""dlrkit.infobip logs, v3 reports and the non-consuming timeline, against the reference server."""

from __future__ import annotations

import asyncio
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import dlrkit
import httpx
import pytest
from dlrkit import DeliveryStatus, InvalidFieldError, infobip
from dlrkit_infobip_api.models import SmsLogV3, SmsReportV3
from dlrkit_infobip_api.types import UNSET, Unset

from overlay.infobip.fakes import json_response, mock_client

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def _ids(rows: Any) -> list[str]:
    return [row.message_id for row in rows]


# -- iter_logs ----------------------------------------------------------------------------------


def test_iter_logs_reads_every_row_and_consumes_nothing(api: Any, server: Any) -> None:
    """Every message, newest first, once each; reading twice gives the same; no report taken."""
    first = list(infobip.iter_logs(api, limit=37))
    assert all(isinstance(row, SmsLogV3) for row in first)
    assert sorted(_ids(first)) == sorted(r.message_id for r in server.store.reports)
    assert len(set(_ids(first))) == len(first)
    assert _ids(infobip.iter_logs(api)) == _ids(first)
    assert server.store.pending == len(server.store.reports)


def test_iter_logs_follows_the_cursor(api: Any) -> None:
    """Pages hold ``limit`` rows until the last; each page after the first sent the cursor."""
    pages = list(infobip.iter_logs(api, limit=100).iter_pages())
    assert len(pages) > 1
    assert all(len(page.results) == 100 for page in pages[:-1])
    last = pages[-1].cursor
    assert not isinstance(last, Unset)
    assert last.next_cursor is UNSET


def test_iter_logs_filters(api: Any, server: Any) -> None:
    """Filters reach the server and select what they say (one id, several ids, a status)."""
    reports = server.store.reports
    one = reports[3].message_id
    assert _ids(infobip.iter_logs(api, message_id=one)) == [one]
    several = {r.message_id for r in reports[:5]}
    assert set(_ids(infobip.iter_logs(api, message_id=sorted(several)))) == several
    rejected = {r.message_id for r in reports if r.body["status"]["groupName"] == "REJECTED"}
    assert set(_ids(infobip.iter_logs(api, general_status="REJECTED"))) == rejected
    middle = datetime.fromisoformat(reports[len(reports) // 2].body["sentAt"])
    since = {r.message_id for r in reports if datetime.fromisoformat(r.body["sentAt"]) >= middle}
    assert set(_ids(infobip.iter_logs(api, sent_since=middle))) == since
    # A non-UTC offset is the same instant.
    shifted = middle.astimezone(timezone(timedelta(hours=5, minutes=30)))
    assert set(_ids(infobip.iter_logs(api, sent_since=shifted))) == since


def test_async_logs_equal_sync(api: Any) -> None:
    """aiter_logs gives the same rows as iter_logs."""

    async def collect() -> list[str]:
        return [row.message_id async for row in infobip.aiter_logs(api, limit=90)]

    assert asyncio.run(collect()) == _ids(infobip.iter_logs(api, limit=90))


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"limit": 0}, "limit"),
        ({"limit": 1001}, "limit"),
        ({"mnc": "01"}, "mnc"),
        ({"mcc": "22"}, "mcc"),
        ({"mcc": "228", "mnc": "1"}, "mnc"),
        ({"general_status": "delivered"}, "general_status"),
        ({"sent_since": datetime(2019, 1, 1)}, "sent_since"),
        ({"message_id": ""}, "message_id"),
        ({"message_id": []}, "message_id"),
        ({"bulk_id": ["ok", 5]}, "bulk_id"),
        ({"entity_id": "x" * 256}, "entity_id"),
        ({"sender": ""}, "sender"),
    ],
)
def test_bad_log_arguments_name_the_field(kwargs: dict[str, Any], field: str) -> None:
    """Bad arguments raise InvalidFieldError naming the field, before any request."""
    requests: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        return json_response(200, {"results": []})

    with pytest.raises(InvalidFieldError) as caught:
        infobip.iter_logs(mock_client(handler), **kwargs)
    assert caught.value.field == field
    assert requests == []


def test_server_refusal_is_a_typed_error_with_v3_details(api: Any) -> None:
    """A v3 400 (ApiError) becomes BadRequestError with code E400 and per-field details."""
    client = mock_client(
        lambda request: json_response(
            400,
            {
                "errorCode": "E400",
                "description": "Bad request",
                "violations": [{"property": "limit", "violation": "must be at most 1000"}],
                "resources": [],
            },
        )
    )
    with pytest.raises(dlrkit.BadRequestError) as caught:
        list(infobip.iter_logs(client))
    assert caught.value.code == "E400"
    assert caught.value.details == {"limit": ["must be at most 1000"]}


def test_unknown_group_names_keep_the_page() -> None:
    """An unknown status group and "Ok" (Infobip's 6.0.0 client drops the page) are read."""
    row = json.loads((FIXTURES / "vendor-spec/infobip/get_sms_logs_200.json").read_text())[
        "results"
    ][0]
    new = {"groupId": 9, "groupName": "SOMETHING_NEW", "name": "NEW_ONE"}
    odd = {**row, "messageId": "M2", "status": {**row["status"], **new}}
    odd["error"] = {**row["error"], "groupName": "Ok"}
    client = mock_client(lambda request: json_response(200, {"results": [row, odd]}))
    rows = list(infobip.iter_logs(client))
    assert len(rows) == 2
    events = dlrkit.normalize("infobip", {"results": [r.to_dict() for r in rows]})
    assert [e.status for e in events] == [DeliveryStatus.DELIVERED, DeliveryStatus.UNKNOWN]


def test_a_cursor_that_never_ends_is_stopped() -> None:
    """A server that always answers the same nextCursor trips the pager's guard."""
    row = json.loads((FIXTURES / "vendor-spec/infobip/get_sms_logs_200.json").read_text())[
        "results"
    ][0]
    counter = iter(range(10**6))

    def handler(request: httpx.Request) -> httpx.Response:
        fresh = {**row, "messageId": f"M{next(counter)}"}
        return json_response(200, {"results": [fresh], "cursor": {"limit": 1, "nextCursor": "x"}})

    with pytest.raises(dlrkit.PaginationError):
        list(infobip.iter_logs(mock_client(handler), limit=1, max_pages=5))


# -- timeline -----------------------------------------------------------------------------------


def test_timeline_reads_logs_and_consumes_nothing(api: Any, server: Any) -> None:
    """The default timeline reads logs: the same answer every time, and no report is taken."""
    for message_id in server.sample_ids["messageId"]:
        first = infobip.timeline(api, message_id)
        assert [event.message_id for event in first] == [message_id]
        assert infobip.timeline(api, message_id) == first
    assert server.store.pending == len(server.store.reports)


def test_logs_and_reports_timelines_agree(api: Any, server: Any) -> None:
    """One message, one status: the logs event equals the reports event where both know it."""
    message_id = server.sample_ids["messageId"][0]
    [from_logs] = infobip.timeline(api, message_id)
    [from_reports] = infobip.timeline(api, message_id, source="reports")
    for field in ("status", "raw_status", "occurred_at", "recipient", "price", "currency"):
        assert getattr(from_logs, field) == getattr(from_reports, field), field
    assert from_logs.segments == from_reports.segments


def test_async_timeline_equals_sync(api: Any, server: Any) -> None:
    """The async timeline reads the same logs."""
    message_id = server.sample_ids["messageId"][1]
    assert asyncio.run(infobip.atimeline(api, message_id)) == infobip.timeline(api, message_id)


@pytest.mark.parametrize(
    ("args", "field"), [(("",), "message_id"), (("M", "queue"), "source"), ((5,), "message_id")]
)
def test_timeline_bad_arguments(args: tuple[Any, ...], field: str) -> None:
    """A bad message id or source raises InvalidFieldError naming it, before any request."""
    client = mock_client(lambda request: pytest.fail("no request expected"))
    message_id, *rest = args
    with pytest.raises(InvalidFieldError) as caught:
        infobip.timeline(client, message_id, **({"source": rest[0]} if rest else {}))
    assert caught.value.field == field


# -- v3 reports ---------------------------------------------------------------------------------


def test_v3_reports_drain_the_shared_queue(api: Any, server: Any) -> None:
    """version=3 yields SmsReportV3 rows once each; the v1 queue is then empty too."""
    rows = list(infobip.iter_delivery_reports(api, version=3))
    assert all(isinstance(row, SmsReportV3) for row in rows)
    assert sorted(_ids(rows)) == sorted(r.message_id for r in server.store.reports)
    assert list(infobip.iter_delivery_reports(api)) == []


def test_async_v3_reports(api: Any, server: Any) -> None:
    """aiter_delivery_reports(version=3) drains the same rows."""

    async def collect() -> list[str]:
        pager = infobip.aiter_delivery_reports(api, version=3, limit=333)
        return [row.message_id async for row in pager]

    assert len(asyncio.run(collect())) == len(server.store.reports)


@pytest.mark.parametrize("version", [2, "3", True, None])
def test_bad_version(version: Any) -> None:
    """Only 1 and 3 are versions."""
    client = mock_client(lambda request: pytest.fail("no request expected"))
    with pytest.raises(InvalidFieldError) as caught:
        infobip.iter_delivery_reports(client, version=version)
    assert caught.value.field == "version"


# -- normalize ----------------------------------------------------------------------------------


def test_normalize_reads_every_view_the_same(api: Any, server: Any) -> None:
    """v1/v3 logs and v3 reports of one message normalize to the same event fields."""
    message_id = server.sample_ids["messageId"][2]
    v3 = [row.to_dict() for row in infobip.iter_logs(api, message_id=message_id)]
    [event_v3] = dlrkit.normalize("infobip", {"results": v3, "cursor": {"limit": 1}})
    report = next(r for r in server.store.reports if r.message_id == message_id)
    [event_v1] = dlrkit.normalize("infobip", {"results": [report.body]})
    v3_reports = infobip.iter_delivery_reports(api, version=3, message_id=message_id)
    [event_report_v3] = dlrkit.normalize("infobip", [r.to_dict() for r in v3_reports])
    for event in (event_v1, event_report_v3):
        for field in ("status", "occurred_at", "recipient", "sender", "price", "segments"):
            assert getattr(event, field) == getattr(event_v3, field), field


@pytest.mark.parametrize(
    ("path", "count"),
    [
        ("vendor-spec/infobip/get_sms_logs_200.json", 2),
        ("vendor-spec/infobip/get_sms_delivery_reports_v3_200.json", 2),
        ("recorded/infobip/GetOutboundSmsMessageLogsSuccess.json", 2),
        ("recorded/infobip/real_sms1_logs_2020.json", 2),
        ("recorded/infobip/real_sms1_reports_whitelabel_2021.json", 3),
    ],
)
def test_normalize_documented_and_recorded_bodies(path: str, count: int) -> None:
    """Infobip's own v3 examples and the real v1 bodies normalize, one event per row."""
    body = json.loads((FIXTURES / path).read_text(encoding="utf-8"))
    events = dlrkit.normalize("infobip", body)
    assert len(events) == count
    assert all(event.status is DeliveryStatus.DELIVERED for event in events)
    assert all(event.recipient and event.recipient.startswith("+") for event in events)


def test_normalize_v3_names() -> None:
    """destination, sender and messageCount feed recipient, sender and segments."""
    body = json.loads(
        (FIXTURES / "vendor-spec/infobip/get_sms_delivery_reports_v3_200.json").read_text()
    )
    [first, _] = dlrkit.normalize("infobip", body)
    assert (first.recipient, first.sender, first.segments) == ("+41793026727", "InfoSMS", 1)
    logs = json.loads((FIXTURES / "vendor-spec/infobip/get_sms_logs_200.json").read_text())
    [log, _] = dlrkit.normalize("infobip", logs)
    assert (log.recipient, log.segments) == ("+41793026727", 1)


def test_credits_are_not_money() -> None:
    """A white-label CREDITS price gives no price and no currency instead of an error."""
    body = json.loads(
        (FIXTURES / "recorded/infobip/real_sms1_reports_whitelabel_2021.json").read_text()
    )
    events = dlrkit.normalize("infobip", body)
    assert {(e.price, e.currency) for e in events} == {(None, None)}


def test_bad_v3_field_is_named() -> None:
    """A wrong-typed v3 field is reported under its v3 name."""
    body = json.loads((FIXTURES / "vendor-spec/infobip/get_sms_logs_200.json").read_text())
    body["results"][0]["messageCount"] = "one"
    with pytest.raises(InvalidFieldError) as caught:
        dlrkit.normalize("infobip", body)
    assert caught.value.field == "results[0].messageCount"
