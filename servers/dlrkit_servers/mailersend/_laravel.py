"""Laravel's validation wording and the paging parameters every MailerSend list shares."""

from __future__ import annotations

from dlrkit_servers._core import Checks, Issue, Query

__all__ = ["DEFAULT_LIMIT", "attribute", "laravel", "paging"]

DEFAULT_LIMIT = 25
# The spec bounds `page` as an int64: a larger one would be echoed in `meta.current_page` as a
# JSON integer that JavaScript rounds and int64 clients cannot read, so it is refused (422).
_MAX_PAGE = 2**63 - 1


def attribute(field: str) -> str:
    """Laravel's display name of a field (``sms_number_id`` -> ``sms number id``)."""
    return field.replace("_", " ")


def laravel(issue: Issue) -> Issue:
    """Reword a core parsing issue the way Laravel's validator words it."""
    name = attribute(issue.field)
    messages = {
        "not_integer": f"The {name} must be an integer.",
        "too_small": f"The {name} must be at least {issue.bound}.",
        "too_large": f"The {name} must not be greater than {issue.bound}.",
        "not_choice": f"The selected {name} is invalid.",
        "repeated": f"The {name} must be given once.",
        "missing": f"The {name} field is required.",
    }
    message = messages.get(issue.reason, issue.message)
    return Issue(issue.field, issue.reason, message, issue.value, issue.bound, issue.choices)


def paging(checks: Checks, query: Query) -> tuple[int, int]:
    """Return ``(page, limit)``: page >= 1, limit 10..100 (default 25); issues go to ``checks``."""
    page = checks.get(lambda: query.get_int("page", default=1, minimum=1, maximum=_MAX_PAGE), 1)
    limit = checks.get(
        lambda: query.get_int("limit", default=DEFAULT_LIMIT, minimum=10, maximum=100),
        DEFAULT_LIMIT,
    )
    return page, limit
