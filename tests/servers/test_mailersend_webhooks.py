"""The MailerSend server's SMS webhooks: seeded data, state transitions, bad input, secrets."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from dlrkit_servers import ReferenceServer, create_app
from dlrkit_servers.mailersend import (
    SmsWebhookStore,
    _webhook_api,
    _webhooks,
    sms_number_ids,
    webhook_store,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openapi_support import find_operation, load_spec, schema_validator

from servers import strategies
from servers.asgi_client import AppClient
from servers.test_mailersend import AUTH, BASE, NOW, SEED, TOKEN, check

HOOKS = "/sms-webhooks"
MS42209 = "The sms number id field is required. #MS42209"
STAMP = NOW.strftime("%Y-%m-%dT%H:%M:%S.000000Z")
GOOD = {"name": "good-webhook", "url": "https://mailersend.net/webhook", "events": ["sms.sent"]}
FAST = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@pytest.fixture
def server() -> ReferenceServer:
    """Build a fresh server (these tests change state)."""
    return create_app("mailersend", token=TOKEN, seed=SEED, now=NOW)


@pytest.fixture
def client(server: ReferenceServer) -> Iterator[AppClient]:
    """Talk to the fresh server."""
    with AppClient(server.app, base_url=BASE) as test_client:
        yield test_client


def _numbers() -> list[str]:
    return sms_number_ids(SEED)


def _create(client: AppClient, **changes: Any) -> httpx.Response:
    body = {"sms_number_id": _numbers()[0], **GOOD, **changes}
    return client.request("POST", HOOKS, json=body, headers=AUTH)


def _list(client: AppClient, number_id: str, **params: Any) -> dict[str, Any]:
    response = client.get(HOOKS, params={"sms_number_id": number_id, **params}, headers=AUTH)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = check("list_sms_webhooks", response)
    return body


def _request_valid(operation_id: str, body: object) -> bool:
    path, method, _ = find_operation("mailersend", operation_id)
    escaped = path.replace("~", "~0").replace("/", "~1")
    pointer = f"#/paths/{escaped}/{method}/requestBody/content/application~1json/schema"
    return schema_validator("mailersend", pointer).is_valid(body)


# --- seeded data --------------------------------------------------------------------------------


def test_every_number_but_the_last_has_webhooks(client: AppClient, server: ReferenceServer) -> None:
    """Numbers 1-3 list one to three webhooks each, the last lists none; all conform."""
    *used, last = _numbers()
    for number_id in used:
        body = _list(client, number_id)
        assert 1 <= body["meta"]["total"] == len(body["data"]) <= 3
        assert {row["sms_number"]["id"] for row in body["data"]} == {number_id}
        assert all(re.fullmatch(r"[a-z0-9]{16}", row["id"]) for row in body["data"])
        assert all(row["created_at"] <= row["updated_at"] <= STAMP for row in body["data"])
    empty = _list(client, last)
    assert (empty["data"], empty["meta"]["total"], empty["meta"]["from"]) == ([], 0, None)
    assert len(webhook_store(server)) == sum(
        len(_list(client, number_id)["data"]) for number_id in used
    )


def test_same_seed_same_webhooks_and_secrets() -> None:
    """A seed gives the same webhooks and secrets every time; another seed does not."""

    def snapshot(seed: int) -> list[tuple[str, str, str]]:
        server = create_app("mailersend", token=TOKEN, seed=seed, now=NOW)
        store = webhook_store(server)
        return [(hook.id, hook.url, store.signing_secret(hook.id)) for hook in store]

    assert snapshot(3) == snapshot(3) != snapshot(4)


def test_sample_webhook_ids_resolve(client: AppClient, server: ReferenceServer) -> None:
    """Every advertised webhook sample id is found by get_sms_webhook."""
    samples = server.sample_ids["get_sms_webhook"]
    assert samples
    for webhook_id in samples:
        response = client.get(f"{HOOKS}/{webhook_id}", headers=AUTH)
        assert check("get_sms_webhook", response)["data"]["id"] == webhook_id


# --- state transitions --------------------------------------------------------------------------


def test_create_is_visible_in_get_and_list(client: AppClient) -> None:
    """A created webhook answers 201 (enabled by default, stamped now) and is listed and found."""
    number_id = _numbers()[-1]
    response = _create(client, sms_number_id=number_id)
    assert response.status_code == 201
    data = check("create_sms_webhook", response)["data"]
    assert {k: data[k] for k in GOOD} == GOOD
    assert (data["enabled"], data["created_at"], data["updated_at"]) == (True, STAMP, STAMP)
    assert data["sms_number"]["id"] == number_id
    assert check("get_sms_webhook", client.get(f"{HOOKS}/{data['id']}", headers=AUTH)) == {
        "data": data
    }
    assert _list(client, number_id)["data"] == [data]


def test_create_honours_enabled_false(client: AppClient) -> None:
    """``enabled: false`` is stored as sent."""
    assert check("create_sms_webhook", _create(client, enabled=False))["data"]["enabled"] is False


def test_update_changes_only_what_is_sent(client: AppClient, server: ReferenceServer) -> None:
    """A PUT changes the fields it names, keeps the others and moves ``updated_at``."""
    webhook_id = server.sample_ids["get_sms_webhook"][0]
    url = f"{HOOKS}/{webhook_id}"
    before = check("get_sms_webhook", client.get(url, headers=AUTH))["data"]
    response = client.put(url, json={"url": "https://example.org/new", "events": []}, headers=AUTH)
    after = check("update_sms_webhook", response)["data"]
    assert (after["url"], after["events"], after["updated_at"]) == (
        "https://example.org/new",
        [],
        STAMP,
    )
    unchanged = ("id", "name", "enabled", "created_at", "sms_number")
    assert {k: after[k] for k in unchanged} == {k: before[k] for k in unchanged}
    assert check("get_sms_webhook", client.get(url, headers=AUTH))["data"] == after


def test_delete_then_everything_is_404(client: AppClient, server: ReferenceServer) -> None:
    """DELETE answers 204 without a body; afterwards get, update, delete and the list miss it."""
    created = check("create_sms_webhook", _create(client))["data"]
    url = f"{HOOKS}/{created['id']}"
    response = client.request("DELETE", url, headers=AUTH)
    assert (response.status_code, response.content) == (204, b"")
    assert response.headers["x-apiquota-remaining"] == "-1"
    assert "content-type" not in response.headers
    for method in ("GET", "PUT", "DELETE"):
        again = client.request(method, url, json={"name": "x"}, headers=AUTH)
        assert again.status_code == 404
        assert again.json() == {"message": "Resource not found."}
    ids = [row["id"] for row in _list(client, created["sms_number"]["id"], limit=100)["data"]]
    assert created["id"] not in ids
    with pytest.raises(KeyError, match=created["id"]):
        webhook_store(server).signing_secret(created["id"])


def test_ids_are_never_reused(client: AppClient) -> None:
    """Fresh ids differ from every id issued before, deleted ones included."""
    seen = set()
    for _ in range(20):
        data = check("create_sms_webhook", _create(client))["data"]
        assert data["id"] not in seen
        seen.add(data["id"])
        client.request("DELETE", f"{HOOKS}/{data['id']}", headers=AUTH)


def test_list_pages_by_number(client: AppClient) -> None:
    """Many webhooks on one number page with the length-aware paginator, each once."""
    number_id = _numbers()[-1]
    created = [
        check("create_sms_webhook", _create(client, sms_number_id=number_id)) for _ in range(23)
    ]
    first, second, third = (_list(client, number_id, limit=10, page=p) for p in (1, 2, 3))
    assert [len(b["data"]) for b in (first, second, third)] == [10, 10, 3]
    assert first["meta"]["total"] == 23
    assert first["meta"]["last_page"] == 3
    assert first["links"]["next"] == f"{BASE}{HOOKS}?page=2"
    listed = [row["id"] for body in (first, second, third) for row in body["data"]]
    assert listed == [body["data"]["id"] for body in created]


# --- bad input ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({}, "The sms number id field is required."),
        ({"sms_number_id": ""}, "The sms number id field is required."),
        ({"sms_number_id": "0p7kx4xd7el9yjre"}, MS42209),
    ],
)
def test_list_needs_a_known_number(client: AppClient, params: dict[str, str], message: str) -> None:
    """A missing or unknown ``sms_number_id`` gets 422 with the recorded wording."""
    response = client.get(HOOKS, params=params, headers=AUTH)
    assert response.status_code == 422
    assert check("list_sms_webhooks", response) == {
        "message": message,
        "errors": {"sms_number_id": [message]},
    }


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"sms_number_id": "0p7kx4xd7el9yjre"}, "sms_number_id", MS42209),
        ({"sms_number_id": 7}, "sms_number_id", MS42209),
        ({"sms_number_id": None}, "sms_number_id", "The sms number id field is required."),
        ({"name": ""}, "name", "The name field is required."),
        ({"name": "n" * 192}, "name", "The name must not be greater than 191 characters."),
        ({"name": 5}, "name", "The name must be a string."),
        ({"url": "ftp://example.com"}, "url", "The url must be a valid URL."),
        ({"url": None}, "url", "The url field is required."),
        ({"events": []}, "events", "The events field is required."),
        ({"events": "sms.sent"}, "events", "The events must be an array."),
        ({"events": ["sms.sent", "sms.queued"]}, "events.1", "The selected events.1 is invalid."),
        ({"enabled": "yes"}, "enabled", "The enabled field must be true or false."),
        ({"enabled": None}, "enabled", "The enabled field must be true or false."),
    ],
)
def test_bad_create_is_422_naming_the_field(
    client: AppClient, server: ReferenceServer, changes: dict[str, Any], field: str, message: str
) -> None:
    """Each bad create field gets a 422 naming it, and nothing is stored."""
    before = len(webhook_store(server))
    response = _create(client, **changes)
    assert response.status_code == 422
    assert check("create_sms_webhook", response) == {
        "message": message,
        "errors": {field: [message]},
    }
    assert len(webhook_store(server)) == before


def test_create_name_bound_is_accepted(client: AppClient) -> None:
    """A 191-character name is the longest accepted."""
    assert _create(client, name="n" * 191).status_code == 201


def test_non_object_create_body_reads_as_empty(client: AppClient) -> None:
    """A body that is not a JSON object names every required field."""
    response = client.request("POST", HOOKS, content=b"[1]", headers=AUTH)
    assert response.status_code == 422
    assert set(check("create_sms_webhook", response)["errors"]) == {
        "sms_number_id",
        "name",
        "url",
        "events",
    }
    assert response.json()["message"].endswith("(and 3 more errors)")


def test_update_of_unknown_id_is_404_before_validation(client: AppClient) -> None:
    """An unknown id is 404 even when the body is invalid."""
    response = client.put(f"{HOOKS}/nope", json={"name": ""}, headers=AUTH)
    assert response.status_code == 404
    check("update_sms_webhook", response)


def test_bad_update_changes_nothing(client: AppClient, server: ReferenceServer) -> None:
    """One bad field refuses the whole update: the valid ones are not applied either."""
    url = f"{HOOKS}/{server.sample_ids['get_sms_webhook'][0]}"
    before = client.get(url, headers=AUTH).json()
    response = client.put(url, json={"name": "renamed", "events": ["nope"]}, headers=AUTH)
    assert response.status_code == 422
    assert check("update_sms_webhook", response)["errors"] == {
        "events.0": ["The selected events.0 is invalid."]
    }
    assert client.get(url, headers=AUTH).json() == before


_VALID = {
    "url": st.sampled_from(["https://a.b/c", "http://h.example:80/?q#f", "https://a.b"]),
    "name": st.one_of(st.text(min_size=1, max_size=5), st.just("n" * 191)),
    "events": st.lists(st.sampled_from(["sms.sent", "sms.delivered", "sms.failed"]), max_size=3),
    "enabled": st.booleans(),
    "other": st.integers(),
}
_JUNK = {
    "url": st.one_of(
        st.sampled_from(["ftp://x", "", " ", "https://a b", "a.b/c"]),
        st.text(max_size=8),
        st.integers(),
        st.none(),
    ),
    "name": st.sampled_from(["", "n" * 192, None, 5, ["n"]]),
    "events": st.sampled_from([["x"], ["sms.sent", "x"], "sms.sent", None, [1], [["sms.sent"]]]),
    "enabled": st.sampled_from([0, 1, "true", None, []]),
}
# Mostly valid bodies (any subset of fields), some with one field spoiled, so that both the
# acceptance and every refusal are exercised.
update_bodies = st.builds(
    lambda body, spoil: {**body, **dict([spoil] if spoil else [])},
    st.dictionaries(st.sampled_from(sorted(_VALID)), st.none()).flatmap(
        lambda keys: st.fixed_dictionaries({key: _VALID[key] for key in keys})
    ),
    st.none() | st.sampled_from(sorted(_JUNK)).flatmap(lambda f: _JUNK[f].map(lambda v: (f, v))),
)


@FAST
@given(update_bodies)
def test_update_is_accepted_exactly_when_the_spec_allows(
    server: ReferenceServer, body: dict[str, Any]
) -> None:
    """A PUT body gets 200 iff it matches the spec's schema; a 422 leaves the webhook alone."""
    url = f"{HOOKS}/{server.sample_ids['get_sms_webhook'][0]}"
    with AppClient(server.app, base_url=BASE) as test_client:
        before = test_client.get(url, headers=AUTH).json()
        response = test_client.put(url, json=body, headers=AUTH)
        after = test_client.get(url, headers=AUTH).json()
    check("update_sms_webhook", response)
    assert (response.status_code == 200) is _request_valid("update_sms_webhook", body)
    if response.status_code == 422:
        assert after == before
        assert set(response.json()["errors"]) <= {"url", "name", "events", "enabled"} | {
            f"events.{i}" for i in range(4)
        }


@FAST
@given(update_bodies, st.sampled_from([*sms_number_ids(SEED), "unknown", None]))
def test_create_is_accepted_exactly_when_the_spec_allows(
    server: ReferenceServer, body: dict[str, Any], number_id: str | None
) -> None:
    """A create body gets 201 iff it matches the schema and names a number of the account."""
    if number_id is not None:
        body = {**body, "sms_number_id": number_id}
    before = len(webhook_store(server))
    with AppClient(server.app, base_url=BASE) as test_client:
        response = test_client.request("POST", HOOKS, json=body, headers=AUTH)
    check("create_sms_webhook", response)
    valid = _request_valid("create_sms_webhook", body) and number_id != "unknown"
    assert (response.status_code == 201) is valid
    assert len(webhook_store(server)) == before + valid


@FAST
@given(strategies.bodies)
def test_any_raw_body_gets_a_documented_answer(server: ReferenceServer, raw: bytes) -> None:
    """Any bytes as a create or update body get 201/200 or a 422, never a 5xx."""
    url = f"{HOOKS}/{server.sample_ids['get_sms_webhook'][0]}"
    with AppClient(server.app, base_url=BASE) as test_client:
        created = test_client.request("POST", HOOKS, content=raw, headers=AUTH)
        updated = test_client.put(url, content=raw, headers=AUTH)
    assert created.status_code == 422
    check("create_sms_webhook", created)
    assert updated.status_code in (200, 422)
    check("update_sms_webhook", updated)


def test_deeply_nested_values_are_refused_not_crashed(client: AppClient) -> None:
    """A deeply nested event list is a 422 naming the field, not a 500 from ``repr``."""
    nested = "[" * 900 + "]" * 900
    raw = (
        f'{{"name":"n","url":"https://a.b","sms_number_id":"{_numbers()[0]}","events":[{nested}]}}'
    )
    response = client.request("POST", HOOKS, content=raw.encode(), headers=AUTH)
    assert response.status_code == 422
    assert response.json()["errors"] == {"events.0": ["The selected events.0 is invalid."]}


# --- auth, methods, sizes, secrets --------------------------------------------------------------

WEBHOOK_REQUESTS = [
    ("GET", HOOKS, "list_sms_webhooks"),
    ("POST", HOOKS, "create_sms_webhook"),
    ("GET", f"{HOOKS}/k68zxl27x34j9057", "get_sms_webhook"),
    ("PUT", f"{HOOKS}/k68zxl27x34j9057", "update_sms_webhook"),
    ("DELETE", f"{HOOKS}/k68zxl27x34j9057", "delete_sms_webhook"),
]


@pytest.mark.parametrize(("method", "path", "operation_id"), WEBHOOK_REQUESTS)
@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}])
def test_bad_token_is_401(
    client: AppClient, method: str, path: str, operation_id: str, headers: dict[str, str]
) -> None:
    """Every webhook operation refuses a missing or wrong token."""
    response = client.request(method, path, json=GOOD, headers=headers)
    assert response.status_code == 401
    assert check(operation_id, response) == {"message": "Unauthenticated."}


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [("DELETE", HOOKS, "GET, POST"), ("PATCH", f"{HOOKS}/x", "GET, PUT, DELETE")],
)
def test_undeclared_method_is_405(client: AppClient, method: str, path: str, allow: str) -> None:
    """Methods the webhook paths do not declare get 405 with ``Allow``."""
    response = client.request(method, path, headers=AUTH)
    assert (response.status_code, response.headers["allow"]) == (405, allow)


def test_oversized_bodies_get_documented_statuses(
    client: AppClient, server: ReferenceServer
) -> None:
    """Over the size limit: 422 where a body is read, 404 where the spec has no 422."""
    huge = b"x" * ((1 << 20) + 1)
    webhook_id = server.sample_ids["get_sms_webhook"][0]
    for method, path, operation_id in WEBHOOK_REQUESTS:
        path = path.replace("k68zxl27x34j9057", webhook_id)
        response = client.request(method, path, content=huge, headers=AUTH)
        assert response.status_code in (404, 422)
        check(operation_id, response)
    assert client.get(f"{HOOKS}/{webhook_id}", headers=AUTH).status_code == 200


def test_signing_secrets_stay_server_side(client: AppClient, server: ReferenceServer) -> None:
    """Each webhook has its own 32-character secret, never in a response or a repr."""
    store = webhook_store(server)
    created = check("create_sms_webhook", _create(client))["data"]
    secrets = {hook.id: store.signing_secret(hook.id) for hook in store}
    assert len(set(secrets.values())) == len(secrets)
    assert all(re.fullmatch(r"[A-Za-z0-9]{32}", secret) for secret in secrets.values())
    texts = [client.get(f"{HOOKS}/{created['id']}", headers=AUTH).text]
    texts += [client.get(HOOKS, params={"sms_number_id": n}, headers=AUTH).text for n in _numbers()]
    shown = " ".join([*texts, repr(store), *(repr(hook) for hook in store), repr(server)])
    assert not any(secret in shown for secret in secrets.values())


def test_store_is_reachable_only_on_mailersend() -> None:
    """``webhook_store`` returns the store of a MailerSend server and refuses other servers."""
    assert isinstance(
        webhook_store(create_app("mailersend", token=TOKEN, now=NOW)), SmsWebhookStore
    )
    with pytest.raises(TypeError, match="not a MailerSend"):
        webhook_store(create_app("sentdm", token=TOKEN, now=NOW))


def test_recorded_create_request_is_accepted(client: AppClient) -> None:
    """The ruby SDK's recorded create body (with one of our numbers) gets 201."""
    body = json.loads(
        '{"sms_number_id":"0p7kx4xd7el9yjre","name":"good-webhook",'
        '"url":"https://mailersend.net/webhook","events":["sms.sent","sms.delivered"]}'
    )
    body["sms_number_id"] = _numbers()[1]
    response = client.request("POST", HOOKS, json=body, headers=AUTH)
    assert response.status_code == 201
    assert '"url":"https:\\/\\/mailersend.net\\/webhook"' in response.text


def test_server_rules_are_the_spec_rules() -> None:
    """The server's URL pattern, event names and name bound are the spec's, to the character."""
    schemas = load_spec("mailersend")["components"]["schemas"]
    assert f"^{_webhook_api._URL.pattern}$" == schemas["SmsWebhookUrl"]["pattern"]
    assert list(_webhooks.EVENTS) == schemas["SmsWebhookEventName"]["enum"]
    assert schemas["SmsWebhookName"]["maxLength"] == _webhook_api._NAME_MAX
