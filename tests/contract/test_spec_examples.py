"""The specs' own examples obey the specs' own rules (issue 9, finding 8).

Schemathesis' CLI, on its own (nothing of the contract suite), runs the examples phase with
every check against each provider's `dlrkit serve`. Routee's documented example dates
(2016-08-19T15:00Z to 16:00Z) can only be inside its 7-day window on a server whose clock
says so, so that server is started with `--now 2016-08-19T18:00:00Z`: an example with a
date is valid relative to a clock, and the spec's description names that clock.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from contract.serving import ROOT, child_env, dlrkit_serve

TOKEN = "examples-token"  # noqa: S105 -- the throwaway token of a test server
ROUTEE_CLOCK = "2016-08-19T18:00:00Z"
RUN_TIMEOUT = 300
# The webhook list/create examples name the docs' own sending number, 0p7kx4xd7el9yjre. It
# belongs to the docs' account, not to ours: MailerSend answers it with the recorded 422
# (#MS42209, tests/fixtures/recorded), and so does the reference server. That 422 is the
# documented answer for a schema-valid number the account lacks, so it is allowed there only.
MAILERSEND_NUMBER_EXAMPLES = "".join(
    f'[[operations]]\ninclude-operation-id = "{operation}"\n'
    "checks.positive_data_acceptance.expected-statuses = [200, 201, 422]\n"
    for operation in ("list_sms_webhooks", "create_sms_webhook")
)


def _schemathesis(
    spec: str, url: str, config: str, tmp_path: Path
) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "schemathesis.toml"
    path.write_text(config, encoding="utf-8")
    command = [sys.executable, "-m", "schemathesis.cli", "--config-file", str(path), "run"]
    command += [str(ROOT / "specs" / spec), "--url", url, "--phases", "examples"]
    command += ["--checks", "all", "--no-color"]
    return subprocess.run(  # noqa: S603 -- fixed command built by the test
        command, capture_output=True, text=True, timeout=RUN_TIMEOUT, env=child_env(), check=False
    )


@pytest.mark.parametrize(
    ("provider", "config"),
    [
        (
            "mailersend",
            f'[auth.openapi.bearerAuth]\nbearer = "{TOKEN}"\n' + MAILERSEND_NUMBER_EXAMPLES,
        ),
        ("infobip", f'[auth.openapi.AppKey]\napi_key = "App {TOKEN}"\n'),
    ],
)
def test_examples_pass_on_token_providers(provider: str, config: str, tmp_path: Path) -> None:
    """MailerSend's and Infobip's examples are accepted and answered as documented."""
    with dlrkit_serve(provider, "--token", TOKEN) as url:
        done = _schemathesis(f"{provider}.yaml", url, config, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert " passed" in done.stdout


def test_routee_examples_pass_on_a_clock_inside_their_window(tmp_path: Path) -> None:
    """Routee's example dates are accepted by a server whose clock is 2 hours after them."""
    with dlrkit_serve(
        "routee", "--app-id", "app", "--app-secret", "sec", "--now", ROUTEE_CLOCK
    ) as url:
        token = httpx.post(
            f"{url}/oauth/token",
            auth=("app", "sec"),
            data={"grant_type": "client_credentials"},
            timeout=30,
        ).json()["access_token"]
        config = (
            f'[auth.openapi.oauth2]\nbearer = "{token}"\n'
            '[auth.openapi.ClientBasic]\nusername = "app"\npassword = "sec"\n'
        )
        done = _schemathesis("routee.yaml", url, config, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert " passed" in done.stdout
