"""`iter_contacts` / `aiter_contacts`: every contact, following 1-based ``page`` numbers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dlrkit_sentdm_api.api.contacts import list_contacts
from dlrkit_sentdm_api.client import AuthenticatedClient
from dlrkit_sentdm_api.models import Contact, ContactListEnvelope

from dlrkit._constants import DEFAULT_MAX_PAGES
from dlrkit._errors import InvalidFieldError
from dlrkit._pagination import AsyncPager, Params, SyncPager
from dlrkit.sentdm._calls import scope
from dlrkit.sentdm._errors import CALLER

_INT32_MAX = 2**31 - 1


class _ContactPages:
    """Ask for ``page + 1`` while ``pagination.has_more`` (the pager stops at an empty page)."""

    def items(self, page: ContactListEnvelope) -> Sequence[Contact]:
        return page.data.contacts

    def next_params(self, page: ContactListEnvelope, params: Params) -> Params | None:
        if not page.data.pagination.has_more:
            return None
        return {**params, "page": params["page"] + 1}


def _page_number(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= _INT32_MAX:
        raise InvalidFieldError(name, value, f"must be an int from 1 to {_INT32_MAX}")
    return value


def _params(
    page: int,
    page_size: int,
    search: str | None,
    channel: str | None,
    phone: str | None,
    profile_id: str | None,
) -> dict[str, Any]:
    params: dict[str, Any] = {
        "page": _page_number("page", page),
        "page_size": _page_number("page_size", page_size),
        **scope(profile_id),
    }
    for name, value in (("search", search), ("channel", channel), ("phone", phone)):
        if value is not None:
            if not isinstance(value, str):
                raise InvalidFieldError(name, value, "must be a string")
            params[name] = value
    return params


def iter_contacts(
    client: AuthenticatedClient,
    *,
    page: int = 1,
    page_size: int = 20,
    search: str | None = None,
    channel: str | None = None,
    phone: str | None = None,
    profile_id: str | None = None,
    max_pages: int = DEFAULT_MAX_PAGES,
) -> SyncPager[ContactListEnvelope, Contact]:
    """Yield every contact (``GET /v3/contacts``), fetching pages lazily from ``page``.

    Filters: ``search`` (free text), ``channel`` (``sms``, ``whatsapp``...), ``phone`` (an
    unknown number raises `dlrkit.NotFoundError` ``RESOURCE_001``); ``profile_id``
    overrides the client's ``x-profile-id``. Stops when ``pagination.has_more`` is false.
    ``.iter_pages()`` yields each `ContactListEnvelope`. Bad arguments raise
    `InvalidFieldError` before any request.
    """
    params = _params(page, page_size, search, channel, phone, profile_id)

    def fetch(params: Params) -> ContactListEnvelope:
        return CALLER.call(
            list_contacts.sync_detailed, ContactListEnvelope, client=client, **params
        )

    return SyncPager(fetch, _ContactPages(), params, max_pages=max_pages)


def aiter_contacts(
    client: AuthenticatedClient,
    *,
    page: int = 1,
    page_size: int = 20,
    search: str | None = None,
    channel: str | None = None,
    phone: str | None = None,
    profile_id: str | None = None,
    max_pages: int = DEFAULT_MAX_PAGES,
) -> AsyncPager[ContactListEnvelope, Contact]:
    """Return the async twin of `iter_contacts` (``async for contact in ...``)."""
    params = _params(page, page_size, search, channel, phone, profile_id)

    async def fetch(params: Params) -> ContactListEnvelope:
        return await CALLER.acall(
            list_contacts.asyncio_detailed, ContactListEnvelope, client=client, **params
        )

    return AsyncPager(fetch, _ContactPages(), params, max_pages=max_pages)
