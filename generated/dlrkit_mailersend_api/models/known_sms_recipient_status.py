from enum import StrEnum


class KnownSmsRecipientStatus(StrEnum):
    ACTIVE = "active"
    OPT_OUT = "opt_out"

    def __str__(self) -> str:
        return str(self.value)
