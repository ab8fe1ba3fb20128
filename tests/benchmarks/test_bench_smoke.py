import asyncio
import itertools
import subprocess
import sys
import time
from collections import Counter
from contextlib import ExitStack

import httpx
import pytest
from _common import Mode, Table, Target, fmt_ratio, median, overhead, ratio
from _loadgen import LoadResult, _read_response, connection_to
from _paginate import _take
from _push_cost import _posts, _start_poster, _start_sink
from _servers import first_line, stop
from hypothesis import given
from hypothesis import strategies as st
from load import LoadReport, _judge, _Seen
from run import targets_table


def test_ratio_is_none_for_missing_or_zero_divisor() -> None:
    """A ratio with a missing side or a zero divisor is None, never an exception."""
    assert ratio(None, 2.0) is None
    assert ratio(2.0, None) is None
    assert ratio(2.0, 0.0) is None
    assert ratio(3.0, 2.0) == 1.5


@given(st.floats(min_value=1e-6, max_value=1e6), st.floats(min_value=1e-6, max_value=1e6))
def test_overhead_is_ratio_minus_one(measured: float, baseline: float) -> None:
    """Overhead is the fraction over the baseline: ratio - 1 for any positive pair."""
    result = overhead(measured, baseline)
    assert result is not None
    assert result == pytest.approx(measured / baseline - 1)


def test_fmt_ratio_and_median() -> None:
    """Ratios print with two decimals and an x; the median of nothing is None."""
    assert fmt_ratio(1.234) == "1.23x"
    assert fmt_ratio(None) == "n/a"
    assert median([]) is None
    assert median([3.0, 1.0, 2.0]) == 2.0


def test_mode_picks_smoke_or_full_sizes() -> None:
    """Mode.pick returns the smoke size in smoke mode and the full size otherwise."""
    assert Mode(smoke=True).pick(1, 100) == 1
    assert Mode(smoke=False).pick(1, 100) == 100
    assert Mode(smoke=False).name == "full"


def test_table_renders_aligned_rows_and_notes() -> None:
    """A table prints title, header, rule, right-aligned numbers, n/a for None, then notes."""
    table = Table("T", ["name", "value"], notes=["a note"])
    table.add("alpha", 1234.5)
    table.add("b", None)
    lines = table.render().splitlines()
    assert lines[0] == "T"
    assert lines[2].startswith("name ")
    assert set(lines[3].replace(" ", "")) == {"-"}
    assert lines[4] == "alpha  1,234"
    assert lines[5] == "b        n/a"
    assert lines[-1] == "  note: a note"
    assert table.to_json()["rows"][1] == {"name": "b", "value": None}


def test_table_refuses_a_row_of_the_wrong_width() -> None:
    """A row with more or fewer cells than columns is refused."""
    with pytest.raises(ValueError, match="cells"):
        Table("T", ["a", "b"]).add(1)


def test_targets_table_names_each_verdict() -> None:
    """Targets print as met, MISSED or not judged."""
    table = targets_table([Target("x", True, "1"), Target("y", False, "2"), Target("z", None, "3")])
    assert [row[1] for row in table.rows] == ["met", "MISSED", "not judged"]


def _response(raw: bytes) -> tuple[int, dict[str, str], bytes]:
    async def read() -> tuple[int, dict[str, str], bytes]:
        reader = asyncio.StreamReader()
        reader.feed_data(raw)
        reader.feed_eof()
        response = await _read_response(reader)
        return response.status, response.headers, response.body

    return asyncio.run(read())


def test_load_generator_reads_content_length_and_chunked_bodies() -> None:
    """The raw HTTP reader returns the body of sized, chunked and close-delimited responses."""
    sized = _response(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}extra")
    assert sized[0] == 200
    assert sized[2] == b"{}"
    chunked = b"HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"
    assert _response(chunked)[2] == b"abc"
    closed = _response(b"HTTP/1.1 404 Not Found\r\n\r\nbye")
    assert closed[0] == 404
    assert closed[1]["connection"] == "close"
    assert closed[2] == b"bye"


def test_load_is_only_sent_to_loopback() -> None:
    """The load generator refuses any origin that is not a loopback host with a port."""
    with pytest.raises(ValueError, match="loopback"):
        connection_to("http://10.0.0.1:8000")
    with pytest.raises(ValueError, match="loopback"):
        connection_to("http://example.com:80")
    connection_to("http://127.0.0.1:8000")


def test_take_reads_at_most_the_count() -> None:
    """The pagination reader stops at the count, or earlier when the rows run out."""
    assert _take(itertools.count(), 7) == 7
    assert _take(range(3), 7) == 3
    assert _take([], 7) == 0


def test_load_checks_find_duplicates_and_lost_updates() -> None:
    """The load verdict reports a report delivered twice and a recipient update that was lost."""
    result = LoadResult(requests=4, seconds=1.0, statuses=Counter({200: 3, 500: 1}))
    seen = _Seen(delivered=["a", "b", "b"], acknowledged={"r1": "opt_out", "r2": "active"}, puts=2)
    report = LoadReport(clients=1)
    before = {"r1": "active", "r2": "active"}
    after = {"r1": "active", "r2": "active"}
    _judge(report, result, ["a", "b", "c"], seen, before, after, opted_out=set())
    assert report.duplicate_reports == 1
    assert report.lost_updates == 1
    assert len(report.problems) == 5


def test_load_checks_pass_a_clean_run() -> None:
    """A run with every report once and every update kept has no problems."""
    result = LoadResult(requests=2, seconds=1.0, statuses=Counter({200: 2}))
    seen = _Seen(delivered=["a", "b"], acknowledged={"r1": "opt_out"}, puts=1)
    report = LoadReport(clients=1)
    after = {"r1": "opt_out", "r2": "active"}
    _judge(report, result, ["b", "a"], seen, {"r1": "active", "r2": "active"}, after, {"r1"})
    assert report.problems == []


def test_callback_sink_counts_posts_per_path() -> None:
    """Benchmark 7's sink (its own process) counts each path's POSTs and answers 200."""
    with ExitStack() as stack:
        sink = _start_sink(stack)
        with httpx.Client(trust_env=False, timeout=10) as client:
            for _ in range(3):
                assert client.post(sink + "/cb/a", content=b"{}").status_code == 200
            assert client.post(sink + "/cb/b", content=b"x" * 100_000).status_code == 200
        assert (_posts(sink, "/cb/a"), _posts(sink, "/cb/b"), _posts(sink, "/cb/c")) == (3, 1, 0)


def test_the_poster_posts_at_its_rate_until_stopped() -> None:
    """The "off + poster" side's poster reaches the sink at about the sender's rate."""
    with ExitStack() as stack:
        sink = _start_sink(stack)
        with ExitStack() as posting:
            _start_poster(posting, sink + "/poster/x")
            deadline = time.monotonic() + 30
            while _posts(sink, "/poster/x") < 2:  # the child needs a moment to import httpx
                assert time.monotonic() < deadline, "the poster made no POST within 30 s"
                time.sleep(0.05)
            start, first = time.monotonic(), _posts(sink, "/poster/x")
            time.sleep(1.0)
            made = _posts(sink, "/poster/x") - first
            elapsed = time.monotonic() - start
        # 20/s: generous bounds for a shared machine, but neither silent nor unpaced.
        assert 0.25 * 20 * elapsed <= made <= 2 * 20 * elapsed + 2
        after = _posts(sink, "/poster/x")
        time.sleep(0.3)
        assert _posts(sink, "/poster/x") == after  # stopped with its stack


def test_first_line_gives_up_on_a_silent_process() -> None:
    """A child that prints nothing yields None after the timeout, never a hang."""
    process = subprocess.Popen(
        [sys.executable, "-c", "import time; time.sleep(30)"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert first_line(process, 0.2) is None
    finally:
        stop(process)
