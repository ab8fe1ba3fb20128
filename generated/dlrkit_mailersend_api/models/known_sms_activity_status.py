from enum import StrEnum


class KnownSmsActivityStatus(StrEnum):
    DELIVERED = "delivered"
    FAILED = "failed"
    PROCESSED = "processed"
    QUEUED = "queued"
    SENT = "sent"

    def __str__(self) -> str:
        return str(self.value)
