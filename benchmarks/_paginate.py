"""Benchmark 2: auto-pagination over loopback against a minimal hand-written httpx loop.

Both read the same rows from one ``dlrkit serve`` process, 100 per page, over one kept-alive
connection. The server is started with ``--size`` big enough that one pass from page one holds
all the rows read (the default data sets have 2,320 MailerSend activity rows and about 2,800
Routee tracking items), so every reader makes the same requests.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime

import httpx
from _common import BenchResult, Mode, Table, Target, fmt_ratio, median, overhead, ratio
from _servers import (
    APP_ID,
    APP_SECRET,
    TOKEN,
    Served,
    auth_headers,
    routee_query,
    routee_window,
    served,
)

__all__ = ["run"]

PAGE_SIZE = 100
#: ``dlrkit serve --size``, in messages: over 11,000 rows each (MailerSend has about 7.2
#: activity rows per message, Routee about 1.4 tracking parts), more than the 10,000 read.
SIZES = {"mailersend": 1_600, "routee": 8_000, "infobip": 11_000}
#: Infobip: its message logs (``/sms/3/logs``, cursor paging), one row per message.
PROVIDERS = ("mailersend", "routee", "infobip")
_TIMEOUT = 30.0


def _take(items: Iterable[object], count: int) -> int:
    """Consume at most ``count`` of ``items``; return how many were read."""
    return sum(1 for _ in itertools.islice(items, count))


def _mailersend_dlrkit(server: Served, count: int) -> int:
    from dlrkit import mailersend

    client = mailersend.client(TOKEN, base_url=server.base_url, timeout=_TIMEOUT)
    with client:
        return _take(mailersend.iter_sms_activity(client, limit=PAGE_SIZE), count)


def _mailersend_manual(server: Served, count: int, *, typed: bool = False) -> int:
    from dlrkit_mailersend_api.models import SmsActivityList

    with httpx.Client(
        base_url=server.base_url, headers=auth_headers("mailersend"), timeout=_TIMEOUT
    ) as http:

        def rows() -> Iterator[object]:
            page = 1
            while True:
                response = http.get("/sms-activity", params={"limit": PAGE_SIZE, "page": page})
                response.raise_for_status()
                body = response.json()
                yield from SmsActivityList.from_dict(body).data if typed else body["data"]
                if body["links"]["next"] is None:
                    return
                page += 1

        return _take(rows(), count)


def _routee_dlrkit(server: Served, count: int, window: tuple[datetime, datetime]) -> int:
    from dlrkit import routee

    client = routee.client(APP_ID, APP_SECRET, base_url=server.base_url, timeout=_TIMEOUT)
    start, end = window
    with client:
        pages = routee.iter_sms_tracking(client, date_start=start, date_end=end, size=PAGE_SIZE)
        return _take(pages, count)


def _routee_manual(
    server: Served, count: int, window: tuple[datetime, datetime], *, typed: bool = False
) -> int:
    from dlrkit_routee_api.models import SmsTrackingPage

    with httpx.Client(base_url=server.base_url, timeout=_TIMEOUT) as http:
        http.headers.update(auth_headers("routee", http))
        query = routee_query(*window)

        def items() -> Iterator[object]:
            page = 0
            while True:
                params = {**query, "page": str(page), "size": str(PAGE_SIZE)}
                response = http.post("/sms/tracking", params=params, json=[])
                response.raise_for_status()
                body = response.json()
                yield from SmsTrackingPage.from_dict(body).content if typed else body["content"]
                if body["last"]:
                    return
                page += 1

        return _take(items(), count)


def _infobip_dlrkit(server: Served, count: int) -> int:
    from dlrkit import infobip

    client = infobip.client(TOKEN, base_url=server.base_url, timeout=_TIMEOUT)
    with client:
        return _take(infobip.iter_logs(client, limit=PAGE_SIZE), count)


def _infobip_manual(server: Served, count: int, *, typed: bool = False) -> int:
    from dlrkit_infobip_api.models import SmsLogsV3Response

    with httpx.Client(
        base_url=server.base_url, headers=auth_headers("infobip"), timeout=_TIMEOUT
    ) as http:

        def rows() -> Iterator[object]:
            params = {"limit": str(PAGE_SIZE), "useCursor": "true"}
            while True:
                response = http.get("/sms/3/logs", params=params)
                response.raise_for_status()
                body = response.json()
                yield from SmsLogsV3Response.from_dict(body).results if typed else body["results"]
                following = body["cursor"].get("nextCursor")
                if following is None:
                    return
                params = {**params, "cursor": following}

        return _take(rows(), count)


def _timed(reader: Callable[[Served, int], int], server: Served, count: int) -> tuple[float, int]:
    started = time.perf_counter()
    rows = reader(server, count)
    return time.perf_counter() - started, rows


Reader = Callable[[Served, int], int]


def _readers(provider: str) -> dict[str, Reader]:
    """Return the hand-written loop, that loop plus the generated page models, and the pager."""
    if provider == "mailersend":
        return {
            "hand": _mailersend_manual,
            "hand+models": lambda s, n: _mailersend_manual(s, n, typed=True),
            "dlrkit": _mailersend_dlrkit,
        }
    if provider == "infobip":
        return {
            "hand": _infobip_manual,
            "hand+models": lambda s, n: _infobip_manual(s, n, typed=True),
            "dlrkit": _infobip_dlrkit,
        }
    # Routee's window slides with the clock, so each read takes a fresh one.
    return {
        "hand": lambda s, n: _routee_manual(s, n, routee_window()),
        "hand+models": lambda s, n: _routee_manual(s, n, routee_window(), typed=True),
        "dlrkit": lambda s, n: _routee_dlrkit(s, n, routee_window()),
    }


def run(mode: Mode) -> BenchResult:
    """Time the readers on both providers, rotating their order, and report the overhead."""
    result = BenchResult("paginate")
    count, rounds = mode.pick(300, 10_000), mode.pick(1, 5)
    table = Table(
        f"2. Auto-pagination over loopback: read {count:,} rows, {PAGE_SIZE} per page "
        "(median seconds)",
        [
            "provider",
            "rows",
            "hand-written httpx s",
            "dlrkit iterator s",
            "dlrkit / hand",
            "overhead",
            "hand + page models s",
            "overhead w/o models",
        ],
    )
    for provider in PROVIDERS:
        readers = _readers(provider)
        times: dict[str, list[float]] = {name: [] for name in readers}
        rows: dict[str, int] = {}
        with served(provider, size=SIZES[provider]) as server:
            for reader in readers.values():
                reader(server, PAGE_SIZE)  # warm-up: imports, first token, server caches
            order = list(readers.items())
            for i in range(rounds):
                for name, reader in order[i % 3 :] + order[: i % 3]:
                    seconds, rows[name] = _timed(reader, server, count)
                    times[name].append(seconds)
        if set(rows.values()) != {count}:
            result.failures.append(
                f"paginate {provider}: read {rows} rows, wanted {count:,} from one pass "
                f"(dlrkit serve --size {SIZES[provider]})"
            )
        hand, typed, ours = (median(times[n]) for n in ("hand", "hand+models", "dlrkit"))
        extra, machinery = overhead(ours, hand), overhead(ours, typed)
        table.add(
            provider,
            rows["dlrkit"],
            hand,
            ours,
            fmt_ratio(ratio(ours, hand)),
            _percent(extra),
            typed,
            _percent(machinery),
        )
        result.data[provider] = {"rows": rows, "seconds": times, "overhead": extra}
        result.targets.append(
            Target(
                f"paginate {provider}: iterator adds at most 15% over the hand-written loop",
                None if extra is None else extra <= 0.15,
                f"adds {_percent(extra)} ({_percent(machinery)} over the loop with page models)",
            )
        )
    table.notes += [
        "one pass from page one: the servers run `dlrkit serve --size` "
        + ", ".join(f"{name} {size:,}" for name, size in SIZES.items())
        + " (messages), over 11,000 rows each; infobip reads its message logs with the cursor",
        "the iterator builds typed models (attrs) for every row; the hand loop keeps dicts; "
        "'hand + page models' is the same loop calling the generated from_dict per page",
    ]
    result.tables.append(table)
    return result


def _percent(value: float | None) -> str:
    return "n/a" if value is None else f"{value:+.0%}"
