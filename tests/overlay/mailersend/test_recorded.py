from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from dlrkit import NotFoundError, UnprocessableEntityError, mailersend
from dlrkit_mailersend_api.client import AuthenticatedClient

from overlay.mailersend.support import mock_client

CASSETTES = Path(__file__).parents[2] / "fixtures" / "recorded" / "mailersend" / "cassettes"
# Decoded bodies are stored; the recorded encoding headers no longer apply.
_DROPPED = {"content-encoding", "transfer-encoding", "content-length"}


def _interactions() -> list[Any]:
    cases = []
    for path in sorted(CASSETTES.glob("sms_*.yaml")):
        for index, item in enumerate(yaml.safe_load(path.read_text())["interactions"]):
            cases.append(pytest.param(item, id=f"{path.stem}-{index}"))
    return cases


def _replay(item: dict[str, Any]) -> tuple[AuthenticatedClient, list[httpx.Request]]:
    recorded = item["response"]
    headers = {
        name: values[0]
        for name, values in recorded["headers"].items()
        if name.lower() not in _DROPPED
    }
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        body = recorded["body"]["string"].encode()
        return httpx.Response(recorded["status"]["code"], headers=headers, content=body)

    return mock_client(handler, max_retries=0), seen


def _call(client: AuthenticatedClient, method: str, url: httpx.URL) -> list[Any]:
    """Make the overlay call that sends ``method url``, with the recorded filters."""
    parts = url.path.removeprefix("/v1/").split("/")
    query = url.params
    limit = int(query.get("limit", "100"))
    number = query.get("sms_number_id")
    if parts == ["sms-activity"]:
        dates = {k: int(query[k]) for k in ("date_from", "date_to") if k in query}
        status = query.get_list("status[]") or None
        pager = mailersend.iter_sms_activity(
            client, sms_number_id=number, status=status, limit=limit, **dates
        )
        return list(pager)
    if parts == ["sms-recipients"]:
        status_filter = query.get("status")
        pager_r = mailersend.iter_sms_recipients(
            client, sms_number_id=number, status=status_filter, limit=limit
        )
        return list(pager_r)
    if parts == ["sms-messages"]:
        return list(mailersend.iter_sms_messages(client, limit=limit))
    if parts[0] == "sms-messages":
        return [mailersend.get_sms_message(client, parts[1])]
    if method == "PUT":
        return [mailersend.update_sms_recipient(client, parts[1], "opt_out")]
    return [mailersend.get_sms_recipient(client, parts[1])]


def _query(url: httpx.URL, *, keep_limit: bool) -> list[tuple[str, str]]:
    items = [(k, v) for k, v in url.params.multi_items() if k != "page"]
    return sorted(item for item in items if keep_limit or item[0] != "limit")


@pytest.mark.parametrize("item", _interactions())
def test_recorded_responses_replay_through_the_overlay(item: dict[str, Any]) -> None:
    """Each response MailerSend recorded gives its rows or the typed error for its status."""
    client, seen = _replay(item)
    url = httpx.URL(item["request"]["uri"])
    status = item["response"]["status"]["code"]
    if status == 200:
        assert _call(client, item["request"]["method"], url) == []
    elif status == 404:
        with pytest.raises(NotFoundError, match=r"HTTP 404: Resource not found\.$"):
            _call(client, item["request"]["method"], url)
    else:
        with pytest.raises(UnprocessableEntityError) as caught:
            _call(client, item["request"]["method"], url)
        message = "The selected sms number id is invalid."
        assert (caught.value.message, caught.value.details) == (
            message,
            {"sms_number_id": [message]},
        )
        quota = mailersend.api_quota(caught.value)
        assert (quota.remaining, quota.unlimited) == (-1, True)
        assert quota.reset is not None
        assert quota.reset.isoformat() == "2025-07-30T00:00:00+00:00"
    sent = seen[0].url
    assert (seen[0].method, sent.path) == (item["request"]["method"], url.path)
    assert _query(sent, keep_limit="limit" in url.params) == _query(url, keep_limit=True)
