from enum import StrEnum


class KnownRouteeCampaignStatus(StrEnum):
    FAILED = "Failed"
    FINISHED = "Finished"
    QUEUED = "Queued"
    RUNNING = "Running"
    SCHEDULED = "Scheduled"
    SENT = "Sent"

    def __str__(self) -> str:
        return str(self.value)
