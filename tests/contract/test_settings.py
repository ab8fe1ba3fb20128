from __future__ import annotations

from typing import Any

import pytest
from dlrkit_contract import PROFILES, Settings, SettingsError
from dlrkit_contract._target import make_target
from hypothesis import given

from contract import strategies


def test_options_win_over_environment() -> None:
    """An explicit value beats the DLRKIT_* variable for the same setting."""
    env = {"DLRKIT_MAX_EXAMPLES": "7", "DLRKIT_SEED": "5", "DLRKIT_BASE_URL": "http://env:1"}
    settings = Settings.resolve(max_examples=3, seed=9, base_url="http://cli:2", environ=env)
    assert (settings.max_examples, settings.seed, settings.base_url) == (3, 9, "http://cli:2")


def test_environment_fills_what_options_leave_out() -> None:
    """DLRKIT_* variables supply every setting the command line omits."""
    env = {
        "DLRKIT_BASE_URL": "http://127.0.0.1:8000/v1/",
        "DLRKIT_TOKEN": "tok",
        "DLRKIT_MAX_EXAMPLES": "11",
        "DLRKIT_SEED": "4",
        "DLRKIT_CONTRACT_PROFILE": "ci",
    }
    settings = Settings.resolve(environ=env)
    assert settings.base_url == "http://127.0.0.1:8000/v1"
    assert (settings.token, settings.max_examples, settings.seed) == ("tok", 11, 4)
    assert settings.stateful_examples == PROFILES["ci"].stateful_examples


def test_profile_sets_the_default_size() -> None:
    """Without --max-examples the profile decides how many examples run."""
    assert Settings.resolve(profile="ci", environ={}).max_examples == PROFILES["ci"].max_examples


@pytest.mark.parametrize(
    ("kwargs", "env", "named"),
    [
        ({"profile": "huge"}, {}, "'huge'"),
        ({}, {"DLRKIT_MAX_EXAMPLES": "many"}, "DLRKIT_MAX_EXAMPLES"),
        ({"max_examples": 0}, {}, "max-examples"),
        ({"seed": -1}, {}, "seed"),
        ({"base_url": "ftp://x"}, {}, "'ftp://x'"),
    ],
)
def test_bad_values_are_named(kwargs: dict[str, Any], env: dict[str, str], named: str) -> None:
    """A bad setting raises SettingsError naming the setting or the value."""
    with pytest.raises(SettingsError, match=named):
        Settings.resolve(environ=env, **kwargs)


@given(strategies.secrets_)
def test_secrets_stay_out_of_repr(secret: str) -> None:
    """Tokens and app secrets never appear in the settings' repr."""
    settings = Settings.resolve(token=secret, app_secret=secret, app_id=secret, environ={})
    assert secret not in repr(settings)


def test_seed_is_drawn_when_not_given() -> None:
    """A run without a seed gets a fresh non-negative one (printed for replay)."""
    assert Settings.resolve(environ={}).seed >= 0


def test_all_takes_both_kinds_of_credentials() -> None:
    """Embedded, a token and app credentials may come together; each goes where it fits."""
    token, secret = ("token-for-three", "secret-for-routee")
    settings = Settings.resolve(token=token, app_id="app", app_secret=secret, environ={})
    assert make_target("routee", settings).credentials.app_secret == secret
    assert make_target("sentdm", settings).credentials.token == token
