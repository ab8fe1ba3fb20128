"""What a suite module builds on: the configured schema, the generic tests and rule helpers.

A suite module (``suites/test_<provider>.py``) does::

    suite = Suite.for_module("mailersend")     # skips the module if the run leaves it out
    ...provider rule tests using suite.call() and suite.expect()...
    test_boundaries = suite.boundary_test(baseline)
    test_conformance = suite.conformance_test()
    test_stateful = suite.stateful_test()
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Mapping
from typing import Any

import hypothesis
import jsonschema_rs
import pytest
from schemathesis import BaseSchema, Case, Response
from schemathesis.auths import AuthContext, set_on_case
from schemathesis.checks import CHECKS, CheckFunction, CheckResult
from schemathesis.core.result import Ok
from schemathesis.generation.meta import TestPhase

from dlrkit_contract import _checks
from dlrkit_contract._boundaries import Boundary, boundaries
from dlrkit_contract._context import active
from dlrkit_contract._exchange import ContractViolationError, Exchange
from dlrkit_contract._preflight import Preflight
from dlrkit_contract._probes import AuthProbe, probes_for, security_of
from dlrkit_contract._results import CheckOutcome, Recorder
from dlrkit_contract._schema import build_schema
from dlrkit_contract._settings import Settings
from dlrkit_contract._specs import load_spec
from dlrkit_contract._target import Target, make_target

__all__ = ["Baseline", "Suite"]

#: ``(suite, operationId) -> {"path": ..., "query": ..., "body": ...}``: a valid request.
Baseline = Callable[["Suite", str], dict[str, dict[str, Any]]]

# Statuses that mean "the input was refused as invalid".
_REJECTED = frozenset({400, 422})


class Suite:
    """One provider's schema bound to its target, plus the recorder the report reads."""

    def __init__(self, target: Target, recorder: Recorder) -> None:
        self.target = target
        self.provider = target.provider
        self.settings = target.settings
        self.recorder = recorder
        self.schema: BaseSchema = build_schema(target)
        #: What the preflight sent (remote targets; see :mod:`._preflight`).
        self.preflight: Preflight = Preflight()
        self._operations = {
            op.definition.raw["operationId"]: op
            for op in (
                result.ok() for result in self.schema.get_all_operations() if isinstance(result, Ok)
            )
        }
        recorder.start(
            self.provider,
            target.description,
            [(op.label, op_id) for op_id, op in self._operations.items()],
        )
        self.schema.hooks.register_hook_with_name(self._after_validate, "after_validate")
        #: Edits applied to every generated case before it is sent (see :meth:`prepare`).
        self.case_adjusters: list[Callable[[Case[Any]], None]] = [
            _drop_invalid_optional_headers,
            self._use_known_ids,
        ]
        names = [
            name
            for name in _checks.RESPONSE_CHECKS
            if not (self.settings.allow_unknown_status and name == "documented_status_values")
        ]
        # Every response check is a plain function (class-based checks span whole runs).
        self._response_checks: list[CheckFunction] = [
            check for check in CHECKS.get_by_names(names) if not isinstance(check, type)
        ]

    @classmethod
    def for_module(cls, provider: str) -> Suite:
        """Return the suite of the active run; skip the calling module if the run leaves it out."""
        plan = active()
        if plan is None:
            # Plain `pytest` on a suite file: the target comes from the DLRKIT_* variables.
            settings = Settings.resolve()
            return cls(make_target(provider, settings), Recorder())
        if provider not in plan.suites:
            pytest.skip(f"{provider} is not part of this run", allow_module_level=True)
        return plan.suites[provider]

    def fresh(self) -> Suite | None:
        """Return a suite on a fresh embedded server; ``None`` for a remote target."""
        target = self.target.fresh()
        return None if target is None else Suite(target, self.recorder)

    # -- recording -------------------------------------------------------------------------

    def _after_validate(
        self, context: object, case: Case[Any], response: Response, results: list[CheckResult]
    ) -> None:
        outcomes = [
            CheckOutcome(r.name)
            if r.failure is None
            else CheckOutcome(r.name, r.failure.title, r.failure.message)
            for r in results
        ]
        curl = None
        if any(o.title is not None for o in outcomes):
            curl = case.as_curl_command(headers=dict(response.request.headers))
        self.recorder.record(
            self.provider, case.operation.label, outcomes, curl=curl, status=response.status_code
        )

    # -- hand-built requests ---------------------------------------------------------------

    def call(
        self,
        operation_id: str,
        *,
        path: Mapping[str, Any] | None = None,
        query: Mapping[str, Any] | None = None,
        body: Any = None,
        validate: bool = True,
        credentials: Mapping[str, str] | None = None,
    ) -> Exchange:
        """Send one request with the configured credentials; run the response checks on it.

        A response check failure raises (with the curl line), as in fuzzed tests.
        ``validate=False`` sends without checking or recording (the preflight).
        ``credentials`` replaces the configured ones with exactly these headers (the auth
        probes; ``{}`` sends none).
        """
        operation = self._operations[operation_id]
        kwargs: dict[str, Any] = {}
        if body is not None:
            kwargs["body"] = body
            kwargs["media_type"] = "application/json"
        if credentials is not None:
            kwargs["headers"] = dict(credentials)
        case = operation.Case(path_parameters=dict(path or {}), query=dict(query or {}), **kwargs)
        if credentials is None:
            set_on_case(case, AuthContext(operation=operation, app=operation.app), None)
        response = case.call()
        if validate:
            case.validate_response(response, checks=self._response_checks)
        return Exchange(case, response)

    def expect(self, ok: bool, exchange: Exchange, check: str, message: str) -> None:
        """Record ``check`` on the exchange's operation; raise ContractViolationError if not ok."""
        outcome = CheckOutcome(check) if ok else CheckOutcome(check, _title(check), message)
        curl = None if ok else exchange.curl
        self.recorder.record(self.provider, exchange.label, [outcome], curl=curl, count=False)
        if not ok:
            raise ContractViolationError(
                f"{_title(check)} ({check})\n\n{message}\n\nReproduce with:\n\n    {curl}\n"
            )

    def sample_id(self, operation_id: str) -> str | None:
        """Return an id the embedded server knows for ``operation_id``, if it has one."""
        ids = self.target.sample_ids.get(operation_id) or []
        return ids[0] if ids else None

    def _use_known_ids(self, case: Case[Any]) -> None:
        """Put a known id into about half of the positive cases of a get-by-id operation.

        Fuzzed ids practically never exist, so without this a remote run checks only 404s
        there. Which cases get one is decided by a hash of the generated value, so a seed
        still replays the same run; negative cases keep theirs. Stateful steps keep theirs
        too: a link's id names what the scenario just created, while a sample id may name a
        resource an earlier scenario deleted (the server keeps its state across scenarios),
        whose 404 Schemathesis then reports as "created resource not found".
        """
        meta = case.meta
        if meta is None or not meta.generation.mode.is_positive:
            return
        if meta.phase.name == TestPhase.STATEFUL:
            return
        operation_id = case.operation.definition.raw.get("operationId")
        ids = self.target.sample_ids.get(str(operation_id)) or []
        if not ids or not case.path_parameters:
            return
        for name, value in list(case.path_parameters.items()):
            digest = zlib.crc32(repr(value).encode())
            if digest % 2 == 0:
                case.path_parameters[name] = ids[(digest // 2) % len(ids)]

    def prepare(self, case: Case[Any]) -> None:
        """Apply the case adjusters: domain rules a generator cannot know (see suite modules)."""
        for adjust in self.case_adjusters:
            adjust(case)

    # -- generic tests ---------------------------------------------------------------------

    def conformance_test(self) -> Callable[..., None]:
        """Build one Schemathesis test per operation.

        It runs the examples, coverage and fuzzing phases, positive and negative data, and
        every configured check.
        """

        @self.schema.parametrize()
        def test_conformance(case: Case[Any]) -> None:
            """Every generated case gets a response the spec allows."""
            self.prepare(case)
            case.call_and_validate()

        return test_conformance  # type: ignore[no-any-return]

    def stateful_test(self) -> Callable[[], None]:
        """Scenarios that follow the spec's OpenAPI links, with the stateful checks."""
        schema = self.schema
        settings = self.settings

        @pytest.mark.skipif(
            not schema.statistic.transitions.selected,
            reason=f"the {self.provider} spec declares no OpenAPI links",
        )
        def test_stateful() -> None:
            """Chains of linked calls get conforming responses and consistent resources."""
            prepare = self.prepare

            class Machine(schema.as_state_machine()):  # type: ignore[misc]
                def before_call(self, case: Case[Any]) -> None:
                    prepare(case)

            machine = Machine
            base = schema.config.get_hypothesis_settings(phase="stateful")
            machine.run(
                settings=hypothesis.settings(
                    base,
                    max_examples=settings.stateful_examples,
                    stateful_step_count=settings.stateful_steps,
                )
            )

        return test_stateful

    def known_ids_test(self) -> Callable[[str, str], None]:
        """Every get-by-id operation answers 200 for the ids the embedded server lists.

        Fuzzed ids almost never exist, so without this the 200 responses of get-by-id
        operations would rarely be checked at all.
        """
        pairs = [
            (operation_id, sample)
            for operation_id, samples in self.target.sample_ids.items()
            if operation_id in self._operations
            for sample in samples
        ]
        params = [pytest.param(op, sample, id=f"{op}-{sample}") for op, sample in pairs] or [
            pytest.param("", "", id="none")
        ]

        @pytest.mark.parametrize(("operation_id", "known_id"), params)
        def test_known_id(operation_id: str, known_id: str) -> None:
            """A known id is found, and the response conforms."""
            if not operation_id:
                # At run time, so the report lists it as a gap: no get-by-id 2xx body is checked.
                pytest.skip(
                    "no known ids, so no get-by-id response body is checked; give "
                    "--known-id OPERATION_ID=VALUE (or DLRKIT_KNOWN_IDS)"
                )
            operation = self._operations[operation_id]
            (name,) = [p.name for p in operation.path_parameters]
            exchange = self.call(operation_id, path={name: known_id})
            self.expect(
                exchange.status == 200,
                exchange,
                "known_ids",
                f"{name}={known_id!r} is a sample id of the server, got HTTP {exchange.status}",
            )

        return test_known_id

    def auth_test(self, baseline: Baseline) -> Callable[[str, AuthProbe], None]:
        """Every protected operation refuses no credentials and forged ones with a 401.

        ``baseline`` gives a valid request, so the only thing wrong with a probe is its
        credentials. The 401 response goes through the response checks too, so its body must
        have the provider's documented error shape.
        """
        spec = load_spec(self.provider)
        params = []
        for operation_id, operation in self._operations.items():
            schemes = security_of(spec, operation.definition.raw)
            for probe in probes_for(spec, schemes):
                marks = () if probe.skip is None else (pytest.mark.skip(reason=probe.skip),)
                params.append(
                    pytest.param(
                        operation_id, probe, id=f"{operation_id}-{probe.name}", marks=marks
                    )
                )

        @pytest.mark.parametrize(("operation_id", "probe"), params)
        def test_auth_required(operation_id: str, probe: AuthProbe) -> None:
            """A request without valid credentials gets the provider's 401."""
            request = baseline(self, operation_id)
            given = request.get("path", {})
            path = {
                p.name: given.get(p.name) or self.sample_id(operation_id) or "dlrkit-auth-probe"
                for p in self._operations[operation_id].path_parameters
            }
            exchange = self.call(
                operation_id,
                path=path,
                query=request.get("query"),
                body=request.get("body") or None,
                credentials=probe.headers,
            )
            self.expect(
                exchange.status == 401,
                exchange,
                "auth_required",
                f"{probe.description} got HTTP {exchange.status}; the spec requires "
                f"credentials here, so a 401 was expected",
            )

        return test_auth_required

    def boundary_test(
        self, baseline: Baseline, skip: Mapping[str, str] | None = None
    ) -> Callable[[Boundary], None]:
        """One test per bound of every bounded parameter (see :mod:`._boundaries`).

        ``baseline`` gives a valid request to put each value into; ``skip`` maps boundary ids
        to the reason a bound cannot be shown (the test is skipped with that reason).
        """
        cases = [
            pytest.param(b, id=b.id, marks=_skip_mark(b, (skip or {}).get(b.id)))
            for b in boundaries(load_spec(self.provider))
        ]

        @pytest.mark.parametrize("boundary", cases)
        def test_boundary(boundary: Boundary) -> None:
            """A bound itself is accepted; one step past it is rejected."""
            self.check_boundary(boundary, baseline(self, boundary.operation_id))

        return test_boundary

    def check_boundary(self, boundary: Boundary, request: dict[str, dict[str, Any]]) -> None:
        """Send the baseline request with the boundary value and judge the status."""
        parts = {"path": dict(request.get("path", {})), "query": dict(request.get("query", {}))}
        parts[boundary.location][boundary.name] = boundary.value
        exchange = self.call(
            boundary.operation_id,
            path=parts["path"],
            query=parts["query"],
            body=request.get("body") or None,
        )
        status = exchange.status
        if boundary.expect == "reject":
            ok = status in _REJECTED
            wanted = "a 400/422 rejection"
        else:
            # An unknown id in a path is valid input that names nothing: 404, not a rejection.
            ok = 200 <= status < 300 or (boundary.location == "path" and status == 404)
            wanted = "acceptance (2xx)"
        self.expect(
            ok,
            exchange,
            "boundary_values",
            f"{boundary.name}={_show(boundary.value)} ({boundary.bound}) should get {wanted}, "
            f"got HTTP {status}",
        )


_TITLES = {
    "boundary_values": "Parameter bound not enforced as documented",
    "pagination_consistency": "Pages disagree with their own metadata",
    "reports_returned_once": "A delivery report was returned more than once",
    "update_visible": "An update is not visible in the next read",
    "delete_visible": "A deleted resource is still served",
    "date_window": "Date window not enforced as documented",
    "known_ids": "A known id is not found",
    "batch_limit": "More reports than the limit allows",
    "logs_repeatable": "Message logs changed by being read",
    "cursor_consistency": "The logs cursor repeats or skips rows",
    "versions_agree": "v1 and v3 show a message differently",
    "auth_required": "A request without valid credentials was served",
}


def _title(check: str) -> str:
    return _TITLES.get(check, check.replace("_", " ").capitalize())


def _show(value: int | str) -> str:
    if isinstance(value, str) and len(value) > 12:
        return f"'{value[:3]}...' ({len(value)} chars)"
    return repr(value)


def _skip_mark(boundary: Boundary, reason: str | None) -> tuple[pytest.MarkDecorator, ...]:
    if boundary.location == "path" and boundary.value == "":
        reason = "an empty path segment is a different URL, not a value of this parameter"
    return () if reason is None else (pytest.mark.skip(reason=reason),)


def _drop_invalid_optional_headers(case: Case[Any]) -> None:
    """Remove optional headers that break their own schema from a *positive* case.

    Schemathesis 4.32's coverage phase cannot produce a value for some header patterns (sent.dm's
    UUID-shaped ``x-profile-id`` becomes ``"0"``) and leaves that negative seed in the positive
    cases of the operation, which then fail ``positive_data_acceptance`` for the tool's reason.
    """
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive or not case.headers:
        return
    for parameter in case.operation.headers:
        value = case.headers.get(parameter.name)
        schema = parameter.definition.get("schema", {})
        if parameter.is_required or not isinstance(value, str) or "pattern" not in schema:
            continue
        if not jsonschema_rs.Draft202012Validator(schema).is_valid(value):
            del case.headers[parameter.name]
