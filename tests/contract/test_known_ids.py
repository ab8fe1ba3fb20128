"""--known-id feeds real ids to a remote run (issue 9, finding 5).

Fuzzed ids never exist on a remote server, so before --known-id sent.dm's message bodies
were never validated there and undocumented status values in them passed.
"""

from __future__ import annotations

import io

import pytest
from dlrkit_contract import Settings, SettingsError, run
from dlrkit_contract._serving import served
from dlrkit_contract._settings import EMBEDDED_TOKEN
from dlrkit_contract.broken import VARIANTS
from dlrkit_contract.cli import main
from dlrkit_servers import create_app

BROKEN = next(v for v in VARIANTS if v.name == "message_status_undocumented")


def test_known_ids_from_options_and_environment() -> None:
    """Options win over DLRKIT_KNOWN_IDS; both give (operationId, value) pairs in order."""
    env = {"DLRKIT_KNOWN_IDS": "get_message_status=a, list_message_activities=b"}
    assert Settings.resolve(environ=env).known_ids == (
        ("get_message_status", "a"),
        ("list_message_activities", "b"),
    )
    given = Settings.resolve(known_ids=["get_message_status=c"], environ=env)
    assert given.known_ids == (("get_message_status", "c"),)
    with pytest.raises(SettingsError, match="'nothing'"):
        Settings.resolve(known_ids=["nothing"], environ={})


def test_unknown_operation_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """A --known-id naming no get-by-id operation of the provider exits 2 naming it."""
    assert main(["sentdm", "--known-id", "list_contacts=x"]) == 2
    assert "'list_contacts'" in capsys.readouterr().err


def _remote(url: str, known: tuple[tuple[str, str], ...]) -> Settings:
    base = Settings.resolve(seed=0, profile="ci", token=EMBEDDED_TOKEN, environ={})
    return base.with_(base_url=url, known_ids=known)


def test_remote_sentdm_validates_message_bodies_only_with_known_ids() -> None:
    """Without --known-id the broken message bodies pass (a gap); with it they are caught."""
    server = create_app("sentdm", token=EMBEDDED_TOKEN, seed=0)
    message_id = server.sample_ids["get_message_status"][0]
    known = (("get_message_status", message_id), ("list_message_activities", message_id))
    with served(BROKEN.wrap(server.app)) as origin:
        blind = run(["sentdm"], _remote(origin, ()), stream=io.StringIO())
        seeing = run(["sentdm"], _remote(origin, known), stream=io.StringIO())
    blind_result = blind.providers["sentdm"]
    assert not blind_result.failures
    assert any("no 2xx seen" in gap for gap in blind_result.gaps())
    assert any("test_known_ids[none]" in gap for gap in blind_result.gaps())
    caught = {f.check for f in seeing.providers["sentdm"].failures}
    assert "documented_status_values" in caught
