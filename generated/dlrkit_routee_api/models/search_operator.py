from enum import StrEnum


class SearchOperator(StrEnum):
    CONTAINS = "contains"
    ENDS_WITH = "ends_with"
    IS = "is"
    IS_NOT = "is_not"
    STARTS_WITH = "starts_with"

    def __str__(self) -> str:
        return str(self.value)
