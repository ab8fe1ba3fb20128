from datetime import UTC, datetime

import pytest
from dlrkit_servers._core import INT64_MAX, INT64_MIN, InputError, Query
from hypothesis import given
from hypothesis import strategies as st

from servers import strategies


@given(strategies.query_strings)
def test_parse_never_raises(raw: str) -> None:
    """Any query text parses into pairs; nothing is refused at parse time."""
    query = Query.parse(raw)
    assert all(type(name) is str and type(value) is str for name, value in query.pairs)


@given(st.binary(max_size=80))
def test_parse_bytes_never_raises(raw: bytes) -> None:
    """Raw query bytes (as ASGI passes them) parse without error."""
    assert isinstance(Query.parse(raw).names(), frozenset)


@given(strategies.int_texts, st.integers(-100, 100), st.integers(0, 200))
def test_get_int_is_bounded_or_input_error(text: str, minimum: int, width: int) -> None:
    """get_int returns an int within its bounds or raises InputError naming the field."""
    maximum = minimum + width
    query = Query([("n", text)])
    result: int | InputError | None
    try:
        result = query.get_int("n", minimum=minimum, maximum=maximum)
    except InputError as error:
        result = error
    if isinstance(result, InputError):
        issue = result.issues[0]
        assert (issue.field, issue.value) == ("n", text)
        assert issue.reason in ("not_integer", "too_small", "too_large")
    else:
        assert result is not None
        assert minimum <= result <= maximum
        assert result == int(text)


@given(strategies.int_texts)
def test_get_int_defaults_to_int64(text: str) -> None:
    """Without bounds, get_int still refuses anything outside int64."""
    try:
        value = Query([("n", text)]).get_int("n")
    except InputError:
        return
    assert value is not None
    assert INT64_MIN <= value <= INT64_MAX


def test_get_int_ignores_leading_zeros() -> None:
    """Leading zeros do not make a small number look huge."""
    assert Query([("n", "0" * 60 + "7")]).get_int("n", maximum=10) == 7


@pytest.mark.parametrize("text", ["", " 1", "1 ", "1_000", "\u0663", "1.0", "0x1", "--1"])
def test_get_int_refuses_non_ascii_decimal(text: str) -> None:
    """Only plain ASCII decimal digits with an optional sign are integers."""
    with pytest.raises(InputError, match="must be an integer"):
        Query([("n", text)]).get_int("n")


def test_absent_values_take_defaults() -> None:
    """Absent names give the default (or None)."""
    query = Query.parse("")
    assert query.get_int("limit", default=25) == 25
    assert query.get_int("limit") is None
    assert query.get_str("s", default="x") == "x"
    assert query.get_bool("b", default=False) is False
    assert query.get_choice("c", ["a"], default="a") == "a"
    assert query.get_datetime("d") is None
    assert query.get_unix_time("t") is None
    assert query.get_all("x") == []
    assert query.get_choices("x", ["a"]) == []


def test_single_value_getters_refuse_repeats() -> None:
    """A scalar parameter given twice is refused, naming it."""
    query = Query.parse("a=1&a=2")
    for read in (query.get_str, query.require_str, query.get_int, query.get_bool):
        with pytest.raises(InputError, match="a must be given once") as info:
            read("a")
        assert info.value.issues[0].reason == "repeated"
    assert query.get_all("a") == ["1", "2"]


def test_require_str_names_missing_field() -> None:
    """A required parameter that is absent is ``missing``."""
    with pytest.raises(InputError, match="dateStart is required"):
        Query.parse("x=1").require_str("dateStart")


def test_decoding() -> None:
    """Percent escapes and ``+`` are decoded; blank values are kept."""
    query = Query.parse("status%5B%5D=sent&to=%2B4479&q=a+b&empty=&flag")
    assert query.get_all("status[]") == ["sent"]
    assert query.get_str("to") == "+4479"
    assert query.get_str("q") == "a b"
    assert query.get_str("empty") == ""
    assert query.get_str("flag") == ""
    assert "flag" in query


@pytest.mark.parametrize(("text", "value"), [("true", True), ("FALSE", False), ("True", True)])
def test_get_bool(text: str, value: bool) -> None:
    """Booleans are ``true``/``false`` in any case."""
    assert Query([("b", text)]).get_bool("b") is value


@pytest.mark.parametrize("text", ["1", "yes", "", "t"])
def test_get_bool_refuses_others(text: str) -> None:
    """Anything else is ``not_boolean``, naming the value."""
    with pytest.raises(InputError, match=f"b must be true or false, got {text!r}"):
        Query([("b", text)]).get_bool("b")


def test_get_choices_checks_each_value() -> None:
    """Each value of a list parameter must be an accepted choice."""
    query = Query.parse("s=sent&s=lost")
    with pytest.raises(InputError, match="s must be one of sent, failed, got 'lost'") as info:
        query.get_choices("s", ("sent", "failed"))
    assert info.value.issues[0].choices == ("sent", "failed")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2016-08-19T15:00Z", datetime(2016, 8, 19, 15, 0, tzinfo=UTC)),
        ("2016-08-19T17:00:00+02:00", datetime(2016, 8, 19, 15, 0, tzinfo=UTC)),
        ("2016-08-19T15:00:00", datetime(2016, 8, 19, 15, 0, tzinfo=UTC)),
    ],
)
def test_get_datetime(text: str, expected: datetime) -> None:
    """ISO-8601 date-times come back as aware UTC; no offset means UTC."""
    assert Query([("d", text)]).get_datetime("d") == expected


@pytest.mark.parametrize("text", ["yesterday", "", "2016-13-01T00:00Z", "0001-01-01T00:00+01:00"])
def test_get_datetime_refuses_junk(text: str) -> None:
    """Unparseable or out-of-range date-times are ``not_datetime``."""
    with pytest.raises(InputError) as info:
        Query([("d", text)]).get_datetime("d")
    assert info.value.issues[0].reason == "not_datetime"


@given(st.text(max_size=40))
def test_get_datetime_never_raises_otherwise(text: str) -> None:
    """get_datetime returns an aware datetime or raises InputError, for any text."""
    try:
        value = Query([("d", text)]).get_datetime("d")
    except InputError:
        return
    assert value is not None
    assert value.tzinfo is UTC


def test_get_unix_time() -> None:
    """Unix seconds become aware UTC datetimes; negative or past year 9999 is refused."""
    assert Query.parse("t=1443651141").get_unix_time("t") == datetime(
        2015, 9, 30, 22, 12, 21, tzinfo=UTC
    )
    for text in ("-1", "253402300800", "1e9"):
        with pytest.raises(InputError):
            Query([("t", text)]).get_unix_time("t")


def test_long_values_are_cut_in_messages() -> None:
    """Messages quote at most 60 characters of a value."""
    with pytest.raises(InputError) as info:
        Query([("n", "x" * 500)]).get_int("n")
    assert len(info.value.issues[0].message) < 120
    assert info.value.issues[0].value == "x" * 500
