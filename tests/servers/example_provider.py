"""A tiny provider for the core's tests: items behind a bearer token, under ``/api``.

It follows the contract of ``servers/README.md`` exactly, so it doubles as a worked example.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from dlrkit_servers._core import (
    AuthFailure,
    Call,
    Clock,
    ErrorShapes,
    InputError,
    ReferenceServer,
    Response,
    hex_id,
    instant_between,
    json_response,
    rng_for,
    scheme_auth,
)

STATUSES = ("active", "archived")
ITEM_COUNT = 30


class ExampleErrors(ErrorShapes):
    """The example provider's error shape: ``{"error": {"code", "message"}}``."""

    @staticmethod
    def _body(status: int, code: str, message: str) -> Response:
        return json_response({"error": {"code": code, "message": message}}, status=status)

    def not_found(self, call: Call) -> Response:
        """Unknown path or id."""
        return self._body(404, "NOT_FOUND", "No such resource.")

    def method_not_allowed(self, call: Call, allowed: tuple[str, ...]) -> Response:
        """Undeclared method; the core adds ``Allow``."""
        return self._body(405, "METHOD", f"{call.method} is not allowed.")

    def unauthorized(self, call: Call, failure: AuthFailure) -> Response:
        """Missing or wrong token."""
        return self._body(401, f"AUTH_{failure.upper()}", "Bad or missing token.")

    def invalid_input(self, call: Call, error: InputError) -> Response:
        """Bad query or body, coded by the first issue's reason."""
        return self._body(400, error.issues[0].reason.upper(), str(error))


class _Items:
    """The data set and the handlers that read and change it."""

    def __init__(self, seed: int, now: datetime, errors: ErrorShapes, count: int) -> None:
        ids = rng_for(seed, "ids")
        times = rng_for(seed, "times")
        self.errors = errors
        self.items: dict[str, dict[str, str]] = {}
        for number in range(count):
            item_id = hex_id(ids, 12)
            created = instant_between(times, now - timedelta(days=7), now)
            self.items[item_id] = {
                "id": item_id,
                "name": f"item {number}",
                "status": STATUSES[number % 2],
                "created_at": created.isoformat(),
            }

    def list_items(self, call: Call) -> Response:
        limit = call.query.get_int("limit", default=10, minimum=1, maximum=50)
        page = call.query.get_int("page", default=1, minimum=1)
        wanted = set(call.query.get_choices("status[]", STATUSES))
        rows = [item for item in self.items.values() if not wanted or item["status"] in wanted]
        start = (page - 1) * limit
        return json_response({"data": rows[start : start + limit], "page": page})

    def get_item(self, call: Call) -> Response:
        item = self.items.get(call.path_params["item_id"])
        if item is None:
            return self.errors.not_found(call)
        return json_response({"data": item})

    def update_item(self, call: Call) -> Response:
        item = self.items.get(call.path_params["item_id"])
        if item is None:
            return self.errors.not_found(call)
        body = call.json_object()
        status = body.get("status")
        if status not in STATUSES:
            raise InputError.of("status", "not_choice", f"status must be one of {STATUSES}")
        item["status"] = status
        return json_response({"data": item})


def create_server(
    *, token: str, seed: int = 0, now: datetime | None = None, items: int = ITEM_COUNT
) -> ReferenceServer:
    """Build the example server with ``items`` items; clients send ``Bearer <token>``."""
    errors = ExampleErrors()
    store = _Items(seed, Clock(now).now(), errors, items)
    return ReferenceServer(
        name="example",
        base_path="/api",
        routes={
            "/items": {"GET": store.list_items},
            "/items/{item_id}": {"GET": store.get_item, "PUT": store.update_item},
        },
        auth=scheme_auth("Bearer", token),
        errors=errors,
        sample_ids={"get_item": list(store.items)[:3]},
    )
