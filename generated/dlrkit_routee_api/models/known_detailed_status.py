from enum import StrEnum


class KnownDetailedStatus(StrEnum):
    CALL_BARRED = "Call Barred"
    CARRIER_VIOLATION = "Carrier Violation"
    DELIVERED = "Delivered"
    DND_ERROR_CODE = "DND Error Code"
    EXPIRED = "Expired"
    FAILED = "Failed"
    ROAMING = "Roaming"
    SENT = "Sent"
    UNDELIVERED = "Undelivered"
    UNDELIVERED_ON_HANDSET = "Undelivered on Handset"
    UNKNOWN_NUMBER = "Unknown Number"
    UNKNOWN_STATUS = "Unknown Status"

    def __str__(self) -> str:
        return str(self.value)
