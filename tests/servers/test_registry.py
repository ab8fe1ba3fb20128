import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import dlrkit_servers
import pytest
from dlrkit_servers import _registry
from dlrkit_servers._core import ReferenceServer

SECRET = "very-secret-value"  # noqa: S105 -- a test credential


@pytest.fixture
def example() -> Iterator[str]:
    """Register the example provider under a name of its own."""
    _registry.register("example-registry", "servers.example_provider", "token")
    yield "example-registry"
    del _registry._ENTRIES["example-registry"]


def test_public_surface() -> None:
    """The package exports exactly its curated names."""
    assert set(dlrkit_servers.__all__) == {
        "PROVIDERS",
        "CredentialKind",
        "ReferenceServer",
        "create_app",
        "credential_kind",
    }
    assert dlrkit_servers.PROVIDERS == ("mailersend", "sentdm", "infobip", "routee")


def test_credential_kinds() -> None:
    """Routee takes app credentials; the others a token."""
    assert [dlrkit_servers.credential_kind(p) for p in dlrkit_servers.PROVIDERS] == [
        "token",
        "token",
        "token",
        "app",
    ]


def test_unknown_provider_is_named() -> None:
    """An unknown provider is a ValueError naming it and the known ones."""
    with pytest.raises(ValueError, match=r"unknown provider 'twilio'; choose one of mailersend"):
        dlrkit_servers.create_app("twilio", token=SECRET)


def test_create_app_builds_a_registered_provider(example: str) -> None:
    """create_app imports the provider module lazily and returns its server."""
    server = dlrkit_servers.create_app(example, token=SECRET, seed=5)
    assert isinstance(server, ReferenceServer)
    assert server.sample_ids["get_item"]


def test_same_seed_same_data(example: str) -> None:
    """The data set is a function of (seed, now)."""
    now = datetime(2025, 1, 31, tzinfo=UTC)
    first = dlrkit_servers.create_app(example, token=SECRET, seed=5, now=now)
    again = dlrkit_servers.create_app(example, token=SECRET, seed=5, now=now)
    other = dlrkit_servers.create_app(example, token=SECRET, seed=6, now=now)
    assert first.sample_ids == again.sample_ids
    assert first.sample_ids != other.sample_ids


@pytest.mark.parametrize(
    ("provider", "kwargs", "match"),
    [
        ("mailersend", {}, "mailersend needs token="),
        ("mailersend", {"token": SECRET, "app_id": "a"}, "takes token="),
        ("routee", {"token": SECRET}, "takes app_id= and app_secret="),
        ("routee", {"app_id": "a"}, "routee needs app_secret="),
        ("infobip", {"token": f" {SECRET}"}, "token must be"),
        ("routee", {"app_id": "a", "app_secret": f"{SECRET}\n"}, "app_secret must be"),
    ],
)
def test_bad_credentials_are_named_never_shown(
    provider: str, kwargs: dict[str, Any], match: str
) -> None:
    """Credential mistakes name the argument and never contain the secret."""
    with pytest.raises(ValueError, match=match) as info:
        dlrkit_servers.create_app(provider, **kwargs)
    assert SECRET not in str(info.value)


def test_bad_seed_and_now_are_refused(example: str) -> None:
    """A non-int seed or a naive now is refused before any data is built."""
    with pytest.raises(TypeError, match="seed must be an int, got '1'"):
        dlrkit_servers.create_app(example, token=SECRET, seed="1")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="now must be timezone-aware"):
        dlrkit_servers.create_app(example, token=SECRET, now=datetime(2025, 1, 1))


def test_module_without_factory_is_reported() -> None:
    """A provider module that lacks create_server is a clear TypeError."""
    _registry.register("no-factory", "servers.asgi_client", "token")
    try:
        with pytest.raises(TypeError, match="must define create_server"):
            dlrkit_servers.create_app("no-factory", token=SECRET)
    finally:
        del _registry._ENTRIES["no-factory"]


def test_lifespan_is_answered(example: str) -> None:
    """The app completes the ASGI lifespan handshake (uvicorn runs it with lifespan=on)."""
    app = dlrkit_servers.create_app(example, token=SECRET).app
    incoming: Iterator[dict[str, object]] = iter(
        [{"type": "lifespan.startup"}, {"type": "lifespan.shutdown"}]
    )
    sent: list[dict[str, object]] = []

    async def receive() -> dict[str, object]:
        return next(incoming)

    async def send(message: dict[str, object]) -> None:
        sent.append(message)

    asyncio.run(app({"type": "lifespan"}, receive, send))  # type: ignore[arg-type]
    assert sent == [{"type": "lifespan.startup.complete"}, {"type": "lifespan.shutdown.complete"}]
