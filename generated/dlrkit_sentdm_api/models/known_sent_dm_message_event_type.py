from enum import StrEnum


class KnownSentDmMessageEventType(StrEnum):
    MESSAGE_BLOCKED = "message.blocked"
    MESSAGE_CANCELLED = "message.cancelled"
    MESSAGE_DELIVERED = "message.delivered"
    MESSAGE_FAILED = "message.failed"
    MESSAGE_FILTERED = "message.filtered"
    MESSAGE_QUEUED = "message.queued"
    MESSAGE_READ = "message.read"
    MESSAGE_ROUTED = "message.routed"
    MESSAGE_SCHEDULED = "message.scheduled"
    MESSAGE_SENT = "message.sent"

    def __str__(self) -> str:
        return str(self.value)
