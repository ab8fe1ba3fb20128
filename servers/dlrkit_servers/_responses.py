"""JSON responses with compact, strict serialization."""

from __future__ import annotations

import json
from collections.abc import Mapping

from starlette.responses import Response

__all__ = ["dumps", "json_response"]


def dumps(data: object, *, indent: int | None = None) -> bytes:
    """Serialize ``data`` as UTF-8 JSON: compact unless ``indent`` is given, NaN refused."""
    if indent is None:
        text = json.dumps(data, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    else:
        text = json.dumps(data, indent=indent, ensure_ascii=False, allow_nan=False)
    return text.encode()


def json_response(
    data: object,
    *,
    status: int = 200,
    headers: Mapping[str, str] | None = None,
    indent: int | None = None,
) -> Response:
    """Build an ``application/json`` response holding ``data``."""
    return Response(
        dumps(data, indent=indent),
        status_code=status,
        headers=headers,
        media_type="application/json",
    )
