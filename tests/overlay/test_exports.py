from __future__ import annotations

import types
from types import ModuleType

import dlrkit
import pytest

CORE = {
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncPager",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "DeliveryEvent",
    "DeliveryStatus",
    "DlrkitError",
    "InternalServerError",
    "InvalidFieldError",
    "NotFoundError",
    "PROVIDERS",
    "PaginationError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseValidationError",
    "SignatureError",
    "SyncPager",
    "TimestampError",
    "UnprocessableEntityError",
    "normalize",
    "parse_timestamp",
    "to_e164",
}


def test_exports_are_pinned() -> None:
    """dlrkit.__all__ is the core names, callbacks and the four providers, sorted, each once."""
    assert set(dlrkit.__all__) == CORE | {"callbacks", "infobip", "mailersend", "routee", "sentdm"}
    assert dlrkit.__all__ == sorted(dlrkit.__all__, key=lambda n: (not n.isupper(), n))
    assert len(dlrkit.__all__) == len(set(dlrkit.__all__))
    for name in dlrkit.__all__:
        assert getattr(dlrkit, name) is not None


@pytest.mark.parametrize("provider", dlrkit.PROVIDERS)
def test_provider_subpackages_load_lazily(provider: str) -> None:
    """dlrkit.<provider> imports the subpackage on first access."""
    module = getattr(dlrkit, provider)
    assert isinstance(module, types.ModuleType)
    assert module.__name__ == f"dlrkit.{provider}"


def test_unknown_attribute_is_an_attribute_error() -> None:
    """Other missing names raise AttributeError as usual."""
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        dlrkit.nope  # noqa: B018 -- the access is the test


def test_callbacks_module_is_pinned() -> None:
    """dlrkit.callbacks loads lazily and exports exactly its curated names."""
    module = dlrkit.callbacks
    assert isinstance(module, ModuleType)
    assert module.__name__ == "dlrkit.callbacks"
    assert module.__all__ == [
        "DEFAULT_MAX_BODY",
        "DEFAULT_SEEN_CAPACITY",
        "SCHEMES",
        "CallbackReceiver",
        "DedupeKey",
        "MemorySeen",
        "OnEvents",
        "Scheme",
        "SeenStore",
        "SignatureError",
        "dedupe_key",
        "parse_callback",
        "receiver",
    ]


def test_dir_shows_only_the_api() -> None:
    """dir(dlrkit) lists the public names and __version__, not _errors, importlib or annotations."""
    assert dir(dlrkit) == sorted([*dlrkit.__all__, "__version__"])


def test_version_comes_from_the_package_metadata() -> None:
    """dlrkit.__version__ is the installed distribution's version."""
    from importlib.metadata import version

    assert dlrkit.__version__ == version("dlrkit")
    assert dlrkit.__version__[0].isdigit()
