from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from dlrkit import (
    DeliveryEvent,
    DeliveryStatus,
    InvalidFieldError,
    callbacks,
    infobip,
    normalize,
    routee,
    sentdm,
)

from .support import SW_SECRET, sentdm_signature, vector

NOW = 1_760_000_000
README = Path(__file__).resolve().parents[3] / "README.md"


def _sentdm_body(**changes: object) -> dict[str, object]:
    body: dict[str, object] = json.loads(vector("sentdm", "derived_message_delivered").body)
    body.update(changes)
    return body


def _signed_sentdm(body: dict[str, object]) -> list[DeliveryEvent]:
    raw = json.dumps(body).encode()
    return list(sentdm.parse_callback(raw, sentdm_signature(raw, NOW), secret=SW_SECRET, now=NOW))


@pytest.mark.parametrize("family", ["templates", "contact", "channel", "something-new"])
def test_sentdm_other_families_give_no_events(family: str) -> None:
    """Families other than message(s) are verified and ignored, as sent.dm asks."""
    assert _signed_sentdm(_sentdm_body(field=family)) == []


def test_sentdm_inbound_messages_give_no_events() -> None:
    """message.received is an inbound SMS, not a report on one we sent."""
    body = _sentdm_body(event="message.received", payload={"from": "+1", "text": "hi"})
    assert _signed_sentdm(body) == []


def test_sentdm_reads_sub_type_envelopes_and_failure_reasons() -> None:
    """The docs' sub_type envelope works; reason_code/reason become the error fields."""
    payload = {
        "message_id": "8ba7b830-9dad-11d1-80b4-00c04fd430c8",
        "message_status": "FAILED",
        "outbound_number": "+1987654321",
        "inbound_number": "+1234567890",
        "reason_code": "DELIVERY_007",
        "reason": "Carrier rejected",
    }
    body = {"field": "message", "sub_type": "message.failed", "timestamp": "2025-10-31T10:10:42Z"}
    (event,) = _signed_sentdm({**body, "payload": payload})
    assert event.status is DeliveryStatus.FAILED
    assert event.error_code == "DELIVERY_007"
    assert event.error_description == "Carrier rejected"
    assert event.sender == "+1234567890"
    # No updated_at: the envelope's emission time stands in.
    assert event.occurred_at == datetime(2025, 10, 31, 10, 10, 42, tzinfo=UTC)


def test_sentdm_missing_status_names_the_field() -> None:
    """A message event without payload.message_status fails naming that field."""
    body = _sentdm_body(payload={"message_id": "8ba7b830-9dad-11d1-80b4-00c04fd430c8"})
    with pytest.raises(InvalidFieldError) as caught:
        _signed_sentdm(body)
    assert caught.value.field == "payload.message_status"


def test_mailersend_email_event_is_refused_after_verification() -> None:
    """A genuine MailerSend *email* event (the Node SDK vector) is not an SMS event: 'type'."""
    v = vector("mailersend", "node_sdk_email_activity_sent")
    with pytest.raises(InvalidFieldError) as caught:
        callbacks.parse_callback("mailersend", v.body, v.headers, secret=v.secret)
    assert caught.value.field == "type"
    assert caught.value.value == "activity.sent"


def test_infobip_batch_of_n_gives_n_events_in_order() -> None:
    """An Infobip callback with N results gives N events, in order, v3 names included."""
    body = json.loads(vector("infobip", "java_sdk_v3_delivery_report").body)
    one = body["results"][0]
    body["results"] = [{**one, "messageId": f"m{i}", "messageCount": i} for i in range(7)]
    events = infobip.parse_callback(json.dumps(body))
    assert [e.message_id for e in events] == [f"m{i}" for i in range(7)]
    assert [e.segments for e in events] == list(range(7))
    assert all(e.status is DeliveryStatus.DELIVERED for e in events)


def test_infobip_v3_sender_is_read() -> None:
    """v3 reports name the sender 'sender' (v1/v2 'from'); both reach DeliveryEvent.sender."""
    events = infobip.parse_callback(vector("infobip", "dspec_v3_delivery_report").body)
    report = json.loads(vector("infobip", "dspec_v3_delivery_report").body)["results"][0]
    assert events[0].sender == report.get("sender")


@pytest.mark.parametrize("body", ['{"results": []}', '{"results": null}', "[]", '{"x": 1}'])
def test_infobip_shapes(body: str) -> None:
    """An empty batch gives no events; anything that is not a batch names the field."""
    if body == '{"results": []}':
        assert infobip.parse_callback(body) == []
        return
    with pytest.raises(InvalidFieldError):
        infobip.parse_callback(body)


def test_routee_callback_maps_status_and_part() -> None:
    """A current-docs Routee part: status.name + detailedStatus, smsId as part_id."""
    v = vector("routee", "derived_current_docs_part")
    data = json.loads(v.body)
    (event,) = routee.parse_callback(v.body)
    assert event.part_id == data["smsId"]
    assert event.raw_status == data["status"]["name"]
    assert event.reason == data["status"]["reason"]["detailedStatus"]


def test_routee_campaign_callback_gives_no_events() -> None:
    """A campaign-progress callback carries counts only."""
    assert routee.parse_callback(vector("routee", "derived_campaign_callback").body) == []


@pytest.mark.parametrize("drop", ["campaignStatus", "all optional fields"])
def test_routee_campaign_callback_needs_only_tracking_id(drop: str) -> None:
    """The schema requires only trackingId; a campaign body without campaignStatus is one.

    Found by `dlrkit contract routee --receiver`: it was read as an SMS callback and refused.
    """
    body = json.loads(vector("routee", "derived_campaign_callback").body)
    body = {"trackingId": body["trackingId"]} if drop != "campaignStatus" else body
    body.pop("campaignStatus", None)
    assert routee.parse_callback(json.dumps(body)) == []


@pytest.mark.parametrize("value", [True, None, 12, {"a": 1}])
def test_routee_campaign_tracking_id_must_be_text(value: object) -> None:
    """The campaign's id is what identifies it: a wrong JSON type is refused, naming it."""
    with pytest.raises(InvalidFieldError, match="trackingId"):
        routee.parse_callback(json.dumps({"trackingId": value, "campaignStatus": "Sent"}))


@pytest.mark.parametrize("value", [None, "5", 1.5, -1, True])
def test_infobip_status_id_must_be_an_integer(value: object) -> None:
    """status.id is half the dedupe key (messageId, status.id): a wrong type is refused.

    Found by `dlrkit contract infobip --receiver`: the generated models do not check types,
    and the events do not carry status.id, so a body with ``"id": null`` was accepted.
    """
    body = json.loads(vector("infobip", "dspec_v3_delivery_report").body)
    body["results"][1]["status"]["id"] = value
    with pytest.raises(InvalidFieldError, match=r"results\[1\]\.status\.id"):
        infobip.parse_callback(json.dumps(body))


@pytest.mark.parametrize("value", [[], 3, {"a": "DELIVERED"}])
def test_infobip_status_group_name_is_checked_beside_a_name(value: object) -> None:
    """A groupName of the wrong type is refused even when status.name is there.

    Found by `dlrkit contract infobip --receiver`: only the first non-blank of name and
    groupName was read, so ``"groupName": []`` passed.
    """
    body = json.loads(vector("infobip", "dspec_v3_delivery_report").body)
    body["results"][0]["status"]["groupName"] = value
    with pytest.raises(InvalidFieldError, match=r"status\.groupName"):
        infobip.parse_callback(json.dumps(body))


def test_normalize_and_parse_callback_agree_on_signed_bodies() -> None:
    """Normalize (no check) and parse_callback (checked) give the same events."""
    for v in [
        vector("mailersend", "derived_sms_failed"),
        vector("sentdm", "derived_message_delivered"),
    ]:
        checked = callbacks.parse_callback(
            v.provider, v.body, v.headers, secret=v.secret, now=v.now
        )
        assert normalize(v.provider, v.body) == checked


@pytest.mark.parametrize("provider", sorted(callbacks.SCHEMES))
def test_readme_scheme_table_matches_schemes(provider: str) -> None:
    """The README's callback table names each provider's headers and dedupe key as SCHEMES does."""
    text = README.read_text()
    section = text[text.index("## Receiving delivery callbacks") :]
    section = section[: section.index("\n## ", 5)]
    scheme = callbacks.SCHEMES[provider]
    assert f"`{scheme.dedupe_key}`" in section
    for header in scheme.headers:
        assert f"`{header}`" in section
    assert scheme.signed == (provider in {"mailersend", "sentdm"})
