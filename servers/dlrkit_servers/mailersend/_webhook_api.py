"""The ``/sms-webhooks`` routes: list, create, get, update and delete, with Laravel's 422s.

Field rules follow the spec (itself from the SDKs' validation): ``url`` an http(s) URL,
``name`` 1 to 191 characters, ``events`` from :data:`EVENTS` (at least one on create; update
stores ``[]`` as recorded), ``enabled`` a JSON boolean, ``sms_number_id`` an existing number.
A body that is not a JSON object reads as empty, as Laravel reads it; unknown fields are ignored.
An unknown id is 404 before the body is looked at (Laravel binds the route model first).
"""

from __future__ import annotations

import re
from typing import Any, Protocol, TypeVar

from dlrkit_servers._core import Abort, Call, Checks, Clock, InputError, Response, show
from dlrkit_servers.mailersend._laravel import laravel, paging
from dlrkit_servers.mailersend._pages import length_aware_page
from dlrkit_servers.mailersend._webhooks import EVENTS, SmsWebhook, SmsWebhookStore

__all__ = ["Replies", "WebhookApi"]

T = TypeVar("T")

# The spec's SmsWebhookUrl pattern: printable ASCII, so every regex engine reads it alike.
_URL = re.compile(
    r"https?://[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*"
    r"(:[0-9]{1,5})?([/?#][!-~]*)?"
)
_NAME_MAX = 191
# Recorded (2025) for an sms_number_id the account does not have, although one was sent.
_UNKNOWN_NUMBER = "The sms number id field is required. #MS42209"


class Replies(Protocol):
    """What the routes need from the server's error shapes."""

    def send(self, data: object, status: int = 200) -> Response: ...
    def not_found(self, call: Call) -> Response: ...
    def quota_headers(self) -> dict[str, str]: ...


def _body(call: Call) -> dict[str, Any]:
    try:
        return call.json_object()
    except InputError:
        return {}


def _shown(value: object) -> str:
    """Show a value as evidence: strings quoted and cut, other JSON values by kind only.

    Kinds, not reprs: a deeply nested array would overflow the stack in ``repr``.
    """
    if isinstance(value, str):
        return show(value)
    kinds = {dict: "an object", list: "an array", bool: "a boolean", type(None): "null"}
    return kinds.get(type(value), "a number")


def _checked(value: T | None) -> T:
    """Return a field value that passed ``Checks.done()`` (a refused one is None)."""
    if value is None:
        raise AssertionError("a refused field got past Checks.done()")
    return value


def _absent(value: object) -> bool:
    # Laravel's `required` fails on null, "" and [] alike.
    return value is None or value == "" or value == []


class _Fields:
    """Validates the fields of one body into ``checks``; each getter returns None when bad."""

    def __init__(self, body: dict[str, Any], checks: Checks) -> None:
        self.body = body
        self.checks = checks

    def _required(self, field: str, label: str) -> bool:
        if _absent(self.body.get(field)):
            self.checks.add(field, f"The {label} field is required.")
            return False
        return True

    def url(self) -> str | None:
        if not self._required("url", "url"):
            return None
        value = self.body["url"]
        if not isinstance(value, str) or _URL.fullmatch(value) is None:
            self.checks.add("url", "The url must be a valid URL.", _shown(value))
            return None
        return value

    def name(self) -> str | None:
        if not self._required("name", "name"):
            return None
        value = self.body["name"]
        if not isinstance(value, str):
            self.checks.add("name", "The name must be a string.", _shown(value))
            return None
        if len(value) > _NAME_MAX:
            message = f"The name must not be greater than {_NAME_MAX} characters."
            self.checks.add("name", message, show(value))
            return None
        return value

    def events(self, *, allow_empty: bool) -> list[str] | None:
        value = self.body.get("events")
        if not (allow_empty and value == []) and not self._required("events", "events"):
            return None
        if not isinstance(value, list):
            self.checks.add("events", "The events must be an array.", _shown(value))
            return None
        good = True
        for index, event in enumerate(value):
            if event not in EVENTS:
                field = f"events.{index}"
                self.checks.add(field, f"The selected {field} is invalid.", _shown(event))
                good = False
        return [str(event) for event in value] if good else None

    def enabled(self) -> bool | None:
        value = self.body.get("enabled")
        if not isinstance(value, bool):
            self.checks.add("enabled", "The enabled field must be true or false.", _shown(value))
            return None
        return value


class WebhookApi:
    """Handlers over one :class:`SmsWebhookStore`; each runs without awaiting (atomic)."""

    def __init__(self, store: SmsWebhookStore, replies: Replies, clock: Clock) -> None:
        self._store = store
        self._replies = replies
        self._clock = clock

    def _webhook(self, call: Call) -> SmsWebhook:
        webhook = self._store.get(call.path_params["sms_webhook_id"])
        if webhook is None:
            raise Abort(self._replies.not_found(call))
        return webhook

    def list(self, call: Call) -> Response:
        query, checks = call.query, Checks(laravel)
        number_id = checks.get(lambda: query.require_str("sms_number_id"), None)
        if number_id == "":
            checks.add("sms_number_id", "The sms number id field is required.")
        elif number_id is not None and number_id not in self._store.numbers:
            checks.add("sms_number_id", _UNKNOWN_NUMBER, show(number_id))
        page, limit = paging(checks, query)
        checks.done()
        assert number_id is not None  # noqa: S101 -- checked above; narrows the type
        rows = self._store.for_number(number_id)
        path = f"{call.base_url}/sms-webhooks"
        chunk, envelope = length_aware_page(rows, page=page, limit=limit, path=path)
        return self._replies.send({"data": [hook.json() for hook in chunk], **envelope})

    def create(self, call: Call) -> Response:
        checks = Checks(laravel)
        body = _body(call)
        number_id = body.get("sms_number_id")
        if _absent(number_id):
            checks.add("sms_number_id", "The sms number id field is required.")
        elif not isinstance(number_id, str) or number_id not in self._store.numbers:
            checks.add("sms_number_id", _UNKNOWN_NUMBER, _shown(number_id))
        fields = _Fields(body, checks)
        name, url, events = fields.name(), fields.url(), fields.events(allow_empty=False)
        enabled = fields.enabled() if "enabled" in body else True
        checks.done()
        webhook = self._store.create(
            self._store.numbers[str(number_id)],
            url=_checked(url),
            name=_checked(name),
            events=_checked(events),
            enabled=_checked(enabled),
            at=self._clock.now(),
        )
        return self._replies.send({"data": webhook.json()}, 201)

    def get(self, call: Call) -> Response:
        return self._replies.send({"data": self._webhook(call).json()})

    def update(self, call: Call) -> Response:
        webhook = self._webhook(call)
        body = _body(call)
        checks = Checks(laravel)
        fields = _Fields(body, checks)
        url = fields.url() if "url" in body else webhook.url
        name = fields.name() if "name" in body else webhook.name
        events = fields.events(allow_empty=True) if "events" in body else webhook.events
        enabled = fields.enabled() if "enabled" in body else webhook.enabled
        checks.done()
        # All valid: apply every change at once, so a refused body changes nothing (and the
        # callback sender, reading under the lock from its thread, never sees half of it).
        with self._store.lock:
            webhook.url, webhook.name = _checked(url), _checked(name)
            webhook.events, webhook.enabled = _checked(events), _checked(enabled)
            webhook.updated_at = self._clock.now().replace(microsecond=0)
        return self._replies.send({"data": webhook.json()})

    def delete(self, call: Call) -> Response:
        self._store.delete(self._webhook(call).id)
        return Response(b"", 204, self._replies.quota_headers())
