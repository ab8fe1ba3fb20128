"""Drive Infobip's official Python client (6.0.0) against a dlrkit server; print a JSON verdict.

Runs inside the client's own virtual environment (it is never a dlrkit dependency), as
``python infobip_client_check.py BASE_URL API_KEY EXPECTED_MESSAGES``. Exit status 0 only
when every check held; the JSON on stdout says what was exercised and what was found.
"""

from __future__ import annotations

import json
import sys
from datetime import timedelta
from typing import Any

from infobip_api_client import ApiClient, Configuration
from infobip_api_client.api.sms_api import SmsApi
from infobip_api_client.models.message_general_status import MessageGeneralStatus
from infobip_api_client.models.sms_logs_response import SmsLogsResponse
from pydantic import ValidationError

_PAGE = 100
_MAX_PAGES = 1000


def _walk(api: SmsApi, **filters: Any) -> list[Any]:
    """Every log row through the client's cursor parameters."""
    rows: list[Any] = []
    cursor = None
    for _ in range(_MAX_PAGES):
        page = api.get_outbound_sms_message_logs(
            limit=_PAGE, use_cursor=True, cursor=cursor, **filters
        )
        rows += page.results or []
        cursor = page.cursor.next_cursor if page.cursor is not None else None
        if cursor is None:
            return rows
    raise AssertionError(f"the cursor did not end within {_MAX_PAGES} pages")


def main(base_url: str, key: str, expected: int) -> dict[str, Any]:
    """Run every check; return the findings (``failures`` empty when all held)."""
    failures: list[str] = []

    def check(ok: bool, what: str) -> None:
        if not ok:
            failures.append(what)

    config = Configuration(host=base_url, api_key=key)  # 6.0.0 adds the "App" prefix itself
    with ApiClient(config) as client:
        api = SmsApi(client)
        rows = _walk(api)
        ids = [row.message_id for row in rows]
        check(len(ids) == expected, f"logs cursor walk: {len(ids)} rows, expected {expected}")
        check(len(set(ids)) == len(ids), "logs cursor walk returned a row twice")
        again = [row.message_id for row in _walk(api)]
        check(again == ids, "a second logs walk differs from the first (logs consumed?)")
        newest = rows[0]
        by_id = api.get_outbound_sms_message_logs(message_id=[ids[0], ids[1]], limit=10)
        check(
            {row.message_id for row in by_id.results or []} == {ids[0], ids[1]},
            "messageId given twice (repeated keys) did not select both messages",
        )
        since = newest.sent_at - timedelta(hours=1)
        window = api.get_outbound_sms_message_logs(sent_since=since, limit=1000)
        check(
            all(row.sent_at >= since for row in window.results or []) and bool(window.results),
            "sentSince as the client formats it (6 fraction digits, +0000) did not filter",
        )
        delivered = api.get_outbound_sms_message_logs(
            general_status=MessageGeneralStatus.DELIVERED, limit=1000
        )
        check(
            all(row.status.group_name == "DELIVERED" for row in delivered.results or []),
            "generalStatus=DELIVERED returned other groups",
        )
        reports: list[Any] = []
        for _ in range(_MAX_PAGES):
            batch = api.get_outbound_sms_message_delivery_reports(limit=1000).results or []
            if not batch:
                break
            reports += batch
        report_ids = [report.message_id for report in reports]
        check(
            len(report_ids) == expected, f"reports drained {len(report_ids)}, expected {expected}"
        )
        check(len(set(report_ids)) == len(report_ids), "a v3 report was delivered twice")
        check(set(report_ids) == set(ids), "v3 reports and v3 logs name different messages")
        logs_by_id = {row.message_id: row for row in rows}
        differ = [
            r.message_id
            for r in reports
            if (r.status.name, r.sent_at, r.done_at, r.price.price_per_message)
            != (
                logs_by_id[r.message_id].status.name,
                logs_by_id[r.message_id].sent_at,
                logs_by_id[r.message_id].done_at,
                logs_by_id[r.message_id].price.price_per_message,
            )
        ]
        check(not differ, f"v3 reports and logs disagree for {differ[:3]}")
    # The client's known weakness (fact sheet): a closed enum loses the whole page.
    body = {"results": [{"messageId": "a", "status": {"groupName": "SOMETHING_NEW"}}]}
    try:
        SmsLogsResponse.from_json(json.dumps(body))
        unknown_group = "parsed"
    except ValidationError:
        unknown_group = "ValidationError: the whole page is lost"
    return {
        "client": "infobip-api-python-client 6.0.0",
        "log_rows": len(ids),
        "reports": len(report_ids),
        "unknown_group_name_in_client": unknown_group,
        "failures": failures,
    }


if __name__ == "__main__":
    result = main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
    print(json.dumps(result))
    sys.exit(1 if result["failures"] else 0)
