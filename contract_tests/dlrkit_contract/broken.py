"""Deliberately broken variants of the reference servers, for the self-test.

Each variant wraps a correct embedded server in ASGI middleware (the servers themselves are
not edited) and breaks one promise of its spec. The self-test runs the suite against every
variant and requires each one to be caught, by one of the checks listed in ``expected``.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, ClassVar

from dlrkit_contract._middleware import App, Reply, Rewrite, Scope, json_body, query_of, with_query
from dlrkit_contract._settings import EMBEDDED_APP_ID, EMBEDDED_APP_SECRET, EMBEDDED_TOKEN

__all__ = ["VARIANTS", "Variant", "ignore_auth"]


@dataclass(frozen=True, slots=True)
class Variant:
    """One broken server: what it breaks, which checks should catch it, and its wrapper."""

    name: str
    provider: str
    breaks: str
    expected: frozenset[str]
    wrap: Callable[[App], App]
    #: Served on a real port and tested over HTTP (with the server's ids as --known-id).
    over_http: bool = False


def _on_json(
    edit: Callable[[Any, Reply], Any], *, when: Callable[[Reply], bool]
) -> Callable[[Reply], None]:
    def response(reply: Reply) -> None:
        body = json_body(reply)
        if body is not None and when(reply):
            reply.body = json.dumps(edit(body, reply)).encode()

    return response


def _ok(reply: Reply) -> bool:
    return 200 <= reply.status < 300


def _walk(node: Any, edit: Callable[[dict[str, Any]], None]) -> Any:
    if isinstance(node, dict):
        edit(node)
        for value in node.values():
            _walk(value, edit)
    elif isinstance(node, list):
        for item in node:
            _walk(item, edit)
    return node


# -- the list ------------------------------------------------------------------------


def _drop_request_id(body: Any, _: Reply) -> Any:
    if isinstance(body, dict) and isinstance(body.get("meta"), dict):
        body["meta"].pop("request_id", None)
    return body


def _sms_count_as_string(body: Any, _: Reply) -> Any:
    def edit(node: dict[str, Any]) -> None:
        if isinstance(node.get("smsCount"), int):
            node["smsCount"] = str(node["smsCount"])

    return _walk(body, edit)


def _unknown_status(body: Any, _: Reply) -> Any:
    def edit(node: dict[str, Any]) -> None:
        if node.get("status") == "delivered":
            node["status"] = "delivered_to_the_moon"

    return _walk(body, edit)


def _status_400_to_422(reply: Reply) -> None:
    if reply.status == 400:
        reply.status = 422


def _html(reply: Reply) -> None:
    if _ok(reply):
        reply.set_header("content-type", "text/html; charset=utf-8")


def _clamp_limit(scope: Scope) -> Scope:
    pairs = []
    for key, value in query_of(scope):
        if key == "limit" and value.lstrip("-").isdigit():
            value = str(min(max(int(value), 10), 100))
        pairs.append((key, value))
    return with_query(scope, pairs)


def _ignore_auth(scope: Scope) -> Scope:
    headers = [(k, v) for k, v in scope["headers"] if k.lower() != b"x-api-key"]
    return {**scope, "headers": [*headers, (b"x-api-key", EMBEDDED_TOKEN.encode())]}


class _AuthIgnored:
    """Serves every request as if it carried valid credentials, for any provider.

    Token providers get the embedded server's token put in place of whatever came. Routee's
    tracking resources get the last bearer token the server accepted (learnt from a 2xx), and
    its token endpoint the embedded application's Basic credentials.
    """

    _TOKEN_HEADERS: ClassVar[dict[str, tuple[bytes, bytes]]] = {
        "mailersend": (b"authorization", b"Bearer "),
        "sentdm": (b"x-api-key", b""),
        "infobip": (b"authorization", b"App "),
    }

    def __init__(self, provider: str, *, token_endpoint: bool) -> None:
        self.provider = provider
        self.token_endpoint = token_endpoint
        self.good: bytes | None = None
        self.sent: bytes | None = None

    def _replace(self, scope: Scope, name: bytes, value: bytes) -> Scope:
        headers = [(k, v) for k, v in scope["headers"] if k.lower() != name]
        return {**scope, "headers": [*headers, (name, value)]}

    def request(self, scope: Scope) -> Scope:
        if self.provider in self._TOKEN_HEADERS:
            name, prefix = self._TOKEN_HEADERS[self.provider]
            return self._replace(scope, name, prefix + EMBEDDED_TOKEN.encode())
        given = dict((k.lower(), v) for k, v in scope["headers"]).get(b"authorization")
        if scope["path"].endswith("/oauth/token"):
            if not self.token_endpoint:
                return scope
            basic = base64.b64encode(f"{EMBEDDED_APP_ID}:{EMBEDDED_APP_SECRET}".encode())
            return self._replace(scope, b"authorization", b"Basic " + basic)
        self.sent = given
        if self.good is not None and given != self.good:
            self.sent = None
            return self._replace(scope, b"authorization", self.good)
        return scope

    def response(self, reply: Reply) -> None:
        if self.sent is not None and _ok(reply):
            self.good = self.sent


def ignore_auth(provider: str, *, token_endpoint: bool = True) -> Callable[[App], App]:
    """Return a wrapper under which ``provider``'s server ignores missing or wrong credentials.

    ``token_endpoint=False`` leaves Routee's ``POST /oauth/token`` checking its credentials.
    """

    def wrap(app: App) -> App:
        state = _AuthIgnored(provider, token_endpoint=token_endpoint)
        return Rewrite(app, request=state.request, response=state.response)

    return wrap


def _message_status_undocumented(body: Any, reply: Reply) -> Any:
    # Only the message operations' bodies: the contact list, which fuzzing reaches, stays right.
    if not reply.path.startswith("/v3/messages/"):
        return body

    def edit(node: dict[str, Any]) -> None:
        if node.get("status") == "DELIVERED":
            node["status"] = "DELIVERED_TO_THE_MOON"

    return _walk(body, edit)


def _skip_a_page(body: Any, _: Reply) -> Any:
    links = body.get("links") if isinstance(body, dict) else None
    if isinstance(links, dict) and isinstance(links.get("next"), str):
        page = int(links["next"].rsplit("page=", 1)[1])
        links["next"] = links["next"].rsplit("page=", 1)[0] + f"page={page + 1}"
    return body


class _ReportsTwice:
    """Adds the first report of the previous non-empty batch to the next batch."""

    def __init__(self) -> None:
        self.previous: dict[str, Any] | None = None

    def __call__(self, body: Any, _: Reply) -> Any:
        results = body.get("results") if isinstance(body, dict) else None
        if not isinstance(results, list):
            return body
        replay, self.previous = self.previous, (results[0] if results else self.previous)
        if replay is not None:
            body["results"] = [replay, *results]
        return body


def _reports_twice(app: App) -> App:
    return Rewrite(app, response=_on_json(_ReportsTwice(), when=_ok))


class _LogsConsumed:
    """Logs that behave like reports: a row shown once is left out of every later log read."""

    def __init__(self) -> None:
        self.shown: set[str] = set()

    def __call__(self, body: Any, reply: Reply) -> Any:
        results = body.get("results") if isinstance(body, dict) else None
        if not reply.path.startswith(("/sms/1/logs", "/sms/3/logs")) or not isinstance(
            results, list
        ):
            return body
        fresh = [row for row in results if str(row.get("messageId")) not in self.shown]
        self.shown.update(str(row.get("messageId")) for row in fresh)
        body["results"] = fresh
        return body


def _logs_consumed(app: App) -> App:
    return Rewrite(app, response=_on_json(_LogsConsumed(), when=_ok))


def _flat_error(body: Any, reply: Reply) -> Any:
    return {"error": "request failed", "status": reply.status}


# -- beyond the list -------------------------------------------------------------------


def _quota_header_dropped(reply: Reply) -> None:
    reply.set_header("x-apiquota-remaining", None)


def _has_more_always_false(body: Any, _: Reply) -> Any:
    def edit(node: dict[str, Any]) -> None:
        if "has_more" in node:
            node["has_more"] = False

    return _walk(body, edit)


def _total_pages_plus_one(body: Any, _: Reply) -> Any:
    if isinstance(body, dict) and isinstance(body.get("totalPages"), int):
        body["totalPages"] += 1
    return body


def _widen_window(scope: Scope) -> Scope:
    # Old dates are moved into the window, so the server accepts ranges it must refuse.
    floor = datetime.now(UTC) - timedelta(days=6)
    pairs = []
    for key, value in query_of(scope):
        if key in {"dateStart", "dateEnd"}:
            try:
                when = datetime.fromisoformat(value.replace("Z", "+00:00"))
            except ValueError:
                when = None
            if when is not None and when.tzinfo is not None and when < floor:
                value = floor.strftime("%Y-%m-%dT%H:%MZ")
        pairs.append((key, value))
    return with_query(scope, pairs)


class _ForgetfulPut:
    """Answers a recipient PUT as if it were stored, without storing it."""

    def __init__(self) -> None:
        self.put = False

    def request(self, scope: Scope) -> Scope:
        # The PUT reaches the server as a GET, so nothing is stored.
        self.put = scope["method"] == "PUT" and "/sms-recipients/" in scope["path"]
        return {**scope, "method": "GET"} if self.put else scope

    def response(self, reply: Reply) -> None:
        body = json_body(reply)
        if self.put and reply.status == 200 and isinstance(body, dict):
            data = {k: v for k, v in body["data"].items() if k != "sms"}
            data["status"] = "opt_out" if data["status"] == "active" else "active"
            reply.body = json.dumps({"data": data}).encode()


def _forgetful_put(app: App) -> App:
    state = _ForgetfulPut()
    return Rewrite(app, request=state.request, response=state.response)


def _accept_any_method(scope: Scope) -> Scope:
    # Methods the spec declares stay as they are (recipient PUT, the webhook POST/PUT/DELETE);
    # every other unsafe method is served as a GET.
    method, path = scope["method"], scope["path"]
    declared = (
        (method == "PUT" and path.startswith(("/v1/sms-recipients/", "/v1/sms-webhooks/")))
        or (method == "POST" and path == "/v1/sms-webhooks")
        or (method == "DELETE" and path.startswith("/v1/sms-webhooks/"))
    )
    if method in {"DELETE", "PATCH", "POST", "PUT", "OPTIONS", "TRACE"} and not declared:
        return {**scope, "method": "GET"}
    return scope


_FAKED_DELETE = "dlrkit.faked_delete"


def _skip_webhook_delete(scope: Scope) -> Scope:
    # The DELETE reaches the server as a GET, so the webhook stays.
    if scope["method"] == "DELETE" and scope["path"].startswith("/v1/sms-webhooks/"):
        return {**scope, "method": "GET", _FAKED_DELETE: True}
    return scope


def _answer_deleted(reply: Reply) -> None:
    if reply.scope.get(_FAKED_DELETE) and reply.status == 200:
        reply.status, reply.body = 204, b""
        reply.set_header("content-type", None)


def _deleted_webhook_served(app: App) -> App:
    return Rewrite(app, request=_skip_webhook_delete, response=_answer_deleted)


def _crash_on_odd_ids(reply: Reply) -> None:
    message_id = dict(query_of(reply.scope)).get("messageId", "")
    if message_id.strip("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-"):
        reply.status = 500
        reply.body = (
            b'{"requestError":{"serviceException":{"messageId":"GENERAL_ERROR","text":"boom"}}}'
        )


def _tracking_lost(reply: Reply) -> None:
    if reply.path.startswith("/sms/tracking/single/") and reply.status == 200:
        reply.status = 404
        reply.body = b'{"code":"404005000","developerMessage":"Tracking not found."}'


def _response(edit: Callable[[Reply], None]) -> Callable[[App], App]:
    return lambda app: Rewrite(app, response=edit)


def _request(edit: Callable[[Scope], Scope]) -> Callable[[App], App]:
    return lambda app: Rewrite(app, request=edit)


def _json(
    edit: Callable[[Any, Reply], Any], when: Callable[[Reply], bool] = _ok
) -> Callable[[App], App]:
    return lambda app: Rewrite(app, response=_on_json(edit, when=when))


def _error_reply(reply: Reply) -> bool:
    return 400 <= reply.status < 500


#: The catalogue, in the order the self-test runs and reports it.
VARIANTS: tuple[Variant, ...] = (
    Variant(
        "required_field_dropped",
        "sentdm",
        "meta.request_id (required) is missing from every response",
        frozenset({"response_schema_conformance"}),
        _json(_drop_request_id, when=lambda reply: True),
    ),
    Variant(
        "field_wrong_type",
        "infobip",
        "smsCount is sent as a string",
        frozenset({"response_schema_conformance"}),
        _json(_sms_count_as_string),
    ),
    Variant(
        "undocumented_status_value",
        "mailersend",
        "status 'delivered' is sent as 'delivered_to_the_moon'",
        frozenset({"documented_status_values"}),
        _json(_unknown_status),
    ),
    Variant(
        "undocumented_status_code",
        "infobip",
        "bad requests get 422, which the spec does not document (400)",
        frozenset({"status_code_conformance"}),
        _response(_status_400_to_422),
    ),
    Variant(
        "wrong_content_type",
        "mailersend",
        "successful responses are labelled text/html",
        frozenset({"content_type_conformance"}),
        _response(_html),
    ),
    Variant(
        "out_of_range_accepted",
        "mailersend",
        "limit outside 10..100 is clamped instead of rejected",
        frozenset({"boundary_values", "negative_data_rejection"}),
        _request(_clamp_limit),
    ),
    Variant(
        "auth_ignored",
        "sentdm",
        "requests without (or with a wrong) x-api-key are served",
        # The auth probes run before fuzzing, so they usually catch it first.
        frozenset({"auth_required", "ignored_auth", "missing_required_header"}),
        _request(_ignore_auth),
    ),
    Variant(
        "broken_pagination_link",
        "mailersend",
        "links.next skips a page",
        frozenset({"pagination_consistency"}),
        _json(_skip_a_page),
    ),
    Variant(
        "report_returned_twice",
        "infobip",
        "each batch repeats a report of the previous batch",
        frozenset({"reports_returned_once"}),
        _reports_twice,
    ),
    Variant(
        "logs_consumed_on_read",
        "infobip",
        "message logs are consumed like reports: a row read once never comes back",
        frozenset({"logs_repeatable", "cursor_consistency", "versions_agree"}),
        _logs_consumed,
    ),
    Variant(
        "error_body_wrong_shape",
        "sentdm",
        "4xx bodies are {error, status} instead of the error envelope",
        frozenset({"response_schema_conformance"}),
        _json(_flat_error, when=_error_reply),
    ),
    Variant(
        "response_header_dropped",
        "mailersend",
        "the required x-apiquota-remaining header is missing",
        frozenset({"response_headers_conformance"}),
        _response(_quota_header_dropped),
    ),
    Variant(
        "has_more_wrong",
        "sentdm",
        "pagination.has_more is always false",
        frozenset({"pagination_consistency"}),
        _json(_has_more_always_false),
    ),
    Variant(
        "total_pages_wrong",
        "routee",
        "totalPages is one more than the pages that exist",
        frozenset({"pagination_consistency"}),
        _json(_total_pages_plus_one),
    ),
    Variant(
        "date_window_ignored",
        "routee",
        "date ranges older than 7 days are accepted",
        frozenset({"date_window"}),
        _request(_widen_window),
    ),
    Variant(
        "update_not_persisted",
        "mailersend",
        "a recipient PUT answers 200 but is not stored",
        frozenset({"update_visible"}),
        _forgetful_put,
    ),
    Variant(
        "undeclared_method_served",
        "mailersend",
        "undeclared methods are served like GET instead of 405",
        frozenset({"unsupported_method"}),
        _request(_accept_any_method),
    ),
    Variant(
        "deleted_webhook_served",
        "mailersend",
        "DELETE /sms-webhooks/{id} answers 204 but the webhook is still served",
        frozenset({"use_after_free", "delete_visible"}),
        _deleted_webhook_served,
    ),
    Variant(
        "server_error",
        "infobip",
        "a messageId with a character outside [A-Za-z0-9-] crashes the server (500)",
        frozenset({"not_a_server_error"}),
        _response(_crash_on_odd_ids),
    ),
    Variant(
        "routee_auth_ignored_http",
        "routee",
        "over HTTP, tracking requests without a token or with a forged one are served",
        frozenset({"auth_required"}),
        ignore_auth("routee", token_endpoint=False),
        over_http=True,
    ),
    Variant(
        "message_status_undocumented",
        "sentdm",
        "message status and activity bodies say DELIVERED_TO_THE_MOON for DELIVERED",
        frozenset({"documented_status_values"}),
        _json(_message_status_undocumented),
    ),
    Variant(
        "listed_message_untrackable",
        "routee",
        "a message listed by POST /sms/tracking is 404 on its own tracking URL",
        frozenset({"ensure_resource_availability", "known_ids"}),
        _response(_tracking_lost),
    ),
)
