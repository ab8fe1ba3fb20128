from enum import StrEnum


class SmsWebhookEventName(StrEnum):
    SMS_DELIVERED = "sms.delivered"
    SMS_FAILED = "sms.failed"
    SMS_SENT = "sms.sent"

    def __str__(self) -> str:
        return str(self.value)
