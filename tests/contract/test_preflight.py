"""Before fuzzing a remote target, one authenticated request per provider (issue 9, 1 and 2).

A refused credential or a base URL without the spec's base path is the user's mistake, not
the server's: the run ends with exit 2 and says what to fix, instead of "DOES NOT CONFORM".
Over real HTTP against `dlrkit serve`.
"""

from __future__ import annotations

import pytest
from dlrkit_contract.cli import main

from contract.serving import dlrkit_serve

TOKEN = "preflight-token"  # noqa: S105 -- the throwaway token of a test server
SMALL = ["--max-examples", "1", "--seed", "0", "--profile", "ci"]


@pytest.mark.parametrize("provider", ["mailersend", "sentdm", "infobip"])
def test_refused_token_exits_2_naming_status_and_option(
    provider: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A wrong token gets exit 2, the status and the credential options, no verdict."""
    with dlrkit_serve(provider, "--token", TOKEN) as url:
        code = main([provider, "--base-url", url, "--token", "WRONG-value", *SMALL])
    out = capsys.readouterr()
    assert code == 2, out.out + out.err
    assert "HTTP 401" in out.err
    assert "--token" in out.err
    assert "DLRKIT_TOKEN" in out.err
    assert "CONFORM" not in out.out
    assert "WRONG-value" not in out.out + out.err


def test_refused_routee_credentials_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    """Routee's token request is its preflight: a wrong secret is exit 2 naming the options."""
    with dlrkit_serve("routee", "--app-id", "app", "--app-secret", "right") as url:
        code = main(
            ["routee", "--base-url", url, "--app-id", "app", "--app-secret", "wrong", *SMALL]
        )
    out = capsys.readouterr()
    assert code == 2, out.out + out.err
    assert "HTTP 401" in out.err
    assert "--app-id" in out.err
    assert "CONFORM" not in out.out


def test_missing_base_path_exits_2_with_a_hint(capsys: pytest.CaptureFixture[str]) -> None:
    """MailerSend without /v1: every collection call is 404, and the hint names /v1."""
    with dlrkit_serve("mailersend", "--token", TOKEN) as url:
        assert url.endswith("/v1")
        code = main(["mailersend", "--base-url", url.removesuffix("/v1"), "--token", TOKEN, *SMALL])
    out = capsys.readouterr()
    assert code == 2, out.out + out.err
    assert "404" in out.err
    assert "/v1" in out.err
    assert "CONFORM" not in out.out
