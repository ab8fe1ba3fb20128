"""Every provider's reference server pushing to the real ``dlrkit.callbacks.receiver``, end to end.

The sender, each provider's source and the client's receiver meet over real HTTP on
127.0.0.1: every event must reach ``on_events`` exactly once, every raw body must fit the
spec's ``webhooks:`` schema, and retries (a first attempt refused, every attempt refused, a
receiver holding the wrong secret) must follow the provider's number of attempts. A gate in
front of the receiver records each raw request and, as scripted, answers in its place.
"""

from __future__ import annotations

import json
import subprocess
import threading
from collections import Counter, defaultdict
from datetime import UTC, datetime

import pytest
import standardwebhooks
from callback_support import body_errors
from dlrkit import DeliveryEvent
from dlrkit import infobip as dlrkit_infobip
from dlrkit import sentdm as dlrkit_sentdm
from dlrkit.callbacks import receiver
from dlrkit_cli import _main as _cli
from dlrkit_contract._serving import served
from dlrkit_servers import ReferenceServer, create_app
from dlrkit_servers._sender import Attempt, CallbackSender
from waiting import wait_until

from push.receiver import Gate, Received, Recorder
from push.serve import read_until, start_serve, stop

PROVIDERS = ["mailersend", "sentdm", "infobip", "routee"]
SIGNED = ["mailersend", "sentdm"]
SECRETS = {
    "mailersend": "dlrkit_e2e_secret_0123456789abcdef",
    "sentdm": "whsec_" + "ZTJlLXB1c2gtc2VjcmV0LWtleS0wMTIzNDU2Nzg5YWI=",
}
WRONG = {
    "mailersend": "dlrkit_e2e_other_secret_9876543210",
    "sentdm": "whsec_" + "b3RoZXItc2VjcmV0LWtleS1mb3ItdGhlLWUyZS10ZXN0",
}
CREDENTIALS: dict[str, dict[str, str]] = {
    "mailersend": {"token": "e2e-token"},
    "sentdm": {"token": "e2e-token"},
    "infobip": {"token": "e2e-token"},
    "routee": {"app_id": "e2e-app", "app_secret": "e2e-app-secret"},
}
# The webhook entry each provider's bodies are checked against (MailerSend: the body's type).
WEBHOOK = {"sentdm": "message-status", "infobip": "sms-delivery-report", "routee": "sms-status"}
NOW = datetime(2026, 3, 1, tzinfo=UTC)
SETTLE = 30.0
CLI_TOKEN = "e2e-cli-token"  # noqa: S105 -- a test credential


class Collected:
    """``on_events`` for the receiver: keeps every event it is handed (from worker threads)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.events: list[DeliveryEvent] = []

    def __call__(self, events: list[DeliveryEvent]) -> None:
        """Keep ``events``."""
        with self._lock:
            self.events.extend(events)


def _server(provider: str, url: str, size: int, secret: str | None = None) -> ReferenceServer:
    return create_app(
        provider,
        seed=3,
        now=NOW,
        size=size,
        callback_url=url,
        callback_secret=secret,
        callback_rate=500.0,
        callback_retry_delay=0.0,
        callback_process=True,  # as dlrkit serve sends: from the poster child
        **CREDENTIALS[provider],
    )


def _run(server: ReferenceServer) -> CallbackSender:
    """Run ``server`` until its sender has nothing left to send; return the sender."""
    sender = server.callbacks
    assert sender is not None
    with server:
        assert sender.wait_settled(SETTLE), "callbacks did not settle in time"
    return sender


def _expected(provider: str, sender: CallbackSender) -> Counter[tuple[str, str]]:
    """Return the (message id, provider status) of every event of the source, a multiset."""
    # MailerSend's raw status is the event name (sms.delivered); the others name the status.
    return Counter(
        (event.message_id, event.kind if provider == "mailersend" else event.status)
        for event in sender.source.events()
    )


def _got(collected: Collected) -> Counter[tuple[str, str]]:
    return Counter((event.message_id, event.raw_status) for event in collected.events)


def _by_post(attempts: tuple[Attempt, ...]) -> dict[str, list[Attempt]]:
    posts: dict[str, list[Attempt]] = defaultdict(list)
    for attempt in attempts:
        posts[attempt.delivery_id].append(attempt)
    return posts


def _schema_errors(provider: str, request: Received) -> list[str]:
    body = json.loads(request.body)
    name = body["type"] if provider == "mailersend" else WEBHOOK[provider]
    return body_errors(provider, name, body)


def _refusal(provider: str) -> int:
    """Return a failing answer: Routee counts only 200 as delivered, so 204 is retried."""
    return 204 if provider == "routee" else 500


@pytest.mark.parametrize("provider", PROVIDERS)
def test_every_event_reaches_on_events_once_in_a_schema_valid_body(provider: str) -> None:
    """All events of the source reach the real receiver once; every POST got 200 and fits."""
    collected = Collected()
    secret = SECRETS.get(provider)
    gate = Gate(receiver(provider, collected, secret=secret))
    with served(gate) as origin:
        sender = _run(_server(provider, origin + "/hook", size=3, secret=secret))
    expected = _expected(provider, sender)
    assert sum(expected.values()) > 0
    assert _got(collected) == expected
    report = sender.report()
    assert len(report.attempts) == len(gate.requests)
    assert all(attempt.status == 200 and attempt.ok for attempt in report.attempts)
    assert all(attempt.number == 1 for attempt in report.attempts)
    assert {outcome.state for outcome in report.outcomes} == {"delivered"}
    assert sum(len(outcome.events) for outcome in report.outcomes) == sum(expected.values())
    for request in gate.requests:
        assert _schema_errors(provider, request) == [], request.body[:300]
    if provider == "infobip":
        assert all(1 <= len(json.loads(r.body)["results"]) <= 100 for r in gate.requests)
    else:  # one event per POST
        assert len(gate.requests) == sum(expected.values())


@pytest.mark.parametrize("provider", PROVIDERS)
def test_a_refused_first_attempt_is_retried_and_delivered_once(provider: str) -> None:
    """Each POST's first attempt is refused: it is sent twice, its events arrive once."""
    collected = Collected()
    secret = SECRETS.get(provider)
    refusal = _refusal(provider)

    def first_refused(request: Received, seen: int) -> int | None:
        return refusal if seen == 0 else None

    gate = Gate(receiver(provider, collected, secret=secret), first_refused)
    with served(gate) as origin:
        sender = _run(_server(provider, origin + "/hook", size=2, secret=secret))
    expected = _expected(provider, sender)
    assert sum(expected.values()) > 0
    assert _got(collected) == expected
    report = sender.report()
    posts = _by_post(report.attempts)
    assert len(report.attempts) == len(gate.requests) == 2 * len(posts)
    for attempts in posts.values():
        assert [(a.number, a.status, a.ok) for a in attempts] == [
            (1, refusal, False),
            (2, 200, True),
        ]
    assert {outcome.state for outcome in report.outcomes} == {"delivered"}
    assert all(outcome.attempts == 2 for outcome in report.outcomes)


@pytest.mark.parametrize("provider", PROVIDERS)
def test_a_receiver_that_always_fails_gets_exactly_the_documented_attempts(
    provider: str,
) -> None:
    """Every attempt refused: each POST is tried ``source.attempts`` times, then given up."""
    collected = Collected()
    secret = SECRETS.get(provider)
    refusal = _refusal(provider)
    gate = Gate(receiver(provider, collected, secret=secret), lambda request, seen: refusal)
    with served(gate) as origin:
        sender = _run(_server(provider, origin + "/hook", size=1, secret=secret))
    attempts = sender.source.attempts
    report = sender.report()
    posts = _by_post(report.attempts)
    assert posts
    assert len(gate.requests) == len(report.attempts) == attempts * len(posts)
    for tried in posts.values():
        assert [(a.number, a.status, a.ok) for a in tried] == [
            (n, refusal, False) for n in range(1, attempts + 1)
        ]
    assert {outcome.state for outcome in report.outcomes} == {"gave_up"}
    assert all(outcome.attempts == attempts for outcome in report.outcomes)
    assert collected.events == []
    # Every attempt of one POST carries the same body (MailerSend/sent.dm: re-signed headers).
    for body, count in Counter(request.body for request in gate.requests).items():
        assert count == attempts, body[:200]


@pytest.mark.parametrize("provider", SIGNED)
def test_a_receiver_with_the_wrong_secret_refuses_every_attempt(provider: str) -> None:
    """The receiver's 401s are failures: retried up to the attempts, nothing handed over."""
    collected = Collected()
    gate = Gate(receiver(provider, collected, secret=WRONG[provider]))
    with served(gate) as origin:
        sender = _run(_server(provider, origin + "/hook", size=1, secret=SECRETS[provider]))
    attempts = sender.source.attempts
    report = sender.report()
    posts = _by_post(report.attempts)
    assert posts
    assert len(report.attempts) == len(gate.requests) == attempts * len(posts)
    assert all(a.status == 401 and not a.ok for a in report.attempts)
    assert {outcome.state for outcome in report.outcomes} == {"gave_up"}
    assert all(outcome.attempts == attempts for outcome in report.outcomes)
    assert collected.events == []


def _serve(provider: str, url: str, size: int, *extra: str) -> subprocess.Popen[bytes]:
    """Start ``dlrkit serve PROVIDER --callback-url URL`` as a real process on port 0."""
    return start_serve(
        provider,
        *("--token", CLI_TOKEN, "--seed", "3", "--size", str(size), "--now", NOW.isoformat()),
        *("--callback-url", url, "--callback-rate", "500", *extra),
    )


def _event_count(provider: str, size: int) -> int:
    expected = create_app(
        provider,
        token=CLI_TOKEN,
        seed=3,
        size=size,
        now=_cli._instant(NOW.isoformat()),
        callback_url="http://127.0.0.1:9/unused",
    )
    assert expected.callbacks is not None
    return len(expected.callbacks.events)


def test_serve_sentdm_prints_a_whsec_secret_that_verifies_every_callback() -> None:
    """`dlrkit serve sentdm --callback-url`: its printed secret verifies each callback.

    Checked twice: by the Standard Webhooks library itself, and by the client's parser.
    """
    collected = Collected()
    gate = Recorder()
    count = _event_count("sentdm", 1)
    assert count > 0
    with served(gate) as origin:
        process = _serve("sentdm", origin + "/hook", 1)
        try:
            lines = read_until(process, "callback signing secret: ", SETTLE)
            secret = lines[-1].removeprefix("callback signing secret: ")
            wait_until(lambda: len(gate.requests) >= count, timeout=SETTLE, what="every callback")
        finally:
            out, err = stop(process, SETTLE)
    assert process.returncode == 0, err
    assert secret.startswith("whsec_")
    assert CLI_TOKEN not in out + err
    webhook = standardwebhooks.Webhook(secret)
    requests = gate.requests
    assert len(requests) == count
    for request in requests:
        webhook.verify(request.body, request.headers)
        collected(dlrkit_sentdm.parse_callback(request.body, request.headers, secret=secret))
        assert _schema_errors("sentdm", request) == []
    assert len(collected.events) == count
    with pytest.raises(standardwebhooks.WebhookVerificationError):
        standardwebhooks.Webhook(WRONG["sentdm"]).verify(requests[0].body, requests[0].headers)


def test_serve_infobip_delivers_result_batches_of_at_most_100() -> None:
    """`dlrkit serve infobip --callback-url`: ``{"results": [...]}`` batches the client reads."""
    size = 150  # more reports than one batch holds
    count = _event_count("infobip", size)
    assert count > 100
    gate = Recorder()
    with served(gate) as origin:
        process = _serve("infobip", origin + "/hook", size)
        try:
            wait_until(
                lambda: sum(len(json.loads(r.body)["results"]) for r in gate.requests) >= count,
                timeout=SETTLE,
                what="every report",
            )
        finally:
            out, err = stop(process, SETTLE)
    assert process.returncode == 0, err
    assert CLI_TOKEN not in out + err
    requests = gate.requests
    sizes = [len(json.loads(request.body)["results"]) for request in requests]
    assert len(requests) >= 2
    assert all(1 <= n <= 100 for n in sizes)
    assert sum(sizes) == count
    events: list[DeliveryEvent] = []
    for request in requests:
        events.extend(dlrkit_infobip.parse_callback(request.body, request.headers))
        assert _schema_errors("infobip", request) == []
    assert len(events) == count
    assert len({(e.message_id, e.raw_status) for e in events}) == count
