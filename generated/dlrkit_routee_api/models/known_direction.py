from enum import StrEnum


class KnownDirection(StrEnum):
    INBOUND = "Inbound"
    OUTBOUND = "Outbound"

    def __str__(self) -> str:
        return str(self.value)
