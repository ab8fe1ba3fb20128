from enum import StrEnum


class KnownRouteeCallbackStrategy(StrEnum):
    ONCHANGE = "OnChange"
    ONCOMPLETION = "OnCompletion"

    def __str__(self) -> str:
        return str(self.value)
