import asyncio
import logging
from collections.abc import Iterator

import httpx
import pytest
from dlrkit_servers._core import (
    Abort,
    Call,
    ErrorShapes,
    InputError,
    ReferenceServer,
    Response,
    json_response,
    no_auth,
    scheme_auth,
)
from hypothesis import given

from servers import strategies
from servers.asgi_client import AppClient
from servers.example_provider import create_server

TOKEN = "t0ken-for-tests"  # noqa: S105 -- a test credential
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def server() -> ReferenceServer:
    """Build an example server with seed 3."""
    return create_server(token=TOKEN, seed=3)


@pytest.fixture
def client(server: ReferenceServer) -> Iterator[AppClient]:
    """Open an in-process client for ``server``."""
    with AppClient(server.app, base_url="http://example.test") as test_client:
        yield test_client


def _item_url(server: ReferenceServer) -> str:
    return f"/api/items/{server.sample_ids['get_item'][0]}"


def test_declared_route_answers(client: AppClient) -> None:
    """A declared method on a known path reaches its handler."""
    response = client.get("/api/items", headers=AUTH)
    assert response.status_code == 200
    assert len(response.json()["data"]) == 10


def test_sample_ids_exist(client: AppClient, server: ReferenceServer) -> None:
    """Every sample id the server advertises can be fetched."""
    for item_id in server.sample_ids["get_item"]:
        assert client.get(f"/api/items/{item_id}", headers=AUTH).status_code == 200


def test_unknown_path_is_provider_shaped_404(client: AppClient) -> None:
    """A path no route matches gets the provider's 404 body."""
    for path in ("/api/nope", "/items", "/api/items/", "/api/items/a/b", "/"):
        response = client.get(path, headers=AUTH)
        assert response.status_code == 404, path
        assert response.json() == {"error": {"code": "NOT_FOUND", "message": "No such resource."}}


def test_unknown_path_is_404_even_without_auth(client: AppClient) -> None:
    """Routing comes before auth, so an unknown path is 404 whatever the credentials."""
    assert client.get("/api/nope").status_code == 404


@pytest.mark.parametrize("method", ["POST", "DELETE", "PATCH", "HEAD", "OPTIONS"])
def test_undeclared_method_is_405_with_allow(
    client: AppClient, server: ReferenceServer, method: str
) -> None:
    """An undeclared method (HEAD and OPTIONS included) gets 405 and the declared Allow list."""
    response = client.request(method, _item_url(server), headers=AUTH)
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, PUT"
    if method != "HEAD":
        assert response.json()["error"]["code"] == "METHOD"


def test_list_route_allows_only_get(client: AppClient) -> None:
    """The Allow header lists exactly what that route declares."""
    response = client.put("/api/items", headers=AUTH)
    assert response.status_code == 405
    assert response.headers["allow"] == "GET"


@pytest.mark.parametrize(
    ("headers", "code"),
    [
        ({}, "AUTH_MISSING"),
        ({"Authorization": "Bearer wrong"}, "AUTH_INVALID"),
        ({"Authorization": f"Basic {TOKEN}"}, "AUTH_INVALID"),
        ({"Authorization": "Bearer"}, "AUTH_INVALID"),
        ({"Authorization": f"Bearer {TOKEN}x"}, "AUTH_INVALID"),
        ({"Authorization": "Bearer \u00e9t\u00e9".encode()}, "AUTH_INVALID"),
    ],
)
def test_auth_hook_refuses(
    client: AppClient, server: ReferenceServer, headers: dict[str, str], code: str
) -> None:
    """Missing or wrong credentials get the provider's 401 on every declared operation."""
    for method, url in (
        ("GET", "/api/items"),
        ("GET", _item_url(server)),
        ("PUT", _item_url(server)),
    ):
        response = client.request(method, url, headers=headers, json={"status": "active"})
        assert response.status_code == 401
        assert response.json()["error"]["code"] == code


def test_auth_scheme_is_case_insensitive(client: AppClient) -> None:
    """``bearer`` and ``Bearer`` are the same scheme."""
    assert client.get("/api/items", headers={"Authorization": f"bearer {TOKEN}"}).status_code == 200


@pytest.mark.parametrize(
    ("query", "code", "words"),
    [
        ("limit=abc", "NOT_INTEGER", ["limit", "'abc'"]),
        ("limit=0", "TOO_SMALL", ["limit", "at least 1", "'0'"]),
        ("limit=51", "TOO_LARGE", ["limit", "at most 50", "'51'"]),
        ("limit=1&limit=2", "REPEATED", ["limit", "once"]),
        ("page=99999999999999999999999", "TOO_LARGE", ["page"]),
        ("status[]=gone", "NOT_CHOICE", ["status[]", "'gone'"]),
    ],
)
def test_bad_query_is_provider_shaped_4xx(
    client: AppClient, query: str, code: str, words: list[str]
) -> None:
    """Bad query input gets the provider's 4xx naming the field and the value."""
    response = client.get(f"/api/items?{query}", headers=AUTH)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == code
    for word in words:
        assert word in error["message"]


def test_repeated_list_parameter_is_accepted(client: AppClient) -> None:
    """A list parameter may repeat (``status[]=a&status[]=b``)."""
    query = "status%5B%5D=active&status%5B%5D=archived&limit=50"
    response = client.get(f"/api/items?{query}", headers=AUTH)
    assert response.status_code == 200
    assert len(response.json()["data"]) == 30


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (b"{not json", "INVALID_JSON"),
        (b"", "MISSING"),
        (b"[1]", "WRONG_TYPE"),
        (b'{"status": NaN}', "INVALID_JSON"),
        (b'{"status": 1e999}', "INVALID_JSON"),
        (b"\xff\xfe\x00", "INVALID_JSON"),
        (b'{"status": "deleted"}', "NOT_CHOICE"),
    ],
)
def test_bad_body_is_4xx_and_changes_nothing(
    client: AppClient, server: ReferenceServer, body: bytes, code: str
) -> None:
    """A bad body gets a 4xx and leaves the stored item as it was."""
    before = client.get(_item_url(server), headers=AUTH).json()
    response = client.put(_item_url(server), headers=AUTH, content=body)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == code
    assert client.get(_item_url(server), headers=AUTH).json() == before


def test_update_changes_state(client: AppClient, server: ReferenceServer) -> None:
    """A valid PUT changes the item that later GETs return."""
    for status in ("archived", "active"):
        response = client.put(_item_url(server), headers=AUTH, json={"status": status})
        assert response.json()["data"]["status"] == status
        assert client.get(_item_url(server), headers=AUTH).json()["data"]["status"] == status


def test_body_over_limit_is_refused(client: AppClient, server: ReferenceServer) -> None:
    """A body over the size limit gets a 4xx instead of being read into memory."""
    response = client.put(_item_url(server), headers=AUTH, content=b" " * (2 << 20))
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "BODY_TOO_LARGE"


def test_unknown_id_uses_the_hook_from_a_handler(client: AppClient) -> None:
    """Handlers can answer with the provider's 404 for an unknown id."""
    response = client.get("/api/items/a%20b", headers=AUTH)
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "NOT_FOUND"


def _get_with(
    handler: object, url: str = "/boom", errors: ErrorShapes | None = None
) -> httpx.Response:
    server = ReferenceServer(
        name="bugs",
        routes={"/boom": {"GET": handler}},  # type: ignore[dict-item]
        auth=no_auth,
        errors=errors,
    )
    with AppClient(server.app) as test_client:
        return test_client.get(url)


def _crash(call: Call) -> Response:
    return json_response({"value": 1 // len(call.body)})


def test_bug_in_handler_is_a_visible_logged_500(caplog: pytest.LogCaptureFixture) -> None:
    """An unexpected exception becomes a logged 500, not a hung connection."""
    with caplog.at_level(logging.ERROR, logger="dlrkit_servers"):
        response = _get_with(_crash)
    assert response.status_code == 500
    assert "Internal error" in response.json()["message"]
    assert any("GET /boom" in record.getMessage() for record in caplog.records)
    assert any(
        record.exc_info and record.exc_info[0] is ZeroDivisionError for record in caplog.records
    )


class _BrokenErrors(ErrorShapes):
    def internal_error(self, call: Call) -> Response:
        raise RuntimeError("broken hook")


def test_broken_error_hook_still_answers_500(caplog: pytest.LogCaptureFixture) -> None:
    """If the provider's 500 hook itself fails, a bare JSON 500 is sent."""
    with caplog.at_level(logging.CRITICAL, logger="dlrkit_servers"):
        response = _get_with(_crash, errors=_BrokenErrors())
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/json"


def test_handler_returning_a_non_response_is_a_500(caplog: pytest.LogCaptureFixture) -> None:
    """A handler that returns something other than a Response is reported as a bug."""
    with caplog.at_level(logging.CRITICAL, logger="dlrkit_servers"):
        response = _get_with(lambda call: {"not": "a response"})
    assert response.status_code == 500


def test_abort_sends_its_response() -> None:
    """``Abort(response)`` from deep in a handler sends that response."""

    def handler(call: Call) -> Response:
        raise Abort(json_response({"why": "teapot"}, status=418))

    response = _get_with(handler)
    assert response.status_code == 418
    assert response.json() == {"why": "teapot"}


def test_default_error_shapes_name_the_field() -> None:
    """Without a provider hook, InputError still becomes a 400 naming field and value."""

    def handler(call: Call) -> Response:
        return json_response({"n": call.query.get_int("n")})

    response = _get_with(handler, "/boom?n=x1")
    assert response.status_code == 400
    assert response.json() == {
        "message": "n must be an integer, got 'x1'",
        "errors": {"n": ["n must be an integer, got 'x1'"]},
    }


def test_static_route_wins_over_template() -> None:
    """``/items/new`` goes to its own handler even when ``/items/{id}`` is declared first."""
    server = ReferenceServer(
        name="order",
        routes={
            "/items/{item_id}": {"GET": lambda call: json_response(call.path_params)},
            "/items/new": {"GET": lambda call: json_response("static")},
        },
        auth=no_auth,
    )
    with AppClient(server.app) as test_client:
        assert test_client.get("/items/new").json() == "static"
        assert test_client.get("/items/a%2Cb").json() == {"item_id": "a,b"}


@pytest.mark.parametrize(
    ("base_path", "routes", "error"),
    [
        ("v1", {"/a": {"GET": no_auth}}, ValueError),
        ("/v1/", {"/a": {"GET": no_auth}}, ValueError),
        ("", {}, ValueError),
        ("", {"a": {"GET": no_auth}}, ValueError),
        ("", {"/a": {}}, ValueError),
        ("", {"/a": {"get": no_auth}}, ValueError),
        ("", {"/a/{id": {"GET": no_auth}}, ValueError),
        ("", {"/a/{x}/{x}": {"GET": no_auth}}, ValueError),
        ("", {"/a/{x-y}": {"GET": no_auth}}, ValueError),
        ("", {"/a": {"GET": "not callable"}}, TypeError),
    ],
)
def test_bad_route_tables_are_refused_at_build(
    base_path: str, routes: dict[str, dict[str, object]], error: type[Exception]
) -> None:
    """Mistakes in a route table fail when the server is built, not on a request."""
    with pytest.raises(error):
        ReferenceServer(name="x", base_path=base_path, routes=routes, auth=no_auth)  # type: ignore[arg-type]


def test_async_handlers_are_refused() -> None:
    """Handlers must be synchronous, so no request interleaves with another's state change."""

    async def handler(call: Call) -> Response:
        return json_response({})

    with pytest.raises(TypeError, match="synchronous"):
        ReferenceServer(name="x", routes={"/a": {"GET": handler}}, auth=no_auth)  # type: ignore[dict-item]


def test_works_through_httpx_asgi_transport(server: ReferenceServer) -> None:
    """The app serves an ``httpx.AsyncClient`` in-process through ``ASGITransport``."""

    async def fetch() -> httpx.Response:
        transport = httpx.ASGITransport(app=server.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://x.test") as http:
            return await http.get(_item_url(server), headers=AUTH)

    response = asyncio.run(fetch())
    assert response.status_code == 200
    assert response.json()["data"]["id"] == server.sample_ids["get_item"][0]


def test_base_url_follows_the_host_header() -> None:
    """``call.base_url`` is the origin the client used plus the base path."""
    server = ReferenceServer(
        name="x",
        base_path="/v1",
        routes={"/where": {"GET": lambda call: json_response(call.base_url)}},
        auth=no_auth,
    )
    with AppClient(server.app, base_url="http://host.test:8123") as test_client:
        assert test_client.get("/v1/where").json() == "http://host.test:8123/v1"


def test_describe_lists_url_and_sample_ids(server: ReferenceServer) -> None:
    """``describe`` gives the base URL line, then one line per get-by-id operation."""
    lines = server.describe("http://127.0.0.1:5000").splitlines()
    assert lines[0] == "dlrkit example reference server on http://127.0.0.1:5000/api"
    assert lines[1] == "  get_item: " + ", ".join(server.sample_ids["get_item"])


def test_secrets_stay_out_of_reprs(server: ReferenceServer) -> None:
    """Neither the server nor its auth hook shows the token in a repr."""
    assert TOKEN not in repr(server)
    assert TOKEN not in repr(scheme_auth("Bearer", TOKEN))


@given(strategies.example_queries)
def test_any_query_gets_200_or_400(pairs: list[tuple[str, str]]) -> None:
    """Whatever query a client sends, the list answers 200 or a provider-shaped 400."""
    app = create_server(token=TOKEN).app
    with AppClient(app) as test_client:
        response = test_client.get("/api/items", params=pairs, headers=AUTH)
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert response.json()["error"]["message"]


@given(strategies.bodies)
def test_any_body_gets_200_or_400(body: bytes) -> None:
    """Whatever body a client PUTs, the server answers 200 or a provider-shaped 400."""
    server = create_server(token=TOKEN)
    with AppClient(server.app) as test_client:
        response = test_client.put(_item_url(server), content=body, headers=AUTH)
    assert response.status_code in (200, 400)


def test_input_error_needs_an_issue() -> None:
    """An InputError without issues is a programming error."""
    with pytest.raises(ValueError, match="Issue"):
        InputError()
