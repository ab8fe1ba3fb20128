from enum import StrEnum


class TrackingFilterField(StrEnum):
    CAMPAIGN = "campaign"
    DIRECTION = "direction"
    LABEL = "label"
    SMSID = "smsId"
    STATUS_STATUS = "status.status"
    TO = "to"

    def __str__(self) -> str:
        return str(self.value)
