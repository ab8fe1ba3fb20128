from __future__ import annotations

from dlrkit_contract import Settings
from dlrkit_contract._report import render_run, replay_command
from dlrkit_contract._results import CheckOutcome, Recorder
from dlrkit_contract._runner import RunResult
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
    assert "$DLRKIT_TOKEN" in line
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
