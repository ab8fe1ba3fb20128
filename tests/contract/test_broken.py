from __future__ import annotations

import asyncio

import httpx
from dlrkit_contract import PROVIDERS
from dlrkit_contract._checks import CONFORMANCE_CHECKS, STATEFUL_CHECKS
from dlrkit_contract._suite import _TITLES
from dlrkit_contract.broken import VARIANTS
from dlrkit_servers import create_app
from dlrkit_servers.mailersend import sms_number_ids

ISSUE_LIST = {
    "required_field_dropped",
    "field_wrong_type",
    "undocumented_status_value",
    "undocumented_status_code",
    "wrong_content_type",
    "out_of_range_accepted",
    "auth_ignored",
    "broken_pagination_link",
    "report_returned_twice",
    "error_body_wrong_shape",
}


def test_catalogue_covers_the_required_breakages() -> None:
    """Every breakage the self-test must catch has a variant, each with a unique name."""
    names = [variant.name for variant in VARIANTS]
    assert len(names) == len(set(names))
    assert set(names) >= ISSUE_LIST


def test_variants_name_real_providers_and_checks() -> None:
    """Each variant wraps a known provider and expects checks the suite actually runs."""
    known = {*CONFORMANCE_CHECKS, *STATEFUL_CHECKS, *_TITLES}
    for variant in VARIANTS:
        assert variant.provider in PROVIDERS
        assert variant.expected, variant.name
        assert variant.expected <= known, variant.name


def _webhook_round_trip(wrap: bool) -> tuple[int, int, int]:
    """Create, delete and read back one webhook on the embedded server (wrapped or not)."""
    variant = next(v for v in VARIANTS if v.name == "deleted_webhook_served")
    app = create_app("mailersend", token="t", seed=0).app  # noqa: S106 -- a test credential
    transport = httpx.ASGITransport(app=variant.wrap(app) if wrap else app)

    async def run() -> tuple[int, int, int]:
        async with httpx.AsyncClient(transport=transport, base_url="http://t/v1") as client:
            auth = {"Authorization": "Bearer t"}
            body = {
                "sms_number_id": sms_number_ids(0)[0],
                "name": "n",
                "url": "https://a.example/h",
                "events": ["sms.sent"],
            }
            created = await client.post("/sms-webhooks", json=body, headers=auth)
            url = f"/sms-webhooks/{created.json()['data']['id']}"
            deleted = await client.delete(url, headers=auth)
            read = await client.get(url, headers=auth)
            return created.status_code, deleted.status_code, read.status_code

    return asyncio.run(run())


def test_deleted_webhook_variant_breaks_only_the_delete() -> None:
    """The variant answers DELETE with 204 yet still serves the webhook; the real server 404s."""
    assert _webhook_round_trip(wrap=False) == (201, 204, 404)
    assert _webhook_round_trip(wrap=True) == (201, 204, 200)
