"""dlrkit's loggers and the ``DLRKIT_LOG`` switch.

Everything dlrkit logs goes through stdlib `logging` under ``dlrkit``: ``dlrkit.http``
(each attempt: method, URL path, status, time; DEBUG), ``dlrkit.retry`` (each scheduled
retry: method, path, attempt, wait; INFO) and ``dlrkit.auth`` (token fetches; DEBUG).
Records never hold a header, a query string, a body, a token or a key. The ``dlrkit``
logger has a `logging.NullHandler`, so an app that configured no logging prints nothing.

``DLRKIT_LOG=debug`` (or ``info``, ``warning``, ``error``) in the environment turns on a
stderr handler for ``dlrkit`` at that level, the way ``OPENAI_LOG`` works for openai-python;
apps that configure logging themselves need not set it.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping

from dlrkit._errors import InvalidFieldError

LOGGER = logging.getLogger("dlrkit")
LOGGER.addHandler(logging.NullHandler())
ENV_VAR = "DLRKIT_LOG"
_LEVELS = {
    "debug": logging.DEBUG,
    "info": logging.INFO,
    "warning": logging.WARNING,
    "error": logging.ERROR,
}
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class _EnvHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """The handler ``DLRKIT_LOG`` adds; a class of its own so it is added only once."""


def configure_from_env(environ: Mapping[str, str] = os.environ) -> None:
    """Apply ``DLRKIT_LOG`` from ``environ``; raise `InvalidFieldError` for an unknown level."""
    value = environ.get(ENV_VAR, "").strip()
    if not value:
        return
    level = _LEVELS.get(value.lower())
    if level is None:
        raise InvalidFieldError(ENV_VAR, value, f"must be one of {', '.join(_LEVELS)}")
    LOGGER.setLevel(level)
    if not any(isinstance(handler, _EnvHandler) for handler in LOGGER.handlers):
        handler = _EnvHandler(sys.stderr)
        handler.setFormatter(logging.Formatter(_FORMAT))
        LOGGER.addHandler(handler)
