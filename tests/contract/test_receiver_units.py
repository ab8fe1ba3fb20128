"""Edges of the receiver run that a well-behaved receiver never shows.

Answers no real receiver gives on cue (a redirect, a reset, a connection lost mid-run) come
from httpx's MockTransport; the strategy builder's refusals and the broken wrappers'
pass-through paths are called directly.
"""

from __future__ import annotations

import asyncio
import io
from typing import Any

import httpx
import pytest
from dlrkit import callbacks
from dlrkit_contract import Settings
from dlrkit_contract._receiver import Case, _Run, _wrong_type
from dlrkit_contract._results import Recorder
from dlrkit_contract._schema import TargetError
from dlrkit_contract._signing import signer_for
from dlrkit_contract._webhooks import _build, _resolve, check_valid, webhook_entries
from dlrkit_contract.broken_receivers import RECEIVER_VARIANTS, ReceiverVariant
from dlrkit_contract.cli import main
from dlrkit_contract.receiver_selftest import run_receiver_selftest
from hypothesis import given, settings

URL = "http://receiver.test/hooks"


def _run(handler: Any, *, sent: int = 1) -> tuple[_Run, Recorder]:
    recorder = Recorder()
    recorder.start("routee", URL, [])
    client = httpx.Client(transport=httpx.MockTransport(handler))
    run = _Run(
        "routee",
        Settings(receiver_url=URL),
        recorder,
        client,
        signer_for("routee"),
        "wh",
        io.StringIO(),
        True,
        sent=sent,
    )
    return run, recorder


def _case(*, accept: bool) -> Case:
    return Case("row", "rejects_malformed", b"{}", {}, accept, "what")


def _titles(recorder: Recorder) -> list[str]:
    return [f.title for f in recorder.providers["routee"].failures]


@pytest.mark.parametrize(
    ("answer", "accept", "title"),
    [
        (307, False, "answered 307, expected a 4xx"),
        (503, False, "server error 503, expected a 4xx"),
        (201, True, "answered 201, expected 200"),  # Routee counts only 200
    ],
)
def test_answers_outside_the_contract_fail_with_their_status(
    answer: int, accept: bool, title: str
) -> None:
    """A redirect or a 5xx never passes a refusal case; a 201 is not Routee's 200."""
    run, recorder = _run(lambda request: httpx.Response(answer))
    run.send(_case(accept=accept))
    assert _titles(recorder) == [title]


def test_a_lost_connection_mid_run_is_a_failure_and_first_is_exit_2() -> None:
    """Refused after requests got through: a failure; refused on the first: TargetError."""

    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    run, recorder = _run(refuse)
    run.send(_case(accept=False))
    assert _titles(recorder) == ["connection refused mid-run (crashed?)"]
    first, _ = _run(refuse, sent=0)
    with pytest.raises(TargetError, match="cannot reach the receiver"):
        first.send(_case(accept=False))


def test_a_reset_is_a_failure_naming_the_error() -> None:
    """Any other transport error fails the case with its type."""

    def reset(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadError("reset", request=request)

    run, recorder = _run(reset)
    run.send(_case(accept=True))
    assert _titles(recorder) == ["connection failed (ReadError)"]


def test_curl_lines_pipe_unprintable_bodies() -> None:
    """A body with control characters is sent by printf with octal escapes."""
    run, _ = _run(lambda request: httpx.Response(400))
    line = run.curl(Case("row", "rejects_malformed", b"a\x00'b", {}, False, "x"))
    assert line.startswith("printf 'a\\000\\047b' | curl")


def test_the_builder_refuses_what_it_does_not_know() -> None:
    """Unknown keywords, unnarrowed formats, typeless schemas and recursive refs raise."""
    with pytest.raises(ValueError, match="not supported"):
        _build({"type": "string", "if": {}})
    with pytest.raises(ValueError, match="no realistic strategy"):
        _build({"type": "string", "format": "date-time"})
    with pytest.raises(ValueError, match="without a type"):
        _build({"minimum": 1})
    with pytest.raises(ValueError, match="recursive"):
        _resolve({"a": {"$ref": "#/a"}}, {"$ref": "#/a"})
    assert _build({"type": "null"}) is not None


def test_check_valid_names_what_breaks_the_schema() -> None:
    """A body outside the spec is a generator bug, reported as such."""
    entry = webhook_entries("routee")[0]
    with pytest.raises(AssertionError, match="breaks its schema"):
        check_valid(entry, {"messageId": 1})


@settings(max_examples=3, deadline=None)
@given(_wrong_type(webhook_entries("routee")[0], {}))
def test_a_body_without_key_fields_gets_no_wrong_type_case(found: object) -> None:
    """Nothing to spoil: no case rather than a case that is not malformed."""
    assert found is None


def test_wrappers_pass_lifespan_and_disconnects_through() -> None:
    """Non-HTTP scopes reach the wrapped app; a disconnect ends the body read."""
    seen: list[str] = []

    async def app(scope: Any, receive: Any, send: Any) -> None:
        seen.append(scope["type"])
        if scope["type"] == "http":
            assert (await receive())["body"] == b""
            assert (await receive())["type"] == "http.disconnect"
            await send({"type": "http.response.start", "status": 200, "headers": []})
            await send({"type": "http.response.body", "body": b""})

    async def disconnect() -> dict[str, Any]:
        return {"type": "http.disconnect"}

    async def drop(message: Any) -> None:
        return None

    async def drive() -> None:
        for variant in RECEIVER_VARIANTS[1:]:
            broken = variant.wrap("routee", app)
            await broken({"type": "lifespan"}, disconnect, drop)
            await broken({"type": "http", "method": "POST"}, disconnect, drop)

    asyncio.run(drive())
    assert seen == ["lifespan", "http", "lifespan", "http"]


def test_a_variant_for_other_providers_is_not_run() -> None:
    """The self-test runs a variant only on the providers it names."""
    only_routee = ReceiverVariant(
        "x", "y", frozenset({"z"}), RECEIVER_VARIANTS[0].wrap, frozenset({"routee"})
    )
    table = run_receiver_selftest(
        lambda p, s: callbacks.receiver(p, lambda e: None, secret=s),
        Settings(max_examples=1, profile="ci"),
        providers=["infobip"],
        variants=[only_routee],
        stream=io.StringIO(),
    )
    assert table.rows == []
    assert table.correct_failures == {"infobip": 0}


def test_bad_settings_and_interrupts_in_receiver_runs(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """--max-examples 0 is a usage error; Ctrl-C exits 130 without a verdict."""
    argv = ["routee", "--receiver", "http://127.0.0.1:9/x"]
    assert main([*argv, "--max-examples", "0"]) == 2
    assert "max-examples" in capsys.readouterr().err

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("dlrkit_contract._receiver.run_receiver", interrupted)
    assert main(argv) == 130
    assert "no verdict" in capsys.readouterr().err


def test_unsigned_providers_have_nothing_to_forge() -> None:
    """forged() of an unsigned provider leaves the headers as they were."""
    assert signer_for("infobip").forged({"Content-Type": "application/json"}) == {
        "Content-Type": "application/json"
    }
