"""The generated packages carry typed models for every callback body in the specs.

openapi-python-client skips the top-level ``webhooks:`` map but builds a model for each
component schema; these tests tie each webhook entry to its model and parse every callback
test vector with it.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
VECTORS = ROOT / "tests" / "fixtures" / "callbacks"


def _spec(provider: str) -> dict[str, Any]:
    spec: dict[str, Any] = yaml.safe_load((ROOT / "specs" / f"{provider}.yaml").read_text())
    return spec


def _model(provider: str, webhook: str) -> Any:
    """Return the generated class of a webhook's JSON body."""
    post = _spec(provider)["webhooks"][webhook]["post"]
    ref = post["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    models = importlib.import_module(f"dlrkit_{provider}_api.models")
    return getattr(models, ref.rsplit("/", 1)[1])


WEBHOOKS = [
    (provider, name)
    for provider in ("mailersend", "sentdm", "infobip", "routee")
    for name in _spec(provider)["webhooks"]
]
VECTOR_FILES = sorted(
    p for p in VECTORS.glob("*/*.json") if json.loads(p.read_text())["webhook"] is not None
)


@pytest.mark.parametrize(("provider", "webhook"), WEBHOOKS)
def test_every_webhook_body_has_a_generated_model(provider: str, webhook: str) -> None:
    """Each webhook's body schema is a generated attrs class with ``from_dict``/``to_dict``."""
    model = _model(provider, webhook)
    assert callable(model.from_dict)
    assert callable(model.to_dict)
    assert model.__module__.startswith(f"dlrkit_{provider}_api.models.")


@pytest.mark.parametrize("path", VECTOR_FILES, ids=lambda p: f"{p.parent.name}-{p.stem}")
def test_vector_parses_with_the_generated_model(path: Path) -> None:
    """Every callback vector parses with its model, and keeps its known keys on a round trip."""
    vector = json.loads(path.read_text())
    body = json.loads(vector["body"])
    parsed = _model(path.parent.name, vector["webhook"]).from_dict(body)
    dumped = parsed.to_dict()
    assert set(dumped) == set(body)


def test_unknown_statuses_stay_strings() -> None:
    """Open enums: unknown status values parse as plain strings, known ones as enum members."""
    from dlrkit_mailersend_api.models import KnownSmsActivityStatus, MailerSendSmsWebhookEvent
    from dlrkit_routee_api.models import RouteeSmsCallback
    from dlrkit_sentdm_api.models import KnownSentDmMessageEventType, SentDmWebhookMessageEvent

    ms = json.loads(
        json.loads((VECTORS / "mailersend" / "derived_sms_sent.json").read_text())["body"]
    )
    assert MailerSendSmsWebhookEvent.from_dict(ms).data.status is KnownSmsActivityStatus.SENT
    ms["type"], ms["data"]["status"] = "sms.future", "future"
    event = MailerSendSmsWebhookEvent.from_dict(ms)
    assert (event.type_, event.data.status) == ("sms.future", "future")

    sd = json.loads(
        json.loads((VECTORS / "sentdm" / "derived_message_delivered.json").read_text())["body"]
    )
    assert (
        SentDmWebhookMessageEvent.from_dict(sd).event
        is KnownSentDmMessageEventType.MESSAGE_DELIVERED
    )
    sd["event"], sd["payload"]["message_status"] = "message.future", "FUTURE"
    parsed = SentDmWebhookMessageEvent.from_dict(sd)
    assert (parsed.event, parsed.payload.message_status) == ("message.future", "FUTURE")

    rt = json.loads(
        json.loads((VECTORS / "routee" / "ufairiya_2016_sent.json").read_text())["body"]
    )
    rt["status"]["name"] = "Network Error"
    assert RouteeSmsCallback.from_dict(rt).status.name == "Network Error"
