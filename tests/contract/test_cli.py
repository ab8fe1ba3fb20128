from __future__ import annotations

from pathlib import Path

import pytest
from dlrkit_contract.cli import main


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["all", "--base-url", "http://127.0.0.1:9"], "--base-url"),
        (["mailersend", "--base-url", "http://127.0.0.1:9"], "--token"),
        (["routee", "--base-url", "http://127.0.0.1:9", "--app-id", "a"], "--app-secret"),
        (["routee", "--token", "t"], "--app-id"),
        (["infobip", "--app-id", "a", "--app-secret", "b"], "--token"),
        (["infobip", "--base-url", "ftp://x", "--token", "t"], "ftp://x"),
    ],
)
def test_usage_errors_exit_2_naming_the_setting(
    argv: list[str], named: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Bad usage exits 2 with one line naming what is wrong, before any test runs."""
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert named in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "credentials",
    [["--app-id", "app", "--app-secret", "s3cr3t-value"], ["--token", "s3cr3t-value"]],
)
def test_unreachable_target_is_a_usage_error_without_the_secret(
    credentials: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """An unreachable base URL exits 2 before any test, and never prints the secret."""
    provider = "routee" if "--app-id" in credentials else "sentdm"
    assert main([provider, "--base-url", "http://127.0.0.1:9", *credentials]) == 2
    out = capsys.readouterr()
    assert "cannot connect to 127.0.0.1:9" in out.err
    assert "s3cr3t-value" not in out.out + out.err


def test_argparse_errors_are_returned_not_raised(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown provider returns 2 (argparse prints the usage), --help returns 0."""
    assert main(["twilio"]) == 2
    assert "invalid choice: 'twilio'" in capsys.readouterr().err
    assert main(["--help"]) == 0


def test_embedded_run_prints_the_table_and_writes_junit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A small embedded run exits 0, prints progress and the table, and writes JUnit XML."""
    junit = tmp_path / "contract.xml"
    code = main(
        [
            "infobip",
            "--max-examples",
            "2",
            "--seed",
            "0",
            "--profile",
            "ci",
            "--junit-xml",
            str(junit),
        ]
    )
    out = capsys.readouterr().out
    assert code == 0, out
    assert "test_conformance[GET /sms/1/reports]" in out
    assert "GET /sms/1/reports (get_sms_delivery_reports)" in out
    assert "infobip against embedded reference server: conforms" in out
    assert junit.read_text(encoding="utf-8").startswith("<?xml")
