from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from dlrkit_contract import Settings, run
from dlrkit_contract._serving import served
from dlrkit_servers import create_app

TOKEN = "http-token"  # noqa: S105 -- the throwaway token of a test server


@pytest.fixture
def infobip_url() -> Iterator[str]:
    """Serve the Infobip reference server on a real port until the test ends (with deadlines)."""
    with served(create_app("infobip", token=TOKEN).app) as origin:
        yield origin


def test_suite_runs_over_real_http(infobip_url: str) -> None:
    """With a base URL the suite talks HTTP to the server and reports it conforming."""
    settings = Settings.resolve(
        base_url=infobip_url, token=TOKEN, max_examples=2, seed=0, profile="ci", environ={}
    )
    result = run(["infobip"], settings, stream=io.StringIO())
    assert result.ok, result.providers["infobip"].failures
    assert result.providers["infobip"].target == infobip_url
    assert result.providers["infobip"].cases > 0
