from enum import StrEnum


class KnownSmsErrorGroupName(StrEnum):
    HANDSET_ERRORS = "HANDSET_ERRORS"
    OK = "OK"
    OK_TITLE_CASE = "Ok"
    OPERATOR_ERRORS = "OPERATOR_ERRORS"
    USER_ERRORS = "USER_ERRORS"

    def __str__(self) -> str:
        return str(self.value)
