from __future__ import annotations

import shlex
import xml.etree.ElementTree as ET
from pathlib import Path

from dlrkit_contract import Settings
from dlrkit_contract._junit import write_junit
from dlrkit_contract._report import render_run, replay_command
from dlrkit_contract._results import CheckOutcome, FinishedTest, Recorder
from dlrkit_contract._runner import RunResult
from dlrkit_contract.cli import build_parser
from hypothesis import given

from contract import strategies


@given(strategies.secrets_)
def test_replay_command_never_holds_a_secret(secret: str) -> None:
    """The replay line names the seed and size and leaves credentials as placeholders."""
    settings = Settings.resolve(
        base_url="http://127.0.0.1:8000", token=secret, seed=12, max_examples=30, environ={}
    )
    line = replay_command(settings, "sentdm")
    assert "--seed 12" in line
    assert "--max-examples 30" in line
    assert "DLRKIT_TOKEN" in line
    assert secret not in line


def test_failures_show_check_curl_and_replay() -> None:
    """A failure is listed with its check, the case count, the curl line and the replay line."""
    recorder = Recorder()
    recorder.start("infobip", "embedded reference server", [("GET /sms/1/reports", "op")])
    recorder.current_test = "test_infobip.py::test_conformance[GET /sms/1/reports]"
    recorder.record("infobip", "GET /sms/1/reports", [CheckOutcome("not_a_server_error")])
    failed = CheckOutcome("status_code_conformance", "Undocumented status code", "Received: 418")
    recorder.record("infobip", "GET /sms/1/reports", [failed], curl="curl -X GET http://x")
    settings = Settings.resolve(seed=3, environ={})
    text = render_run(RunResult(settings, recorder.providers, exit_code=1, seconds=1.0))
    assert "infobip against embedded reference server: DOES NOT CONFORM" in text
    assert "Undocumented status code (status_code_conformance)" in text
    assert "(after 2 cases)" in text
    assert "reproduce: curl -X GET http://x" in text
    assert "replay:    dlrkit contract infobip --seed 3" in text
    assert text.rstrip().endswith("NOT CONFORMING")


SECRET = "s3cr3t"  # noqa: S105 -- a test value


def _recorded() -> Recorder:
    recorder = Recorder()
    recorder.start(
        "mailersend",
        "http://127.0.0.1:1/v1",
        [("GET /sms-messages", "list_sms_messages"), ("GET /sms-messages/{id}", "get_sms_message")],
    )
    recorder.collected("mailersend", 3)
    recorder.current_test = "test_mailersend.py::test_conformance[GET /sms-messages]"
    for status in (200, 200, 400):
        recorder.record(
            "mailersend", "GET /sms-messages", [CheckOutcome("not_a_server_error")], status=status
        )
    failed = CheckOutcome("status_code_conformance", "Undocumented status code", "Received: 418")
    recorder.record(
        "mailersend", "GET /sms-messages/{id}", [failed], curl="curl -X GET http://x", status=418
    )
    recorder.record(
        "mailersend", "GET /sms-messages/{id}", [CheckOutcome("not_a_server_error")], status=404
    )
    recorder.test_finished(
        "mailersend",
        FinishedTest("test_mailersend.py::test_conformance[GET /sms-messages]", "failed"),
    )
    recorder.test_finished(
        "mailersend",
        FinishedTest(
            "test_mailersend.py::test_known_id[none]",
            "skipped",
            reason="no known ids: give --known-id",
            runtime_skip=True,
        ),
    )
    recorder.test_error("mailersend", "test_mailersend.py::test_pagination[x]", "KeyError: 'data'")
    recorder.test_finished(
        "mailersend", FinishedTest("test_mailersend.py::test_pagination[x]", "failed")
    )
    return recorder


def _remote_settings() -> Settings:
    return Settings.resolve(
        base_url="http://127.0.0.1:1/v1",
        token=SECRET,
        seed=5,
        profile="ci",
        environ={},
    )


def test_statuses_seen_no_2xx_and_skips_are_reported() -> None:
    """Per operation the statuses seen; an operation without 2xx and a skip are gaps."""
    recorder = _recorded()
    text = render_run(RunResult(_remote_settings(), recorder.providers, exit_code=1, seconds=1.0))
    assert "mailersend against http://127.0.0.1:1/v1: DOES NOT CONFORM" in text
    assert "200\N{MULTIPLICATION SIGN}2 400\N{MULTIPLICATION SIGN}1" in text
    assert "404\N{MULTIPLICATION SIGN}1 418\N{MULTIPLICATION SIGN}1" in text
    assert "no 2xx seen" in text
    assert "skipped: test_known_id[none]: no known ids: give --known-id" in text
    assert "gaps" in text.splitlines()[-1]


def test_gaps_alone_keep_conforms_but_say_so() -> None:
    """No failure but a gap: 'conforms' only with its gaps named; require_coverage fails it."""
    recorder = Recorder()
    recorder.start("sentdm", "http://x", [("GET /v3/contacts", "list_contacts")])
    recorder.collected("sentdm", 1)
    recorder.record("sentdm", "GET /v3/contacts", [CheckOutcome("a")], status=401)
    recorder.test_finished("sentdm", FinishedTest("t::a", "passed"))
    settings = _remote_settings()
    run = RunResult(settings, recorder.providers, exit_code=0, seconds=1.0)
    text = render_run(run)
    assert "conforms, with gaps" in text
    assert run.ok
    strict = RunResult(
        settings.with_(require_coverage=True), recorder.providers, exit_code=0, seconds=1.0
    )
    assert not strict.ok


def test_replay_line_pastes_and_names_the_variables() -> None:
    """The replay line parses as a command as pasted; it names DLRKIT_TOKEN, expands nothing."""
    line = replay_command(_remote_settings(), "mailersend")
    assert "$" not in line
    assert "DLRKIT_TOKEN" in line
    argv = shlex.split(line, comments=True)
    assert argv[:3] == ["dlrkit", "contract", "mailersend"]
    parsed = build_parser().parse_args(argv[2:])
    assert parsed.seed == 5
    assert parsed.token is None
    routee = replay_command(_remote_settings(), "routee")
    assert "DLRKIT_APP_ID" in routee
    assert "DLRKIT_APP_SECRET" in routee


def test_junit_carries_seed_replay_curl_and_the_console_count(tmp_path: Path) -> None:
    """JUnit: seed and replay as properties, each failure's curl line, the console's count."""
    recorder = _recorded()
    run = RunResult(_remote_settings(), recorder.providers, exit_code=1, seconds=1.0)
    path = tmp_path / "junit.xml"
    write_junit(run, path)
    text = render_run(run)
    root = ET.parse(path).getroot()  # noqa: S314 -- written by this test
    (suite,) = root.iter("testsuite")
    properties = {p.get("name"): p.get("value") for p in suite.iter("property")}
    assert properties["seed"] == "5"
    assert properties["replay"] == replay_command(run.settings, "mailersend")
    assert f"FAILURES ({suite.get('failures')})" in text
    bodies = [f.text or "" for f in suite.iter("failure")]
    assert any("reproduce: curl -X GET http://x" in body for body in bodies)
    assert SECRET not in path.read_text(encoding="utf-8")
