"""`dlrkit contract PROVIDER --receiver URL`: contract-test a callback receiver over HTTP.

The suite plays the provider. For every ``webhooks:`` entry of the provider's spec it draws
valid, realistic bodies (`dlrkit_contract._webhooks`, Hypothesis) and, per example, POSTs:

* the body, correctly signed: must be accepted (2xx; Routee: exactly 200);
* the body with fields the schema allows but does not name: accepted;
* the same delivery again (same bytes; sent.dm re-signs it with the same ``X-Webhook-ID``
  and a fresh timestamp, as a retry would): accepted;
* MailerSend and sent.dm only: a forged signature, the body changed after signing, a
  signature under another secret, no signature at all, and (sent.dm) timestamps 400 s in
  the past and in the future (the tolerance is 300 s): refused with a 4xx;
* the body with a field of the wrong JSON type, and the body cut in half, correctly signed:
  refused with a 4xx.

Then, once: an empty body, bodies that are not JSON, JSON that is not an object, ``{}``, and
a 5 MiB body, all correctly signed: refused with a 4xx. A 5xx, a 3xx or a hang (no answer
within ``receiver_timeout`` seconds) is a failure of its own. The outcome is a
`RunResult`, so the report, the JUnit file and the exit status are the API runs' own.
"""

from __future__ import annotations

import json
import random
import shlex
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TextIO

import httpx
from hypothesis import HealthCheck, Phase, given, seed
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from dlrkit_contract._results import CheckOutcome, FinishedTest, ProviderResult, Recorder
from dlrkit_contract._runner import RunResult
from dlrkit_contract._schema import TargetError
from dlrkit_contract._settings import Settings
from dlrkit_contract._signing import Signer, other_secret, signer_for
from dlrkit_contract._webhooks import (
    WebhookEntry,
    body_strategy,
    check_valid,
    extra_fields,
    is_valid,
    webhook_entries,
)

__all__ = ["CHECKS", "run_receiver"]

#: Seconds a stale (or future) sent.dm timestamp is off: past the 300 s tolerance with room
#: for clock skew between the suite and the receiver.
STALE_SECONDS = 400
#: The "huge" body: over `dlrkit.callbacks.receiver`'s 4 MiB default, far under what a
#: provider sends (Infobip's largest batch is about 1.5 MB).
HUGE_BYTES = 5 * 1024 * 1024
#: MailerSend signs ``webhook.test`` (sent when a webhook is saved) with this fixed, public
#: secret (its docs, ~2026-03; Symfony's MailerSend bridge); since anyone can sign with it, a
#: receiver must take only the ping under it (callbacks.md, MailerSend authenticity).
MAILERSEND_TEST_SECRET = "test_Am3L1GuOIc4blLUuHqAPxxwkZaJyEk8G"  # noqa: S105 - public by design
#: Bodies longer than this are replayed by a shell snippet, not printed.
_CURL_BODY_LIMIT = 4000

#: The checks, by the rows they judge.
CHECKS = {
    "accepts_valid": "a valid, correctly signed callback is accepted",
    "accepts_unknown_fields": "a valid callback with fields the schema does not name is accepted",
    "accepts_duplicate": "a second delivery of the same callback is accepted",
    "rejects_forged": "a random signature is refused",
    "rejects_tampered": "a body changed after signing is refused",
    "rejects_wrong_secret": "a signature under another secret is refused",
    "rejects_stale": "a timestamp outside the tolerance is refused",
    "rejects_unsigned": "a callback without a signature is refused",
    "rejects_test_secret": "an SMS event signed with MailerSend's public test secret is refused",
    "rejects_malformed": "a correctly signed malformed body is refused",
}


@dataclass(frozen=True, slots=True)
class Case:
    """One request to the receiver and what it must answer."""

    row: str
    check: str
    body: bytes
    headers: dict[str, str]
    #: True: must be accepted; False: must be refused with a 4xx.
    accept: bool
    #: What is special about this request, for the failure message.
    what: str
    #: A shell command that prints the body, when the body is too long to quote.
    body_command: str | None = None


@dataclass(slots=True)
class _Run:
    provider: str
    settings: Settings
    recorder: Recorder
    client: httpx.Client
    signer: Signer
    webhook_id: str
    stream: TextIO
    quiet: bool
    sent: int = 0
    rows: dict[str, bool] = field(default_factory=dict)

    @property
    def url(self) -> str:
        assert self.settings.receiver_url is not None
        return self.settings.receiver_url

    def sign(
        self, body: bytes, *, secret: str | None = None, at: int | None = None
    ) -> dict[str, str]:
        stamp = int(time.time()) if at is None else at
        key = self.settings.receiver_secret if secret is None else secret
        return self.signer.sign(body, key, webhook_id=self.webhook_id, timestamp=stamp)

    def row(self, label: str, check: str, *, accept: bool) -> None:
        if label not in self.rows:
            self.rows[label] = accept
            self.recorder.start(self.provider, self.url, [(label, check)])
            self.recorder.providers[self.provider].operations[label].expects_2xx = accept

    def send(self, case: Case) -> None:
        self.row(case.row, case.check, accept=case.accept)
        status: int | None = None
        try:
            response = self.client.post(self.url, content=case.body, headers=case.headers)
        except httpx.TimeoutException:
            title = f"no answer within {self.settings.receiver_timeout:g} s (hang)"
            outcome = CheckOutcome(case.check, title, case.what)
        except httpx.ConnectError as exc:
            if self.sent == 0:
                raise TargetError(f"cannot reach the receiver at {self.url}: {exc}") from None
            outcome = CheckOutcome(case.check, "connection refused mid-run (crashed?)", case.what)
        except httpx.TransportError as exc:
            outcome = CheckOutcome(
                case.check, f"connection failed ({type(exc).__name__})", f"{case.what}\n{exc}"
            )
        else:
            status = response.status_code
            outcome = self.judge(case, status, response.text[:300])
        self.sent += 1
        self.recorder.record(
            self.provider, case.row, [outcome], curl=self.curl(case), status=status
        )

    def judge(self, case: Case, status: int, answer: str) -> CheckOutcome:
        detail = f"{case.what}\nanswer: {answer}" if answer else case.what
        if case.accept:
            wanted = "200" if self.provider == "routee" else "2xx"
            ok = status == 200 if self.provider == "routee" else 200 <= status < 300
            if ok:
                return CheckOutcome(case.check)
            return CheckOutcome(case.check, f"answered {status}, expected {wanted}", detail)
        if 400 <= status < 500:
            return CheckOutcome(case.check)
        if 200 <= status < 300:
            return CheckOutcome(case.check, f"accepted ({status}), expected a 4xx", detail)
        if status >= 500:
            return CheckOutcome(case.check, f"server error {status}, expected a 4xx", detail)
        return CheckOutcome(case.check, f"answered {status}, expected a 4xx", detail)

    def curl(self, case: Case) -> str:
        """Return a command that sends exactly this request again (headers as sent; no secret)."""
        parts = ["curl", "-sS", "-i", "-X", "POST", self.url]
        for name, value in case.headers.items():
            parts += ["-H", f"{name}: {value}"]
        if case.body_command is not None:
            return f"{case.body_command} | {shlex.join([*parts, '--data-binary', '@-'])}"
        try:
            text = case.body.decode("utf-8")
        except UnicodeDecodeError:
            text = None
        if text is not None and len(text) <= _CURL_BODY_LIMIT and text.isprintable():
            return shlex.join([*parts, "--data-binary", text])
        escaped = "".join(
            chr(b) if 32 <= b < 127 and chr(b) not in "\\'%" else f"\\{b:03o}" for b in case.body
        )
        return f"printf '{escaped}' | {shlex.join([*parts, '--data-binary', '@-'])}"

    @contextmanager
    def test(self, name: str, total: int, index: int) -> Iterator[None]:
        nodeid = f"receiver_{self.provider}::{name}"
        result = self.recorder.providers[self.provider]
        self.recorder.current_test = nodeid
        before, started = result.cases, time.perf_counter()
        failed_before = len(result.failures)
        yield
        elapsed = time.perf_counter() - started
        outcome = "failed" if len(result.failures) > failed_before else "passed"
        self.recorder.test_finished(self.provider, FinishedTest(nodeid, outcome, seconds=elapsed))
        self.progress(
            index, total, outcome, name, f"({result.cases - before} cases, {elapsed:.1f}s)"
        )

    def skip(self, name: str, reason: str, total: int, index: int) -> None:
        nodeid = f"receiver_{self.provider}::{name}"
        self.recorder.test_finished(self.provider, FinishedTest(nodeid, "skipped", reason=reason))
        self.progress(index, total, "skipped", name, f": {reason}")

    def progress(self, index: int, total: int, outcome: str, name: str, tail: str) -> None:
        if not self.quiet:
            width = len(str(total))
            self.stream.write(
                f"  [{index:>{width}}/{total}] {self.provider:<10} {outcome:<7} {name}  {tail}\n"
            )
            self.stream.flush()


def _dump(body: Any) -> bytes:
    # Compact, as the providers send; non-ASCII as UTF-8, not \\u escapes (both are valid).
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


#: Where a body can be changed after signing and stay valid: a time field every entry has.
_TAMPER: dict[str, tuple[str, str]] = {
    "mailersend": ("created_at", "2021-02-03T04:05:06.000000Z"),
    "sentdm": ("timestamp", "2021-02-03T04:05:06Z"),
}


def _tampered(provider: str, body: dict[str, Any]) -> bytes:
    key, value = _TAMPER[provider]
    changed = dict(body)
    changed[key] = value if body.get(key) != value else value.replace("2021", "2022")
    return _dump(changed)


#: No null: many receivers read a null as an absent field (Infobip's status.name falls back
#: to groupName, sent.dm's optional outbound_number), which is a different question.
_WRONG_TYPES: list[Any] = [12345, "text", True, [], {"unexpected": "object"}, 1.5]


def _leaf_paths(body: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(body, dict):
        for key, value in body.items():
            yield (*path, key)
            yield from _leaf_paths(value, (*path, key))
    elif isinstance(body, list):
        for index, item in enumerate(body):
            yield (*path, index)
            yield from _leaf_paths(item, (*path, index))


def _replaced(body: Any, path: tuple[Any, ...], value: Any) -> Any:
    copy = json.loads(json.dumps(body))
    node = copy
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    return copy


#: The fields a wrong JSON type is put into: those that say which event this is and what
#: happened (the message and part ids, the status, the recipient, the event time where it
#: has no fallback) and the objects holding them. A receiver cannot act on a callback whose
#: event it cannot identify, so it must refuse these. Fields a receiver may ignore or
#: replace are left out, and `dlrkit.callbacks.receiver` accepts a wrong type there (it
#: checks with the generated models, which do not check types): a ping's ``message``,
#: Infobip's ``error.*`` and ``doneAt`` (null falls back to ``sentAt``), Routee's ``part``
#: (``smsId`` names the part), free text and prices.
KEY_FIELDS: dict[str, frozenset[str]] = {
    "mailersend": frozenset(
        {
            "type",
            "created_at",
            "data",
            "data.sms",
            "data.sms.id",
            "data.sms_message_id",
            "data.to",
        }
    ),
    "sentdm": frozenset(
        {
            "field",
            "event",
            "sub_type",
            "timestamp",
            "payload",
            "payload.message_id",
            "payload.message_status",
            "payload.updated_at",
            "payload.outbound_number",
        }
    ),
    "infobip": frozenset(
        {
            "results",
            "results.*",
            "results.*.messageId",
            "results.*.to",
            "results.*.status",
            "results.*.status.id",
            "results.*.status.groupName",
            "results.*.status.name",
        }
    ),
    "routee": frozenset(
        {
            "messageId",
            "smsId",
            "to",
            "status",
            "status.name",
            "status.updatedDate",
            "trackingId",
        }
    ),
}


def _pattern_of(path: tuple[Any, ...]) -> str:
    return ".".join("*" if isinstance(part, int) else str(part) for part in path)


@st.composite
def _wrong_type(draw: st.DrawFn, entry: WebhookEntry, body: Any) -> tuple[str, Any] | None:
    """Return (path, body) with one key field of a JSON type its schema forbids, or None."""
    keys = KEY_FIELDS[entry.provider]
    paths = [path for path in _leaf_paths(body) if _pattern_of(path) in keys]
    for path in draw(st.permutations(paths)) if paths else []:
        for value in draw(st.permutations(_WRONG_TYPES)):
            changed = _replaced(body, path, value)
            if not is_valid(entry, changed):
                where = ".".join(str(p) for p in path)
                return f"{where} = {json.dumps(value)}", changed
    return None


def _entry_cases(run: _Run, entry: WebhookEntry, data: st.DataObject) -> Iterator[Case]:
    provider, signer = run.provider, run.signer
    # Every draw comes before the first request: an example Hypothesis abandons part-way
    # (its data ran out) then sends nothing, so each row's count is whole examples.
    body = data.draw(body_strategy(provider, entry.name), label="body")
    check_valid(entry, body)
    extra = data.draw(extra_fields(entry, body), label="with unknown fields")
    check_valid(entry, extra)
    wrong = data.draw(_wrong_type(entry, body), label="wrong type")
    raw = _dump(body)
    now = int(time.time())
    # MailerSend signs its webhook.test ping with its public test secret, not the webhook's.
    ping = provider == "mailersend" and entry.name == "webhook.test"
    key = MAILERSEND_TEST_SECRET if ping else None
    # First delivery a few seconds ago, so the retry below gets a visibly fresher timestamp.
    first = run.sign(raw, at=now - 5, secret=key)
    yield Case(f"valid {entry.name}", "accepts_valid", raw, first, True, f"valid {entry.name}")
    extra_raw = _dump(extra)
    yield Case(
        "unknown fields",
        "accepts_unknown_fields",
        extra_raw,
        run.sign(extra_raw, secret=key),
        True,
        f"valid {entry.name} with fields the schema allows but does not name",
    )
    retry = run.sign(raw, at=now) if provider == "sentdm" else first
    yield Case(
        "duplicate",
        "accepts_duplicate",
        raw,
        retry,
        True,
        f"the same {entry.name} delivered again (a provider retry)",
    )
    if provider == "mailersend" and not ping:
        yield Case(
            "test secret",
            "rejects_test_secret",
            raw,
            run.sign(raw, secret=MAILERSEND_TEST_SECRET),
            False,
            f"{entry.name} signed with MailerSend's public webhook.test secret",
        )
    if signer.signed:
        headers = run.sign(raw, secret=key)
        yield Case(
            "forged", "rejects_forged", raw, signer.forged(headers), False, "a random signature"
        )
        yield Case(
            "tampered",
            "rejects_tampered",
            _tampered(provider, body),
            headers,
            False,
            "the body was changed after it was signed",
        )
        yield Case(
            "wrong secret",
            "rejects_wrong_secret",
            raw,
            run.sign(raw, secret=other_secret(provider)),
            False,
            "signed with another secret",
        )
        yield Case(
            "unsigned",
            "rejects_unsigned",
            raw,
            signer.unsigned(headers),
            False,
            "no signature headers",
        )
        if provider == "sentdm":
            for label, shift in (
                ("stale (past)", -STALE_SECONDS),
                ("stale (future)", STALE_SECONDS),
            ):
                yield Case(
                    label,
                    "rejects_stale",
                    raw,
                    run.sign(raw, at=now + shift),
                    False,
                    f"X-Webhook-Timestamp {shift:+d} s from now (tolerance 300 s)",
                )
    if wrong is not None:
        where, changed = wrong
        wrong_raw = _dump(changed)
        yield Case(
            "malformed: wrong types",
            "rejects_malformed",
            wrong_raw,
            run.sign(wrong_raw),
            False,
            f"a wrong JSON type in a key field\nat {where}",
        )
    cut = raw[: len(raw) // 2]
    yield Case(
        "malformed: truncated",
        "rejects_malformed",
        cut,
        run.sign(cut),
        False,
        f"the body cut in half\nthe first {len(cut)} of {len(raw)} bytes",
    )


_FIXED: list[tuple[str, bytes, str]] = [
    ("malformed: empty", b"", "an empty body"),
    ("malformed: not JSON", b"this is not JSON", "plain text"),
    ("malformed: not JSON", b"\xff\xfe\x00{garbage", "bytes that are not UTF-8"),
    ("malformed: not JSON", b"<xml><results/></xml>", "XML"),
    ("malformed: not an object", b"[]", "a JSON array"),
    ("malformed: not an object", b'"text"', "a JSON string"),
    ("malformed: not an object", b"12345", "a JSON number"),
    ("malformed: not an object", b"null", "JSON null"),
    ("malformed: not an object", b"true", "JSON true"),
    ("malformed: missing fields", b"{}", "an empty JSON object"),
]


def _huge_case(run: _Run) -> Case:
    pad = HUGE_BYTES - len(b'{"padding":""}')
    body = b'{"padding":"' + b"x" * pad + b'"}'
    command = "python3 -c " + shlex.quote(
        f"import sys; sys.stdout.write('{{\"padding\":\"' + 'x' * {pad} + '\"}}')"
    )
    return Case(
        "malformed: huge",
        "rejects_malformed",
        body,
        run.sign(body),
        False,
        f"a {HUGE_BYTES // (1024 * 1024)} MiB JSON object",
        body_command=command,
    )


def _run_entry(run: _Run, entry: WebhookEntry) -> None:
    # Every example sends its cases and records them; nothing raises, so Hypothesis runs all
    # examples (no shrinking: the failing request itself is printed as a curl line).
    @seed(run.settings.seed)
    @hypothesis_settings(
        max_examples=run.settings.max_examples,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(st.data())
    def examples(data: st.DataObject) -> None:
        for case in _entry_cases(run, entry, data):
            run.send(case)

    examples()


_ANSWER_LIMIT = {
    "mailersend": "MailerSend waits 3 s",
    "sentdm": "sent.dm waits the webhook's timeout_seconds, default 30 s",
    "infobip": "Infobip's is set per subscription profile",
    "routee": "Routee waits 2 s",
}


def _notes(run: _Run, result: ProviderResult, entries: tuple[WebhookEntry, ...]) -> list[str]:
    ops = result.operations
    valid = sum(s.cases for label, s in ops.items() if label.startswith("valid "))
    negative = sum(s.cases for s in ops.values() if not s.expects_2xx)
    signature = sum(
        s.cases
        for label, s in ops.items()
        if not s.expects_2xx and not label.startswith("malformed")
    )
    malformed = negative - signature
    names = ", ".join(e.name for e in entries)
    lines = [
        f"exercised: {valid} valid callbacks ({names}), "
        f"{ops['unknown fields'].cases if 'unknown fields' in ops else 0} with unknown fields, "
        f"{ops['duplicate'].cases if 'duplicate' in ops else 0} duplicates; "
        f"{signature} signature negatives, {malformed} malformed bodies",
    ]
    missing = [
        f"the answer-time limit ({_ANSWER_LIMIT[run.provider]}; only a hang over "
        f"{run.settings.receiver_timeout:g} s fails)",
        "what the receiver does with the events (on_events, storage)",
        "retry behaviour after a failed answer",
    ]
    if not run.signer.signed:
        missing.append(f"signatures ({run.provider} signs nothing; allow-list or URL secret)")
    elif run.provider == "mailersend":
        missing.append("replay windows (MailerSend signs no timestamp)")
    lines.append("not exercised: " + "; ".join(missing))
    return lines


def run_receiver(
    provider: str, settings: Settings, *, stream: TextIO | None = None, quiet: bool = False
) -> RunResult:
    """Contract-test the callback receiver at ``settings.receiver_url`` as ``provider``.

    Raises `TargetError` if the receiver cannot be reached at all (exit 2).
    """
    assert settings.receiver_url is not None, "run_receiver needs settings.receiver_url"
    started = time.perf_counter()
    recorder = Recorder()
    recorder.start(provider, settings.receiver_url, [])
    # sent.dm's X-Webhook-ID is the webhook configuration's id, the same on every delivery.
    webhook_id = str(
        uuid.UUID(
            int=random.Random(settings.seed).getrandbits(128),  # noqa: S311 - an id, not a key
            version=4,
        )
    )
    entries = webhook_entries(provider)
    signer = signer_for(provider)
    skips: list[tuple[str, str]] = []
    if not signer.signed:
        skips.append(
            (
                "signature_checks",
                f"{provider} signs nothing: no forged, tampered, "
                "wrong-secret, stale or unsigned cases",
            )
        )
    elif provider == "mailersend":
        skips.append(("stale_timestamps", "MailerSend signs no timestamp: no stale cases"))
    total = len(entries) + 1 + len(skips)
    recorder.collected(provider, total)
    timeout = httpx.Timeout(settings.receiver_timeout)
    # A fresh connection per request: a receiver that closes a kept-alive connection (as
    # servers do after an error) would otherwise show up as a reset on the next, unrelated
    # case; each case is judged on its own answer.
    limits = httpx.Limits(max_keepalive_connections=0)
    with httpx.Client(timeout=timeout, limits=limits, follow_redirects=False) as client:
        run = _Run(
            provider, settings, recorder, client, signer, webhook_id, stream or sys.stdout, quiet
        )
        # The fixed cases go first: an unreachable receiver fails the first of them, outside
        # Hypothesis, and ends the run with TargetError (exit 2).
        index = 1
        with run.test("malformed_bodies", total, index):
            for label, body, what in _FIXED:
                run.send(Case(label, "rejects_malformed", body, run.sign(body), False, what))
            run.send(_huge_case(run))
        for entry in entries:
            index += 1
            with run.test(f"webhook[{entry.name}]", total, index):
                _run_entry(run, entry)
        for name, reason in skips:
            index += 1
            run.skip(name, reason, total, index)
    result = recorder.providers[provider]
    result.notes = _notes(run, result, entries)
    return RunResult(
        settings=settings,
        providers=recorder.providers,
        exit_code=0,
        seconds=time.perf_counter() - started,
    )
