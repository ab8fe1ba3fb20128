"""MailerSend's routes, Laravel-style validation and error bodies."""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from datetime import datetime, time, timedelta
from typing import Any

from dlrkit_servers._core import (
    INT64_MAX,
    Abort,
    AuthFailure,
    Call,
    Checks,
    Clock,
    ErrorShapes,
    InputError,
    Query,
    ReferenceServer,
    Response,
    json_response,
    scheme_auth,
    show,
)
from dlrkit_servers.mailersend._data import (
    ACTIVITY_STATUSES,
    DEFAULT_MESSAGES,
    RECIPIENT_STATUSES,
    Activity,
    DataSet,
    Recipient,
    build_data,
)
from dlrkit_servers.mailersend._laravel import attribute, laravel, paging
from dlrkit_servers.mailersend._pages import length_aware_page, simple_page
from dlrkit_servers.mailersend._push import MailerSendPush, WebhookDestinations
from dlrkit_servers.mailersend._webhook_api import WebhookApi
from dlrkit_servers.mailersend._webhooks import SmsWebhookStore

__all__ = ["create_server", "webhook_store"]

_NOT_FOUND = {"message": "Resource not found."}
_WEBHOOK = "/sms-webhooks/{sms_webhook_id}"
# Operations that take no input but the path id, so the spec documents no 422 for them.
_NO_422 = {("/sms-recipients/{sms_recipient_id}", "GET"), (_WEBHOOK, "GET"), (_WEBHOOK, "DELETE")}


def _age(row: Activity) -> int:
    """Return a key that ascends along the newest-first activity list (to bisect it by date)."""
    return -row.micros


class _Errors(ErrorShapes):
    """MailerSend's error bodies; quota headers on everything but 404 and 405."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock

    def quota_headers(self) -> dict[str, str]:
        tomorrow = self._clock.now().date() + timedelta(days=1)
        reset = datetime.combine(tomorrow, time())
        return {"x-apiquota-remaining": "-1", "x-apiquota-reset": f"{reset:%Y-%m-%dT%H:%M:%S}Z"}

    def send(self, data: object, status: int = 200) -> Response:
        # PHP's json_encode defaults: \/ for slashes, \uXXXX for non-ASCII (same decoded text).
        text = json.dumps(data, separators=(",", ":"), allow_nan=False).replace("/", "\\/")
        body = text.encode("ascii")
        return Response(body, status, self.quota_headers(), media_type="application/json")

    def not_found(self, call: Call) -> Response:
        return json_response(_NOT_FOUND, status=404, indent=4)

    def method_not_allowed(self, call: Call, allowed: tuple[str, ...]) -> Response:
        route = call.path.lstrip("/")
        message = (
            f"The {call.method} method is not supported for route {route}. "
            f"Supported methods: {', '.join(allowed)}."
        )
        return json_response({"message": message}, status=405)

    def unauthorized(self, call: Call, failure: AuthFailure) -> Response:
        return self.send({"message": "Unauthenticated."}, 401)

    def invalid_input(self, call: Call, error: InputError) -> Response:
        if (call.route, call.method) in _NO_422:
            # The only failure here is an oversized body, and this operation declares no 422.
            return self.not_found(call)
        errors: dict[str, list[str]] = {}
        for issue in error.issues:
            errors.setdefault(issue.field, []).append(issue.message)
        message = error.issues[0].message
        # Laravel counts messages, not fields (one message per field here).
        more = len(error.issues) - 1
        if more:
            message += f" (and {more} more error{'s' if more > 1 else ''})"
        return self.send({"message": message, "errors": errors}, 422)

    def internal_error(self, call: Call) -> Response:
        return json_response({"message": "Server Error"}, status=500)


class _Api:
    """Handlers over one data set; each runs without awaiting, so state changes are atomic."""

    def __init__(self, data: DataSet, errors: _Errors) -> None:
        self._data = data
        self._errors = errors

    def _number(self, checks: Checks, query: Query) -> str | None:
        number_id = checks.get(lambda: query.get_str("sms_number_id"), None)
        if number_id is not None and number_id not in self._data.numbers:
            checks.add("sms_number_id", "The selected sms number id is invalid.", number_id)
            return None
        return number_id

    def list_activity(self, call: Call) -> Response:
        query, checks = call.query, Checks(laravel)
        number_id = self._number(checks, query)
        date_from = checks.get(
            lambda: query.get_int("date_from", minimum=0, maximum=INT64_MAX), None
        )
        date_to = checks.get(lambda: query.get_int("date_to", minimum=0, maximum=INT64_MAX), None)
        if date_from is not None and date_to is not None and date_from >= date_to:
            checks.add("date_from", f"The date from must be less than {date_to}.")
            checks.add("date_to", f"The date to must be greater than {date_from}.")
        statuses = query.get_all("status[]")
        for index, status in enumerate(statuses):
            if status not in ACTIVITY_STATUSES:
                checks.add(f"status.{index}", f"The selected status.{index} is invalid.", status)
        page, limit = paging(checks, query)
        checks.done()
        # Rows are newest first: bisect the date range, then filter only what is in it.
        rows: Sequence[Activity] = self._data.activity
        start = 0 if date_to is None else bisect_left(rows, -date_to * 1_000_000, key=_age)
        end = (
            len(rows) if date_from is None else bisect_right(rows, -date_from * 1_000_000, key=_age)
        )
        rows = rows[start:end]
        if number_id is not None:
            rows = [row for row in rows if row.sms_number_id == number_id]
        if statuses:
            wanted = set(statuses)
            rows = [row for row in rows if row.status in wanted]
        path = f"{call.base_url}/sms-activity"
        chunk, envelope = simple_page(rows, page=page, limit=limit, per_page=limit, path=path)
        return self._errors.send({"data": [row.json for row in chunk], **envelope})

    def list_messages(self, call: Call) -> Response:
        checks = Checks(laravel)
        page, limit = paging(checks, call.query)
        checks.done()
        path = f"{call.base_url}/sms-messages"
        chunk, envelope = length_aware_page(self._data.messages, page=page, limit=limit, path=path)
        return self._errors.send({"data": [message.summary for message in chunk], **envelope})

    def get_message(self, call: Call) -> Response:
        message = self._data.messages_by_id.get(call.path_params["sms_message_id"])
        if message is None:
            raise Abort(self._errors.not_found(call))
        # The docs' example omits `content` here, but the MailerSend SDK's models require it;
        # the spec accepts both and the server sends it.
        activity = [dict(row.json) for row in message.activity]
        data = {
            **message.summary,
            "sms": [sms.json for sms in message.sms],
            "sms_activity": activity,
        }
        return self._errors.send({"data": data})

    def list_recipients(self, call: Call) -> Response:
        query, checks = call.query, Checks(laravel)
        status = checks.get(lambda: query.get_choice("status", RECIPIENT_STATUSES), None)
        number_id = self._number(checks, query)
        page, limit = paging(checks, query)
        checks.done()
        rows = [
            recipient
            for recipient in self._data.recipients
            if (status is None or recipient.status == status)
            and (number_id is None or recipient.sms_number_id == number_id)
        ]
        # The real server echoes an explicit limit as a string ("10") and the default as 25.
        per_page: int | str = str(limit) if "limit" in query else limit
        path = f"{call.base_url}/sms-recipients"
        chunk, envelope = simple_page(rows, page=page, limit=limit, per_page=per_page, path=path)
        return self._errors.send({"data": [row.summary() for row in chunk], **envelope})

    def _recipient(self, call: Call) -> Recipient:
        recipient = self._data.recipients_by_id.get(call.path_params["sms_recipient_id"])
        if recipient is None:
            raise Abort(self._errors.not_found(call))
        return recipient

    def get_recipient(self, call: Call) -> Response:
        recipient = self._recipient(call)
        data = {**recipient.summary(), "sms": [sms.json for sms in recipient.sms]}
        return self._errors.send({"data": data})

    def update_recipient(self, call: Call) -> Response:
        recipient = self._recipient(call)
        status = _new_status(call)
        recipient.status = status
        return self._errors.send({"data": recipient.summary()})


def _new_status(call: Call) -> str:
    """Return the ``status`` of a PUT body; Laravel reads a non-object body as empty."""
    checks = Checks(laravel)
    try:
        body: dict[str, Any] = call.json_object()
    except InputError:
        body = {}
    status = body.get("status")
    if status is None or status == "":
        checks.add("status", "The status field is required.")
    elif status not in RECIPIENT_STATUSES:
        checks.add("status", "The selected status is invalid.", show(str(status)))
    for key in body:
        if key != "status":
            checks.add(key, f"The {show(attribute(key))} field is prohibited.")
    checks.done()
    assert isinstance(status, str)  # noqa: S101 -- checked above; narrows the type
    return status


def create_server(
    *, token: str, seed: int = 0, now: datetime | None = None, messages: int = DEFAULT_MESSAGES
) -> ReferenceServer:
    """Build the MailerSend server: Bearer ``token``, ``messages`` messages from ``seed``.

    Data is placed before ``now``; each message has about 7 activity rows. The SMS webhooks
    live in ``server.state["sms_webhooks"]`` (see :func:`webhook_store`), with their secrets.
    The callbacks (``state["push"]``) and where they go (``state["push_destinations"]``):
    :mod:`dlrkit_servers.mailersend._push`.
    """
    if type(messages) is not int or messages < 1:
        raise ValueError(f"messages must be an int >= 1, got {messages!r}")
    clock = Clock(now)
    data = build_data(seed, clock.now(), messages)
    errors = _Errors(clock)
    api = _Api(data, errors)
    webhooks = SmsWebhookStore(seed, data.numbers, clock.now())
    hooks = WebhookApi(webhooks, errors, clock)
    samples = _sample_messages(data)
    recipients = _sample_recipients(data)
    return ReferenceServer(
        name="mailersend",
        base_path="/v1",
        routes={
            "/sms-activity": {"GET": api.list_activity},
            "/sms-messages": {"GET": api.list_messages},
            "/sms-messages/{sms_message_id}": {"GET": api.get_message},
            "/sms-recipients": {"GET": api.list_recipients},
            "/sms-recipients/{sms_recipient_id}": {
                "GET": api.get_recipient,
                "PUT": api.update_recipient,
            },
            "/sms-webhooks": {"GET": hooks.list, "POST": hooks.create},
            _WEBHOOK: {"GET": hooks.get, "PUT": hooks.update, "DELETE": hooks.delete},
        },
        auth=scheme_auth("Bearer", token),
        errors=errors,
        sample_ids={
            "get_sms_message": samples,
            "get_sms_recipient": recipients,
            "get_sms_webhook": [hook.id for hook in webhooks][:3],
        },
        state={
            "sms_webhooks": webhooks,
            "push": MailerSendPush(data),
            "push_destinations": WebhookDestinations(webhooks, clock),
        },
    )


def _sample_messages(data: DataSet) -> list[str]:
    """Pick a multi-recipient message with a failure, a multi-segment one, the newest."""
    failed = [m.id for m in data.messages if len(m.sms) > 1 and "failed" in m.statuses]
    long = [m.id for m in data.messages if m.segments > 1]
    return list(dict.fromkeys([*failed[:1], *long[:1], data.messages[0].id]))


def _sample_recipients(data: DataSet) -> list[str]:
    """Pick an active recipient with several SMS, an opted-out one, the newest."""
    busy = [r.id for r in data.recipients if r.status == "active" and len(r.sms) > 1]
    opted = [r.id for r in data.recipients if r.status == "opt_out"]
    return list(dict.fromkeys([*busy[:1], *opted[:1], data.recipients[0].id]))


def webhook_store(server: ReferenceServer) -> SmsWebhookStore:
    """Return the SMS webhooks of a MailerSend server (their signing secrets included).

    The API never returns a secret, as MailerSend's does not; tests and the callback sender
    read it here: ``webhook_store(server).signing_secret(webhook_id)``.
    """
    store = server.state.get("sms_webhooks")
    if not isinstance(store, SmsWebhookStore):
        raise TypeError(f"{server!r} is not a MailerSend reference server")
    return store
