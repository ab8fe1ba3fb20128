import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import dlrkit_servers
import pytest
from dlrkit_servers import _registry
from dlrkit_servers._core import ReferenceServer
from hypothesis import given, settings
from hypothesis import strategies as st
from waiting import pages

from servers.asgi_client import AppClient

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


# --- data-set size ------------------------------------------------------------------------

NOW = datetime(2025, 7, 29, 12, 0, tzinfo=UTC)
APP: dict[str, Any] = {"app_id": "size-app", "app_secret": SECRET}
#: What size=None builds: the documented defaults.
DEFAULT_SIZES = {"mailersend": 320, "sentdm": 260, "infobip": 500, "routee": 2000}


def _build(provider: str, size: int | None) -> ReferenceServer:
    credentials: dict[str, Any] = APP if provider == "routee" else {"token": SECRET}
    return dlrkit_servers.create_app(provider, **credentials, seed=2, now=NOW, size=size)


def _list_rows(provider: str, server: ReferenceServer) -> int:
    """Count the rows of the provider's main list operation, over HTTP."""
    with AppClient(server.app, base_url="http://size.test" + server.base_path) as client:
        if provider == "mailersend":
            count, headers = 0, {"Authorization": f"Bearer {SECRET}"}
            for page in pages(1):
                params = {"limit": 100, "page": page}
                body = client.get("/sms-activity", params=params, headers=headers).json()
                count += len(body["data"])
                if body["links"]["next"] is None:
                    return count
        if provider == "sentdm":
            body = client.get(
                "/v3/contacts", params={"page_size": 1}, headers={"x-api-key": SECRET}
            )
            total: int = body.json()["data"]["pagination"]["total_count"]
            return total
        if provider == "infobip":
            count, headers = 0, {"Authorization": f"App {SECRET}"}
            while batch := client.get("/sms/1/reports?limit=1000", headers=headers).json()[
                "results"
            ]:
                count += len(batch)
            return count
        form = {"grant_type": "client_credentials"}
        token = client.request(
            "POST", "/oauth/token", data=form, auth=(APP["app_id"], APP["app_secret"])
        ).json()["access_token"]
        week = {"dateStart": "2025-07-22T12:00Z", "dateEnd": "2025-07-30T00:00Z", "size": 1}
        page = client.request(
            "POST", "/sms/tracking", params=week, headers={"Authorization": f"Bearer {token}"}
        ).json()
        elements: int = page["totalElements"]
        return elements


@pytest.mark.parametrize("provider", dlrkit_servers.PROVIDERS)
def test_size_scales_the_list_rows(provider: str) -> None:
    """Four times the size gives about four times the rows of the provider's list operation."""
    small, big = (
        _list_rows(provider, _build(provider, 50)),
        _list_rows(provider, _build(provider, 200)),
    )
    if provider in ("sentdm", "infobip"):
        assert (small, big) == (50, 200)  # one contact, one report per unit
    else:
        assert 3.5 * small < big < 4.5 * small


@pytest.mark.parametrize("provider", dlrkit_servers.PROVIDERS)
def test_no_size_is_the_documented_default(provider: str) -> None:
    """size=None builds the same data set as the provider's documented default size."""
    default, explicit = _build(provider, None), _build(provider, DEFAULT_SIZES[provider])
    assert default.sample_ids == explicit.sample_ids
    assert _list_rows(provider, default) == _list_rows(provider, explicit)


@settings(max_examples=200)
@given(size=st.integers(min_value=-(10**6), max_value=10**6))
def test_check_size_accepts_exactly_1_to_max(size: int) -> None:
    """check_size returns sizes from 1 to MAX_SIZE and refuses any other int, naming it."""
    if 1 <= size <= _registry.MAX_SIZE:
        assert _registry.check_size(size) == size
    else:
        with pytest.raises(ValueError, match=rf"size must be from 1 to 20000, got {size}$"):
            _registry.check_size(size)


@pytest.mark.parametrize("size", [True, 1.5, "10", None])
def test_size_of_another_type_is_a_type_error(size: object) -> None:
    """A size that is not an int (bools included) is a TypeError naming it."""
    with pytest.raises(TypeError, match="size must be an int, got"):
        _registry.check_size(size)


def test_bad_size_is_refused_before_building(example: str) -> None:
    """create_app refuses an out-of-range size, and any size for a fixed-size provider."""
    with pytest.raises(ValueError, match="size must be from 1 to 20000, got 0"):
        dlrkit_servers.create_app("routee", **APP, size=0)
    with pytest.raises(ValueError, match=f"{example} has a fixed data set; it takes no size="):
        dlrkit_servers.create_app(example, token=SECRET, size=10)


def test_size_goes_to_the_registered_keyword() -> None:
    """create_app passes size to the factory keyword that the provider was registered with."""
    _registry.register("sized", "servers.example_provider", "token", ("items",))
    try:
        server = dlrkit_servers.create_app("sized", token=SECRET, size=7)
    finally:
        del _registry._ENTRIES["sized"]
    with AppClient(server.app, base_url="http://size.test/api") as client:
        response = client.get("/items?limit=50", headers={"Authorization": f"Bearer {SECRET}"})
    assert len(response.json()["data"]) == 7


CREDENTIALS: dict[str, dict[str, Any]] = {
    "mailersend": {"token": "t"},
    "sentdm": {"token": "t"},
    "infobip": {"token": "t"},
    "routee": {"app_id": "a", "app_secret": "s"},
}


@pytest.mark.parametrize("provider", sorted(CREDENTIALS))
def test_a_seed_gives_the_same_ids_whenever_the_server_starts(provider: str) -> None:
    """`dlrkit serve --seed S` prints the same sample ids on every start, not only with --now."""
    now = datetime.now(UTC)
    first = dlrkit_servers.create_app(provider, **CREDENTIALS[provider], seed=7, size=40, now=now)
    later = now.replace(microsecond=123_457) + timedelta(days=3, hours=5, seconds=7)
    again = dlrkit_servers.create_app(provider, **CREDENTIALS[provider], seed=7, size=40, now=later)
    assert first.sample_ids == again.sample_ids
    assert any(first.sample_ids.values())
