"""Single-call wrappers: one message's status and its activity log."""

from __future__ import annotations

import uuid
from typing import Any

from dlrkit_sentdm_api.api.messages import get_message_status as _status_op
from dlrkit_sentdm_api.api.messages import list_message_activities as _activities_op
from dlrkit_sentdm_api.client import AuthenticatedClient
from dlrkit_sentdm_api.models import (
    Message,
    MessageActivities,
    MessageActivitiesEnvelope,
    MessageEnvelope,
)

from dlrkit._errors import InvalidFieldError
from dlrkit.sentdm._client import check_profile_id
from dlrkit.sentdm._errors import CALLER


def message_uuid(message_id: object) -> uuid.UUID:
    """Return ``message_id`` (a UUID or its text) as a `uuid.UUID`, or raise `InvalidFieldError`."""
    if isinstance(message_id, uuid.UUID):
        return message_id
    if isinstance(message_id, str):
        try:
            return uuid.UUID(message_id)
        except ValueError:
            pass
    raise InvalidFieldError("message_id", message_id, "must be a message UUID")


def scope(profile_id: str | None) -> dict[str, Any]:
    """Return the ``x_profile_id`` keyword for a per-call profile (none when ``None``)."""
    return {} if profile_id is None else {"x_profile_id": check_profile_id(profile_id)}


def get_message_status(
    client: AuthenticatedClient, message_id: str | uuid.UUID, *, profile_id: str | None = None
) -> Message:
    """Return one message with its status, events and price (``GET /v3/messages/{id}``).

    ``profile_id`` overrides the client's ``x-profile-id`` for this call. Raises a typed
    `dlrkit.APIStatusError` (e.g. `dlrkit.NotFoundError` with code ``RESOURCE_003``).
    """
    envelope = CALLER.call(
        _status_op.sync_detailed,
        MessageEnvelope,
        message_uuid(message_id),
        client=client,
        **scope(profile_id),
    )
    return envelope.data


async def aget_message_status(
    client: AuthenticatedClient, message_id: str | uuid.UUID, *, profile_id: str | None = None
) -> Message:
    """Return the message status, like `get_message_status`, asynchronously."""
    envelope = await CALLER.acall(
        _status_op.asyncio_detailed,
        MessageEnvelope,
        message_uuid(message_id),
        client=client,
        **scope(profile_id),
    )
    return envelope.data


def list_message_activities(
    client: AuthenticatedClient, message_id: str | uuid.UUID, *, profile_id: str | None = None
) -> MessageActivities:
    """Return one message's activity log, newest first (``GET /v3/messages/{id}/activities``).

    The log comes whole in one response (no pages in practice). Raises like
    `get_message_status`.
    """
    envelope = CALLER.call(
        _activities_op.sync_detailed,
        MessageActivitiesEnvelope,
        message_uuid(message_id),
        client=client,
        **scope(profile_id),
    )
    return envelope.data


async def alist_message_activities(
    client: AuthenticatedClient, message_id: str | uuid.UUID, *, profile_id: str | None = None
) -> MessageActivities:
    """Return the activity log, like `list_message_activities`, asynchronously."""
    envelope = await CALLER.acall(
        _activities_op.asyncio_detailed,
        MessageActivitiesEnvelope,
        message_uuid(message_id),
        client=client,
        **scope(profile_id),
    )
    return envelope.data
