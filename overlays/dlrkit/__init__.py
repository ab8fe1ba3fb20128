"""dlrkit: typed clients and one delivery-status model for SMS delivery reports.

Providers live in subpackages (``dlrkit.mailersend``, ``dlrkit.sentdm``, ``dlrkit.infobip``,
``dlrkit.routee``), imported on first attribute access. The names below are the
provider-independent core: the error tree, the status model, pagination and `normalize`.
``dlrkit.callbacks`` verifies and parses delivery callbacks and serves them as ASGI.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from dlrkit._errors import (
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    DlrkitError,
    InternalServerError,
    InvalidFieldError,
    NotFoundError,
    PaginationError,
    PermissionDeniedError,
    RateLimitError,
    ResponseValidationError,
    SignatureError,
    TimestampError,
    UnprocessableEntityError,
)
from dlrkit._event import DeliveryEvent, to_e164
from dlrkit._logging import configure_from_env as _configure_logging
from dlrkit._normalize import PROVIDERS, normalize
from dlrkit._pagination import AsyncPager, SyncPager
from dlrkit._status import DeliveryStatus
from dlrkit._timestamps import parse_timestamp

__all__ = [
    "PROVIDERS",
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
    "PaginationError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseValidationError",
    "SignatureError",
    "SyncPager",
    "TimestampError",
    "UnprocessableEntityError",
    "callbacks",
    "infobip",
    "mailersend",
    "normalize",
    "parse_timestamp",
    "routee",
    "sentdm",
    "to_e164",
]


_configure_logging()  # DLRKIT_LOG=debug: see dlrkit._logging


def __dir__() -> list[str]:
    """Only the public API: what ``__all__`` lists, plus ``__version__``."""
    return sorted([*__all__, "__version__"])


def __getattr__(name: str) -> ModuleType | str:
    """Import a provider subpackage (``dlrkit.mailersend``...) or ``callbacks`` on first access.

    ``__version__`` is read from the installed package's metadata.
    """
    if name == "__version__":
        from importlib.metadata import version

        return version("dlrkit")
    if name in PROVIDERS or name == "callbacks":
        try:
            return importlib.import_module(f"dlrkit.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"dlrkit.{name}":
                raise
    msg = f"module 'dlrkit' has no attribute {name!r}"
    raise AttributeError(msg)
