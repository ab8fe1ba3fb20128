from __future__ import annotations

import importlib
from collections.abc import Iterator
from typing import Any

import pytest
import stamina

GENERATED = ("mailersend", "sentdm", "infobip", "routee")


@pytest.fixture(autouse=True)
def _no_backoff() -> Iterator[None]:
    """Retry without sleeping, keeping each client's own attempt count."""
    with stamina.set_testing(True, attempts=1_000, cap=True):
        yield


@pytest.fixture
def client_cls() -> type[Any]:
    """Return a generated ``AuthenticatedClient`` class (the same in every generated package)."""
    for provider in GENERATED:
        try:
            module = importlib.import_module(f"dlrkit_{provider}_api.client")
        except ModuleNotFoundError:
            continue
        cls: type[Any] = module.AuthenticatedClient
        return cls
    pytest.skip("no generated client package is importable; run scripts/generate.py")
