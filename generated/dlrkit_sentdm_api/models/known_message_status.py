from enum import StrEnum


class KnownMessageStatus(StrEnum):
    ACCEPTED = "ACCEPTED"
    BLOCKED = "BLOCKED"
    CANCELLED = "CANCELLED"
    DELIVERED = "DELIVERED"
    FAILED = "FAILED"
    FILTERED = "FILTERED"
    PROCESSED = "PROCESSED"
    QUEUED = "QUEUED"
    READ = "READ"
    RECEIVED = "RECEIVED"
    ROUTED = "ROUTED"
    SCHEDULED = "SCHEDULED"
    SENT = "SENT"

    def __str__(self) -> str:
        return str(self.value)
