from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest
from dlrkit import DeliveryEvent, InvalidFieldError, callbacks

from .support import MS_SECRET, SW_SECRET, mailersend_signature, vector

SMS = vector("mailersend", "derived_sms_delivered")
PING = vector("mailersend", "symfony_webhook_test")
REPORTS = vector("infobip", "java_sdk_v3_delivery_report")
ROUTEE = vector("routee", "ufairiya_2016_delivered")


def _post(
    app: Callable[..., Awaitable[None]],
    content: bytes | str,
    headers: dict[str, str] | None = None,
    method: str = "POST",
) -> httpx.Response:
    async def run() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://hooks") as client:
            return await client.request(method, "/", content=content, headers=headers)

    return asyncio.run(run())


def test_a_verified_callback_reaches_a_sync_on_events() -> None:
    """A genuine MailerSend callback gets 200 and its one event reaches a plain function."""
    got: list[list[DeliveryEvent]] = []
    app = callbacks.receiver("mailersend", got.append, secret=MS_SECRET)
    response = _post(app, SMS.body, SMS.headers)
    assert response.status_code == 200
    assert response.json() == {"received": 1}
    assert [e.message_id for e in got[0]] == ["6244233a7e194137e70e3bd2"]


def test_an_async_on_events_is_awaited() -> None:
    """An async on_events is awaited and gets every report of an Infobip batch."""
    got: list[DeliveryEvent] = []

    async def on_events(events: list[DeliveryEvent]) -> None:
        await asyncio.sleep(0)
        got.extend(events)

    response = _post(callbacks.receiver("infobip", on_events), REPORTS.body)
    assert response.status_code == 200
    assert len(got) == response.json()["received"] == 2


def test_a_bad_signature_gets_401_and_no_events() -> None:
    """A tampered body is answered 401 naming the check; on_events is never called."""
    got: list[object] = []
    app = callbacks.receiver("mailersend", got.append, secret=MS_SECRET)
    response = _post(app, SMS.body.replace("delivered", "failed"), SMS.headers)
    assert response.status_code == 401
    assert response.json()["check"] == "bad signature"
    assert MS_SECRET not in response.text
    assert got == []


def test_a_missing_signature_gets_401() -> None:
    """An unsigned request to a signing provider's receiver is 401 missing header."""
    app = callbacks.receiver("sentdm", lambda events: None, secret=SW_SECRET)
    response = _post(app, b"{}")
    assert response.status_code == 401
    assert response.json()["check"] == "missing header"


@pytest.mark.parametrize("body", [b"not json", b"[]", b'{"results": 3}', b"\xff\xfe"])
def test_a_malformed_body_gets_400(body: bytes) -> None:
    """Bodies that are not a report callback are answered 400 with the field, never 5xx."""
    got: list[object] = []
    response = _post(callbacks.receiver("infobip", got.append), body)
    assert response.status_code == 400
    assert response.json()["error"]
    assert got == []


def test_a_genuine_but_malformed_body_gets_400() -> None:
    """A correctly signed body that is not an SMS event is a 400 (verified, then refused)."""
    body = b'{"type": "sms.sent", "data": []}'
    app = callbacks.receiver("mailersend", lambda events: None, secret=MS_SECRET)
    response = _post(app, body, mailersend_signature(body))
    assert response.status_code == 400
    assert "data" in response.json()["error"]


def test_an_on_events_failure_gets_500_so_the_provider_retries(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """If on_events raises, the answer is 500 (the provider will retry) and it is logged."""

    def broken(events: list[DeliveryEvent]) -> None:
        raise RuntimeError("database down")

    response = _post(callbacks.receiver("routee", broken), ROUTEE.body)
    assert response.status_code == 500
    assert "database down" not in response.text
    assert "on_events failed" in caplog.text


def test_the_ping_is_answered_200_without_calling_on_events() -> None:
    """MailerSend's webhook.test gets 200 (so the webhook saves) and no on_events call."""
    got: list[object] = []
    app = callbacks.receiver("mailersend", got.append, secret=MS_SECRET)
    response = _post(app, PING.body, PING.headers)
    assert response.status_code == 200
    assert response.json() == {"received": 0}
    assert got == []


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE"])
def test_other_methods_get_405(method: str) -> None:
    """Anything but POST is 405 with Allow: POST."""
    response = _post(callbacks.receiver("routee", lambda e: None), b"", method=method)
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"


def test_a_body_over_the_limit_gets_413() -> None:
    """A body longer than max_body is refused with 413 before it is parsed."""
    app = callbacks.receiver("routee", lambda e: None, max_body=64)
    assert _post(app, b"{" + b" " * 100 + b"}").status_code == 413
    assert _post(app, ROUTEE.body[:60]).status_code == 400


@pytest.mark.parametrize(
    ("provider", "secret", "match"),
    [
        ("mailersend", None, "signs its callbacks"),
        ("sentdm", None, "signs its callbacks"),
        ("infobip", "x" * 16, "does not sign"),
        ("nexmo", None, "unknown provider"),
        ("sentdm", "whsec_A", "not a whsec_ base64 secret"),
    ],
)
def test_misconfiguration_fails_when_the_app_is_built(
    provider: str, secret: str | None, match: str
) -> None:
    """A signing provider without a secret (and similar mistakes) fail at build time."""
    with pytest.raises(InvalidFieldError, match=match):
        callbacks.receiver(provider, lambda e: None, secret=secret)


@pytest.mark.parametrize(
    ("name", "value"), [("on_events", "nope"), ("max_body", 0), ("tolerance", -1)]
)
def test_bad_build_arguments_are_named(name: str, value: object) -> None:
    """A non-callable on_events, a non-positive max_body or a negative tolerance is named."""
    kwargs: dict[str, Any] = {"on_events": lambda e: None, name: value}
    with pytest.raises(InvalidFieldError) as caught:
        callbacks.receiver("routee", **kwargs)
    assert caught.value.field == name


def test_mounted_in_starlette() -> None:
    """The receiver serves at an exact Route path or under a Mount in a Starlette app."""
    from starlette.applications import Starlette
    from starlette.responses import PlainTextResponse
    from starlette.routing import Mount, Route

    got: list[DeliveryEvent] = []
    hook = callbacks.receiver("mailersend", got.extend, secret=MS_SECRET)
    app = Starlette(
        routes=[
            Route("/health", lambda request: PlainTextResponse("ok")),
            Route("/hooks/mailersend", hook),
            Mount("/hooks/routee", callbacks.receiver("routee", got.extend)),
        ]
    )

    async def run() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://app") as client:
            return [
                await client.post("/hooks/mailersend", content=SMS.body, headers=SMS.headers),
                await client.post("/hooks/routee/", content=ROUTEE.body),
                await client.get("/health"),
            ]

    mailersend, routee, health = asyncio.run(run())
    assert (mailersend.status_code, routee.status_code) == (200, 200)
    assert health.text == "ok"
    assert [e.provider for e in got] == ["mailersend", "routee"]
    assert MS_SECRET not in repr(hook)


def test_an_object_with_async_call_and_a_sync_function_returning_a_coroutine() -> None:
    """Both forms of async on_events are awaited, so no event is dropped unawaited."""
    got: list[str] = []

    class Sink:
        async def __call__(self, events: list[DeliveryEvent]) -> None:
            got.extend(f"object:{e.message_id}" for e in events)

    async def later(events: list[DeliveryEvent]) -> None:
        got.extend(f"coroutine:{e.message_id}" for e in events)

    def returns_coroutine(events: list[DeliveryEvent]) -> Awaitable[None]:
        return later(events)

    for on_events in (Sink(), returns_coroutine):
        assert _post(callbacks.receiver("routee", on_events), ROUTEE.body).status_code == 200
    message_id = "28969a49-7c12-4411-a93b-0d3751b4aca0"
    assert got == [f"object:{message_id}", f"coroutine:{message_id}"]


def _drive(
    app: Callable[..., Any], scope: dict[str, Any], inbox: list[Any]
) -> list[dict[str, Any]]:
    sent: list[dict[str, Any]] = []

    async def receive() -> Any:
        return inbox.pop(0)

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    return sent


def test_lifespan_is_acknowledged_when_served_alone() -> None:
    """Run directly under an ASGI server, startup and shutdown are acknowledged."""
    app = callbacks.receiver("routee", lambda e: None)
    sent = _drive(
        app, {"type": "lifespan"}, [{"type": "lifespan.startup"}, {"type": "lifespan.shutdown"}]
    )
    assert [m["type"] for m in sent] == ["lifespan.startup.complete", "lifespan.shutdown.complete"]


def test_a_client_that_disconnects_mid_body_gets_no_answer_and_no_call() -> None:
    """If the provider hangs up before the body is complete, nothing is parsed or answered."""
    got: list[object] = []
    app = callbacks.receiver("routee", got.append)
    scope = {"type": "http", "method": "POST", "headers": []}
    inbox = [{"type": "http.request", "body": b"{", "more_body": True}, {"type": "http.disconnect"}]
    assert _drive(app, scope, inbox) == []
    assert got == []


def test_a_declared_length_over_the_limit_is_refused_before_reading() -> None:
    """A Content-Length over max_body gets 413 without reading the body."""
    app = callbacks.receiver("routee", lambda e: None, max_body=10)
    scope = {"type": "http", "method": "POST", "headers": [(b"content-length", b"11")]}
    sent = _drive(app, scope, [])
    assert sent[0]["status"] == 413
