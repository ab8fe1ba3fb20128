from __future__ import annotations

import asyncio
from typing import Any

import dlrkit
import httpx
import pytest
from dlrkit._call import Caller, ErrorBody, coerce_details, default_error_parser
from dlrkit._errors import make_status_error

from overlay import fakes

CALLER = Caller("acme")


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, dlrkit.BadRequestError),
        (401, dlrkit.AuthenticationError),
        (403, dlrkit.PermissionDeniedError),
        (404, dlrkit.NotFoundError),
        (409, dlrkit.ConflictError),
        (422, dlrkit.UnprocessableEntityError),
        (429, dlrkit.RateLimitError),
        (500, dlrkit.InternalServerError),
        (503, dlrkit.InternalServerError),
        (599, dlrkit.InternalServerError),
        (405, dlrkit.APIStatusError),
        (418, dlrkit.APIStatusError),
        (302, dlrkit.APIStatusError),
    ],
)
def test_status_maps_to_class(status: int, cls: type[dlrkit.APIStatusError]) -> None:
    """make_status_error picks the documented class for each status."""
    error = make_status_error("acme", httpx.Response(status), message="m")
    assert type(error) is cls
    assert error.status_code == status


def test_tree_shape() -> None:
    """The error tree is the one drawn in the module docstring."""
    assert issubclass(dlrkit.APITimeoutError, dlrkit.APIConnectionError)
    assert issubclass(dlrkit.APIConnectionError, dlrkit.APIError)
    assert issubclass(dlrkit.ResponseValidationError, dlrkit.APIError)
    assert issubclass(dlrkit.RateLimitError, dlrkit.APIStatusError)
    assert issubclass(dlrkit.APIError, dlrkit.DlrkitError)
    assert issubclass(dlrkit.PaginationError, dlrkit.DlrkitError)
    assert issubclass(dlrkit.TimestampError, dlrkit.InvalidFieldError)
    assert issubclass(dlrkit.InvalidFieldError, ValueError)


def test_status_error_carries_provider_fields() -> None:
    """Code, message, details and request id are kept and shown in the message."""
    error = make_status_error(
        "sentdm",
        httpx.Response(400),
        code="VALIDATION_001",
        message="Invalid message ID format.",
        details={"id": ["must be a uuid"]},
        request_id="req-1",
    )
    assert (error.code, error.details, error.request_id) == (
        "VALIDATION_001",
        {"id": ["must be a uuid"]},
        "req-1",
    )
    assert str(error) == (
        "sentdm returned HTTP 400 VALIDATION_001: Invalid message ID format. "
        "[id: must be a uuid] (request id req-1)"
    )


def test_missing_message_falls_back_to_reason_phrase() -> None:
    """Without a message the HTTP reason phrase is used."""
    assert make_status_error("acme", httpx.Response(404)).message == "Not Found"


def test_huge_message_is_cut_short() -> None:
    """A huge error text is cut to a few hundred characters."""
    error = make_status_error("acme", httpx.Response(500), message="x" * 100_000)
    assert len(str(error)) < 400


@pytest.mark.parametrize(("header", "expected"), [("12", 12.0), (None, None), ("soon", None)])
def test_rate_limit_error_reads_retry_after(header: str | None, expected: float | None) -> None:
    """RateLimitError.retry_after is the Retry-After wait, or None."""
    headers = {"Retry-After": header} if header else {}
    error = make_status_error("acme", httpx.Response(429, headers=headers))
    assert isinstance(error, dlrkit.RateLimitError)
    assert error.retry_after == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            {"message": "The selected sms number id is invalid.", "errors": {"id": ["invalid"]}},
            ErrorBody("The selected sms number id is invalid.", None, {"id": ["invalid"]}),
        ),
        (
            {"error": {"code": "RESOURCE_003", "message": "Message not found", "details": None}},
            ErrorBody("Message not found", "RESOURCE_003"),
        ),
        ({"code": 404001001, "message": "Not found"}, ErrorBody("Not found", "404001001")),
        (["odd"], ErrorBody("['odd']")),
    ],
)
def test_default_error_parser_reads_common_shapes(body: Any, expected: ErrorBody) -> None:
    """The default parser understands the common JSON error shapes."""
    assert default_error_parser(httpx.Response(400, json=body)) == expected


def test_default_error_parser_handles_non_json() -> None:
    """A non-JSON error body becomes a short message, with the request id header."""
    response = httpx.Response(502, text="<html>Bad gateway</html>", headers={"X-Request-Id": "r"})
    assert default_error_parser(response) == ErrorBody("<html>Bad gateway</html>", request_id="r")


def test_coerce_details_accepts_loose_shapes() -> None:
    """Details become {field: [messages]} whatever the provider's exact shape."""
    assert coerce_details({"a": "one", "b": ["x", None, 2]}) == {"a": ["one"], "b": ["x", "2"]}
    assert coerce_details(["not", "a", "mapping"]) == {}


def _handler_for(status: int, body: Any) -> Any:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, json=body)

    return handler


def test_call_returns_the_expected_model() -> None:
    """A 2xx body that parses to the expected model is returned."""
    client = fakes.Client(_handler_for(200, {"id": "w1"}))
    assert CALLER.call(fakes.sync_detailed, fakes.Widget, "w1", client=client) == fakes.Widget("w1")


def test_call_raises_typed_status_error_for_documented_error() -> None:
    """A documented error status raises its typed error with the body's message."""
    client = fakes.Client(_handler_for(404, {"message": "Resource not found."}))
    with pytest.raises(
        dlrkit.NotFoundError,
        match=r"^acme GET /v1/widgets/w1 returned HTTP 404: Resource not found\.$",
    ):
        CALLER.call(fakes.sync_detailed, fakes.Widget, "w1", client=client)


def test_call_raises_typed_status_error_when_error_body_breaks_parser() -> None:
    """An error body the generated parser chokes on still gives the typed status error."""
    client = fakes.Client(_handler_for(404, {"unexpected": True}))
    with pytest.raises(dlrkit.NotFoundError):
        CALLER.call(fakes.sync_detailed, fakes.Widget, "w1", client=client)


def test_call_raises_status_error_for_undocumented_status() -> None:
    """An undocumented status (parsed to None) raises by status class."""
    client = fakes.Client(_handler_for(503, {"message": "down"}))
    with pytest.raises(dlrkit.InternalServerError, match="down"):
        CALLER.call(fakes.sync_detailed, fakes.Widget, "w1", client=client)


def test_call_raises_validation_error_for_bad_success_body() -> None:
    """A 2xx body missing a required field raises ResponseValidationError with a short reason."""
    client = fakes.Client(_handler_for(200, {"name": "no id", "blob": "z" * 50_000}))
    with pytest.raises(dlrkit.ResponseValidationError) as info:
        CALLER.call(fakes.sync_detailed, fakes.Widget, "w1", client=client)
    error = info.value
    assert (error.operation, error.status_code, error.reason) == ("fakes", 200, "KeyError: 'id'")
    assert isinstance(error.__cause__, KeyError)
    assert len(str(error)) < 300


def test_call_raises_validation_error_for_wrong_model() -> None:
    """A 2xx body parsed to another model than expected raises ResponseValidationError."""
    client = fakes.Client(_handler_for(200, {"id": "w1"}))
    with pytest.raises(dlrkit.ResponseValidationError, match="expected ErrorMessage, got Widget"):
        CALLER.call(fakes.sync_detailed, fakes.ErrorMessage, "w1", client=client)


@pytest.mark.parametrize(
    ("error", "cls"),
    [
        (httpx.ConnectError("refused"), dlrkit.APIConnectionError),
        (httpx.ReadTimeout("slow"), dlrkit.APITimeoutError),
        (httpx.RemoteProtocolError("dropped"), dlrkit.APIConnectionError),
    ],
)
def test_call_translates_transport_errors(error: Exception, cls: type[Exception]) -> None:
    """Httpx transport errors become APIConnectionError / APITimeoutError."""

    def handler(request: httpx.Request) -> httpx.Response:
        raise error

    with pytest.raises(cls, match=r"acme GET https://api\.test/v1/widgets/w1") as info:
        CALLER.call(fakes.sync_detailed, fakes.Widget, "w1", client=fakes.Client(handler))
    assert info.value.__cause__ is error


def test_call_lets_caller_bugs_through() -> None:
    """An error raised before any request is sent is not disguised as an API error."""

    def broken(*, client: fakes.Client) -> fakes.Response[fakes.Widget]:
        raise TypeError("bad argument")

    with pytest.raises(TypeError, match="bad argument"):
        CALLER.call(broken, fakes.Widget, client=fakes.Client(_handler_for(200, {})))


def test_broken_error_parser_falls_back_to_default() -> None:
    """A provider error parser that raises does not hide the status error."""

    def parser(response: httpx.Response) -> ErrorBody:
        raise KeyError("error")

    client = fakes.Client(_handler_for(409, {"message": "taken"}))
    with pytest.raises(dlrkit.ConflictError, match="taken"):
        Caller("acme", parser).call(fakes.sync_detailed, fakes.Widget, "w1", client=client)


def test_acall_mirrors_call() -> None:
    """Acall returns models and raises the same typed errors as call."""
    good = fakes.Client(_handler_for(200, {"id": "w1"}))
    bad = fakes.Client(_handler_for(200, {}))
    missing = fakes.Client(_handler_for(404, {"message": "gone"}))

    async def run() -> fakes.Widget:
        with pytest.raises(dlrkit.ResponseValidationError):
            await CALLER.acall(fakes.asyncio_detailed, fakes.Widget, "w1", client=bad)
        with pytest.raises(dlrkit.NotFoundError, match="gone"):
            await CALLER.acall(fakes.asyncio_detailed, fakes.Widget, "w1", client=missing)
        return await CALLER.acall(fakes.asyncio_detailed, fakes.Widget, "w1", client=good)

    assert asyncio.run(run()) == fakes.Widget("w1")


def test_call_returns_last_response_after_retries() -> None:
    """When retries run out, the typed error is built from the last response."""
    statuses = iter([503, 503, 429])

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(next(statuses), json={"message": "busy"})

    client = fakes.Client(handler, max_retries=2)
    with pytest.raises(dlrkit.RateLimitError):
        CALLER.call(fakes.sync_detailed, fakes.Widget, "w1", client=client)


def test_status_error_keeps_request_and_response() -> None:
    """APIStatusError carries the httpx request and response it was built from."""
    client = fakes.Client(_handler_for(404, {"message": "Resource not found."}))
    with pytest.raises(dlrkit.NotFoundError) as info:
        CALLER.call(fakes.sync_detailed, fakes.Widget, "w1", client=client)
    error = info.value
    assert isinstance(error.response, httpx.Response)
    assert error.response.json() == {"message": "Resource not found."}
    assert isinstance(error.request, httpx.Request)
    assert (error.request.method, error.request.url.path) == ("GET", "/v1/widgets/w1")
    assert error.attempts == 1


def test_status_error_without_a_sent_request_still_reads() -> None:
    """A response built by hand (no request) gives a message without a path, not a crash."""
    error = make_status_error("acme", httpx.Response(404), message="gone")
    assert error.request is None
    assert str(error) == "acme returned HTTP 404: gone"


def test_connection_error_keeps_the_request() -> None:
    """APIConnectionError carries the request that got no response."""

    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused")

    with pytest.raises(dlrkit.APIConnectionError) as info:
        CALLER.call(fakes.sync_detailed, fakes.Widget, "w1", client=fakes.Client(handler))
    assert isinstance(info.value.request, httpx.Request)
    assert info.value.request.url.path == "/v1/widgets/w1"


def test_validation_error_keeps_response_and_body() -> None:
    """ResponseValidationError carries the response, its decoded body, method and path."""
    client = fakes.Client(_handler_for(200, {"name": "no id"}))
    with pytest.raises(dlrkit.ResponseValidationError) as info:
        CALLER.call(fakes.sync_detailed, fakes.Widget, "w1", client=client)
    error = info.value
    assert isinstance(error.response, httpx.Response)
    assert error.body == {"name": "no id"}
    assert "GET /v1/widgets/w1" in str(error)


def test_validation_error_for_a_wrong_model_keeps_the_response() -> None:
    """The wrong-model case has the response and the body too."""
    client = fakes.Client(_handler_for(200, {"id": "w1"}))
    with pytest.raises(dlrkit.ResponseValidationError) as info:
        CALLER.call(fakes.sync_detailed, fakes.ErrorMessage, "w1", client=client)
    assert info.value.body == {"id": "w1"}
    assert "GET /v1/widgets/w1" in str(info.value)


def test_errors_after_retries_say_how_many_attempts() -> None:
    """A status error and a connection error after retries name the attempt count."""
    client = fakes.Client(_handler_for(503, {"message": "down"}), max_retries=3)
    with pytest.raises(dlrkit.InternalServerError) as info:
        CALLER.call(fakes.sync_detailed, fakes.Widget, "w1", client=client)
    assert info.value.attempts == 4
    assert str(info.value).endswith("(4 attempts)")

    def refused(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused")

    with pytest.raises(dlrkit.APIConnectionError) as failed:
        CALLER.call(
            fakes.sync_detailed, fakes.Widget, "w1", client=fakes.Client(refused, max_retries=2)
        )
    assert failed.value.attempts == 3
    assert "(3 attempts)" in str(failed.value)


def test_async_errors_after_retries_say_how_many_attempts() -> None:
    """The async path counts attempts the same way."""
    client = fakes.Client(_handler_for(502, {"message": "bad gateway"}), max_retries=1)

    async def run() -> None:
        await CALLER.acall(fakes.asyncio_detailed, fakes.Widget, "w1", client=client)

    with pytest.raises(dlrkit.InternalServerError, match=r"\(2 attempts\)$"):
        asyncio.run(run())


def test_rate_limit_message_includes_retry_after() -> None:
    """RateLimitError's message says how long the server asked to wait."""
    response = httpx.Response(429, headers={"Retry-After": "30"}, request=_request())
    error = make_status_error("acme", response, message="slow down")
    assert isinstance(error, dlrkit.RateLimitError)
    assert str(error) == "acme GET /v1/widgets returned HTTP 429: slow down (retry after 30 s)"


def _request() -> httpx.Request:
    return httpx.Request("GET", "https://api.test/v1/widgets?api_key=secret")


@pytest.mark.parametrize("name", [n for n in dlrkit.__all__ if n.endswith("Error")])
def test_error_classes_print_as_the_package_exports_them(name: str) -> None:
    """Tracebacks and reprs show dlrkit.NotFoundError, not dlrkit._errors.NotFoundError."""
    cls = getattr(dlrkit, name)
    assert cls.__module__ == "dlrkit"
    assert repr(cls) == f"<class 'dlrkit.{name}'>"
