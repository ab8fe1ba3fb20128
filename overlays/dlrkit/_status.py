"""One delivery-status vocabulary for every provider."""

from __future__ import annotations

import enum


class DeliveryStatus(enum.StrEnum):
    """Where a message stands, the same for every provider.

    In flight (the outcome is still open):

    * ``ACCEPTED``  -- the provider took the request and has not queued it yet.
    * ``SCHEDULED`` -- held until a requested send time.
    * ``QUEUED``    -- waiting at the provider to be sent.
    * ``SENT``      -- handed to the carrier; no delivery report yet.

    Final success:

    * ``DELIVERED`` -- the carrier reports it reached the handset.
    * ``READ``      -- the recipient opened it (channels with read receipts only). It may still
      follow ``DELIVERED``: "final" means the outcome is settled, not that no event follows.

    Final failure:

    * ``UNDELIVERED`` -- the carrier or handset could not take it (unknown number, barred...).
    * ``FAILED``      -- the provider could not process or send it.
    * ``REJECTED``    -- refused before sending (filtered, blocked, no credit, bad sender...).
    * ``EXPIRED``     -- its validity period ran out before delivery.
    * ``CANCELLED``   -- withdrawn before it was sent.

    ``UNKNOWN`` -- the provider's status is not recognised or says the outcome is unknown;
    it is neither final, success nor failure. Keep the provider's text in ``raw_status``.
    """

    ACCEPTED = "accepted"
    SCHEDULED = "scheduled"
    QUEUED = "queued"
    SENT = "sent"
    DELIVERED = "delivered"
    READ = "read"
    UNDELIVERED = "undelivered"
    FAILED = "failed"
    REJECTED = "rejected"
    EXPIRED = "expired"
    CANCELLED = "cancelled"
    UNKNOWN = "unknown"

    @property
    def is_final(self) -> bool:
        """Whether the outcome is settled, as a success or a failure."""
        return self.is_success or self.is_failure

    @property
    def is_success(self) -> bool:
        """Whether the message reached the recipient (``DELIVERED`` or ``READ``)."""
        return self in _SUCCESS

    @property
    def is_failure(self) -> bool:
        """Whether the message will not arrive (undelivered, failed, rejected, ...)."""
        return self in _FAILURE

    @property
    def is_pending(self) -> bool:
        """Whether the outcome is still open (accepted, scheduled, queued or sent)."""
        return self in _PENDING


_SUCCESS = frozenset({DeliveryStatus.DELIVERED, DeliveryStatus.READ})
_FAILURE = frozenset(
    {
        DeliveryStatus.UNDELIVERED,
        DeliveryStatus.FAILED,
        DeliveryStatus.REJECTED,
        DeliveryStatus.EXPIRED,
        DeliveryStatus.CANCELLED,
    }
)
_PENDING = frozenset(
    {
        DeliveryStatus.ACCEPTED,
        DeliveryStatus.SCHEDULED,
        DeliveryStatus.QUEUED,
        DeliveryStatus.SENT,
    }
)
