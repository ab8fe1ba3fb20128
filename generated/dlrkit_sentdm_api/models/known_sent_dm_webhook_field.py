from enum import StrEnum


class KnownSentDmWebhookField(StrEnum):
    CALL = "call"
    CHANNEL = "channel"
    CONTACT = "contact"
    LINK = "link"
    MESSAGE = "message"
    MESSAGES = "messages"
    TEMPLATES = "templates"

    def __str__(self) -> str:
        return str(self.value)
