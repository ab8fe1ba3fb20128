"""Hand-built requests for the rule tests, validated like fuzzed ones and reproducible."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from schemathesis import Case, Response

__all__ = ["ContractViolationError", "Exchange"]


class ContractViolationError(AssertionError):
    """A provider rule the schema cannot express was broken."""


@dataclass(frozen=True, slots=True)
class Exchange:
    """One request sent by a rule test and the response it got."""

    case: Case[Any]
    response: Response

    @property
    def status(self) -> int:
        """The HTTP status code."""
        return self.response.status_code

    @property
    def body(self) -> Any:
        """The JSON body (``None`` when the body is not JSON)."""
        try:
            return self.response.json()
        except ValueError:
            return None

    @property
    def curl(self) -> str:
        """A curl line that repeats the request (credentials filtered out)."""
        return str(self.case.as_curl_command(headers=dict(self.response.request.headers)))

    @property
    def label(self) -> str:
        """The operation, e.g. ``GET /sms-activity``."""
        return str(self.case.operation.label)
