from enum import StrEnum


class KnownSmsStatus(StrEnum):
    DELIVERED = "Delivered"
    FAILED = "Failed"
    QUEUED = "Queued"
    SENT = "Sent"
    UNDELIVERED = "Undelivered"
    UNSENT = "Unsent"

    def __str__(self) -> str:
        return str(self.value)
