"""``dlrkit serve --callback-*``: argument errors (exit 2, naming the flag) and a real run."""

from __future__ import annotations

import math

import pytest
from dlrkit.mailersend import parse_callback
from dlrkit_cli import _main as _cli
from dlrkit_cli import main
from dlrkit_contract._serving import served
from dlrkit_servers import _callback_args, create_app
from hypothesis import given
from hypothesis import strategies as st
from waiting import wait_until

from push.receiver import Recorder
from push.serve import read_until, start_serve, stop

TOKEN = "cli-push-token"  # noqa: S105 -- a test credential
SECRET = "cli-push-secret-value-123"  # noqa: S105 -- a test secret
URL = "http://127.0.0.1:9/hook"
DEADLINE = 60.0


def test_copied_defaults_match_the_servers() -> None:
    """The CLI's copies of the callback defaults and bounds equal the servers' own."""
    assert _cli._CALLBACK_RATE == _callback_args.DEFAULT_RATE
    assert _cli._CALLBACK_RETRY_DELAY == _callback_args.DEFAULT_RETRY_DELAY
    assert _cli._MAX_CALLBACK_RATE == _callback_args.MAX_RATE
    assert _cli._MAX_CALLBACK_RETRY_DELAY == _callback_args.MAX_RETRY_DELAY


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--callback-url", "ftp://x/y"], ["--callback-url", "'ftp://x/y'"]),
        (["--callback-url", "/relative"], ["--callback-url", "'/relative'"]),
        (["--callback-url", "http://"], ["--callback-url", "'http://'"]),
        (["--callback-url", "http://h:99999/"], ["--callback-url", "'http://h:99999/'"]),
        (["--callback-url", URL, "--callback-rate", "0"], ["--callback-rate", "'0'"]),
        (["--callback-url", URL, "--callback-rate", "-2"], ["--callback-rate", "'-2'"]),
        (["--callback-url", URL, "--callback-rate", "nan"], ["--callback-rate", "'nan'"]),
        (["--callback-url", URL, "--callback-rate", "inf"], ["--callback-rate", "'inf'"]),
        (["--callback-url", URL, "--callback-rate", "fast"], ["--callback-rate", "'fast'"]),
        (["--callback-url", URL, "--callback-retry-delay", "-1"], ["--callback-retry-delay"]),
        (["--callback-url", URL, "--callback-retry-delay", "1e9"], ["--callback-retry-delay"]),
        (["--callback-url", URL, "--callback-retry-delay", "inf"], ["--callback-retry-delay"]),
        (["--callback-secret", SECRET], ["--callback-secret", "callback_url"]),
    ],
)
def test_bad_callback_arguments_exit_2_naming_the_flag(
    capsys: pytest.CaptureFixture[str], args: list[str], words: list[str]
) -> None:
    """Each bad callback argument exits 2 with the flag and value named (never the secret)."""
    assert main(["serve", "mailersend", "--token", TOKEN, "--size", "1", *args]) == 2
    err = capsys.readouterr().err
    for word in words:
        assert word in err
    assert SECRET not in err


@pytest.mark.parametrize("provider", ["infobip", "routee"])
def test_unsigned_providers_refuse_a_secret_or_say_they_cannot_push(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], provider: str
) -> None:
    """Infobip and Routee sign nothing: a secret is refused (or callbacks are not there yet)."""
    monkeypatch.setenv("DLRKIT_TOKEN", TOKEN)
    monkeypatch.setenv("DLRKIT_APP_ID", "app")
    monkeypatch.setenv("DLRKIT_APP_SECRET", "app-secret")
    args = ["--size", "1", "--callback-url", URL, "--callback-secret", SECRET]
    assert main(["serve", provider, *args]) == 2
    err = capsys.readouterr().err
    assert "--callback-secret" in err or "--callback-url" in err
    assert SECRET not in err


def test_a_secret_with_spaces_is_refused_without_being_shown(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A MailerSend secret must be printable text without surrounding spaces; never echoed."""
    args = ["--callback-url", URL, "--callback-secret", f" {SECRET} "]
    assert main(["serve", "mailersend", "--token", TOKEN, "--size", "1", *args]) == 2
    err = capsys.readouterr().err
    assert "--callback-secret" in err
    assert SECRET not in err


@pytest.mark.parametrize(
    ("provider", "secret", "ok"),
    [
        ("mailersend", "any printable text", True),
        ("mailersend", "", False),
        ("mailersend", "tab\tinside", False),
        ("sentdm", "whsec_" + "QUJDREVGR0hJSktMTU5PUA==", True),
        ("sentdm", "whsec_not base64!", False),
        ("sentdm", "QUJDREVGR0hJSktMTU5PUA==", False),
        ("sentdm", "whsec_", False),
    ],
)
def test_secret_rules_per_provider(provider: str, secret: str, ok: bool) -> None:
    """sent.dm wants whsec_ + base64, MailerSend any printable text; errors hide the value."""
    if ok:
        assert _callback_args.check_secret(provider, True, secret) == secret
    else:
        with pytest.raises(ValueError, match="callback_secret") as caught:
            _callback_args.check_secret(provider, True, secret)
        # (The bare prefix "whsec_" is named by the rule itself.)
        assert secret in ("", "whsec_") or secret not in str(caught.value)


@pytest.mark.parametrize("provider", ["mailersend", "sentdm"])
def test_generated_secrets_pass_their_own_rules(provider: str) -> None:
    """A secret made for a provider is one that provider accepts."""
    secret = _callback_args.new_secret(provider)
    assert _callback_args.check_secret(provider, True, secret) == secret


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_rate_and_delay_are_accepted_or_named(value: float) -> None:
    """Any float is either a valid rate/delay or an error naming the argument and the value."""
    for check, name, valid in (
        (_callback_args.check_rate, "callback_rate", 0 < value <= _callback_args.MAX_RATE),
        (
            _callback_args.check_retry_delay,
            "callback_retry_delay",
            0 <= value <= _callback_args.MAX_RETRY_DELAY,
        ),
    ):
        if valid and math.isfinite(value):
            assert check(value) == value
        else:
            with pytest.raises(ValueError, match=name) as caught:
                check(value)
            assert repr(value) in str(caught.value)


@pytest.mark.parametrize("value", ["yes", 1, None])
def test_callback_process_must_be_a_bool(value: object) -> None:
    """``callback_process`` is True or False; anything else is named with its value."""
    with pytest.raises(ValueError, match="callback_process") as caught:
        create_app("mailersend", token=TOKEN, callback_url=URL, callback_process=value)  # type: ignore[arg-type]
    assert repr(value) in str(caught.value)


def test_create_app_posts_from_a_child_unless_told_not_to() -> None:
    """By default the sender's POSTs come from a child process; ``False`` keeps them here."""
    default = create_app("mailersend", token=TOKEN, callback_url=URL)
    here = create_app("mailersend", token=TOKEN, callback_url=URL, callback_process=False)
    assert default.callbacks is not None
    assert default.callbacks.process is True
    assert here.callbacks is not None
    assert here.callbacks.process is False


def test_create_app_refuses_a_provider_without_a_push_source() -> None:
    """A server with no callback source says so, naming callback_url (no crash)."""
    from dlrkit_servers import _registry

    _registry.register("example", "servers.example_provider", "token")
    try:
        with pytest.raises(ValueError, match="callback_url is not available for example"):
            create_app("example", token=TOKEN, callback_url=URL)
    finally:
        del _registry._ENTRIES["example"]


def test_serve_mailersend_pushes_signed_callbacks_and_prints_the_secret() -> None:
    """`dlrkit serve mailersend --callback-url` prints its secret; every callback verifies."""
    recorder = Recorder()
    now = "2026-03-01T00:00:00+00:00"
    with served(recorder) as origin:
        url = origin + "/hook"
        expected = create_app(
            "mailersend", token=TOKEN, seed=2, size=3, callback_url=url, now=_cli._instant(now)
        )
        assert expected.callbacks is not None
        count = len(expected.callbacks.events)
        process = start_serve(
            "mailersend",
            "--token",
            TOKEN,
            "--seed",
            "2",
            "--size",
            "3",
            "--now",
            now,
            "--callback-url",
            url,
            "--callback-rate",
            "200",
        )
        try:
            lines = read_until(process, "callback signing secret: ", DEADLINE)
            secret = lines[-1].removeprefix("callback signing secret: ")
            assert any(line.startswith("callbacks: ") for line in lines)
            assert any("real schedule" in line for line in lines)
            wait_until(
                lambda: len(recorder.requests) >= count, timeout=DEADLINE, what="every callback"
            )
        finally:
            out, err = stop(process, DEADLINE)
    assert process.returncode == 0, err
    assert TOKEN not in out + err
    requests = recorder.requests
    assert len(requests) == count
    for request in requests:
        (event,) = parse_callback(request.body, request.headers, secret=secret)
        assert event.provider == "mailersend"
