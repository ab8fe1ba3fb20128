"""`dlrkit contract`: run the contract suite and print the conformance table.

Exit status: 0 when every tested server conforms, 1 when something failed (or, with
``--require-coverage``, when the verdict has gaps), 2 for bad usage (unknown provider,
missing or refused credentials, unreachable target, a base URL without the spec's base path),
130 when interrupted (Ctrl-C): no verdict is given for what did not finish.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlsplit

from dlrkit_contract._settings import PROFILES, Settings, SettingsError
from dlrkit_contract._specs import PROVIDERS
from dlrkit_contract._target import check_credential_kind, check_known_ids

__all__ = ["build_parser", "main"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of `dlrkit contract`."""
    parser = argparse.ArgumentParser(
        prog="dlrkit contract",
        description=(
            "Test a provider API against its OpenAPI spec with Schemathesis: every operation, "
            "positive and negative data, OpenAPI links, and provider rules the schema cannot "
            "express. Without --base-url the embedded reference server is tested in-process."
        ),
        epilog=(
            "Environment variables supply the same settings (options win): DLRKIT_BASE_URL, "
            "DLRKIT_TOKEN, DLRKIT_APP_ID, DLRKIT_APP_SECRET, DLRKIT_MAX_EXAMPLES, DLRKIT_SEED, "
            "DLRKIT_CONTRACT_PROFILE, DLRKIT_KNOWN_IDS. Exit status: 0 conforms, 1 failures (or "
            "gaps with --require-coverage), 2 usage error or refused credentials, 130 interrupted."
        ),
    )
    parser.add_argument("provider", choices=[*PROVIDERS, "all"], help="provider to test, or all")
    parser.add_argument(
        "--base-url",
        help="test a server over HTTP at this URL, including its base path "
        "(as `dlrkit serve` prints it, e.g. http://127.0.0.1:8000/v1 for mailersend)",
    )
    parser.add_argument("--token", help="API token (mailersend, sentdm, infobip)")
    parser.add_argument("--app-id", help="application id (routee)")
    parser.add_argument("--app-secret", help="application secret (routee)")
    parser.add_argument(
        "--max-examples", type=int, help="fuzzed examples per operation (scales the run)"
    )
    parser.add_argument("--seed", type=int, help="seed for every generator (printed on each run)")
    parser.add_argument(
        "--profile", choices=sorted(PROFILES), help="size preset (default: default)"
    )
    parser.add_argument(
        "--junit-xml",
        type=Path,
        help="also write a JUnit XML report here (seed, replay line, curl lines, and the "
        "console's failure count)",
    )
    parser.add_argument(
        "--known-id",
        action="append",
        metavar="OPERATION_ID=VALUE",
        help="an id the target has, for a get-by-id operation (repeatable; or DLRKIT_KNOWN_IDS "
        "as op=value,op=value): checked by the known-ids test, used by the stateful run and "
        "in fuzzed path parameters, so a remote run reaches the 2xx responses",
    )
    parser.add_argument(
        "--require-coverage",
        action="store_true",
        help="exit 1 when the verdict has gaps: an operation that never answered 2xx, or a "
        "test skipped at run time (for CI)",
    )
    parser.add_argument(
        "--allow-unknown-status",
        action="store_true",
        help="accept status values outside the spec's documented enums",
    )
    receiver = parser.add_argument_group(
        "callback receivers",
        "With --receiver the suite plays the provider and contract-tests your callback "
        "endpoint instead of an API: valid signed callbacks from the spec's webhooks must get "
        "a 2xx (Routee: 200), duplicates too; forged, tampered, wrong-secret, stale (sent.dm), "
        "unsigned (MailerSend, sent.dm) and malformed ones a 4xx.",
    )
    receiver.add_argument(
        "--receiver", metavar="URL", help="the absolute http(s) URL your app receives callbacks on"
    )
    receiver.add_argument(
        "--receiver-secret",
        metavar="SECRET",
        help="the signing secret your receiver verifies with: required for mailersend and "
        "sentdm (whsec_...), refused for infobip and routee (or DLRKIT_RECEIVER_SECRET, "
        "which unsigned providers ignore); never printed",
    )
    receiver.add_argument(
        "--receiver-timeout",
        metavar="SECONDS",
        type=float,
        default=10.0,
        help="seconds each request may take before it counts as a hang (default %(default)g)",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="run the suite against deliberately broken reference servers instead, and "
        "write the detection table to --report",
    )
    parser.add_argument(
        "--report",
        type=Path,
        default=Path("reports/selftest.json"),
        help="where --self-test writes its JSON detection table (default: %(default)s)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run `dlrkit contract` with ``argv`` (without the program name); return the exit status."""
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as stop:  # --help, or argparse's own usage error (already printed)
        return stop.code if isinstance(stop.code, int) else EXIT_USAGE
    providers = list(PROVIDERS) if args.provider == "all" else [args.provider]
    if args.receiver is not None or args.receiver_secret is not None:
        return _receiver(args)
    try:
        settings = Settings.resolve(
            base_url=args.base_url,
            token=args.token,
            app_id=args.app_id,
            app_secret=args.app_secret,
            max_examples=args.max_examples,
            seed=args.seed,
            profile=args.profile,
            junit_xml=args.junit_xml,
            allow_unknown_status=args.allow_unknown_status,
            require_coverage=args.require_coverage,
            known_ids=args.known_id,
        )
        check_known_ids(providers, settings)
        if settings.base_url is not None and len(providers) > 1:
            raise SettingsError("--base-url names one server; give one provider, not all")
        if len(providers) == 1:
            check_credential_kind(providers[0], settings)
        if args.self_test:
            return _self_test(providers, settings, args.report)
        return _contract(providers, settings)
    except SettingsError as error:
        print(f"dlrkit contract: error: {error}", file=sys.stderr)
        return EXIT_USAGE


def _usage(message: str) -> int:
    print(f"dlrkit contract: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def _receiver_url(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return url


def _receiver(args: argparse.Namespace) -> int:
    """Check the receiver options (exit 2 on misuse, never echoing the secret), then run."""
    from dlrkit_contract._signing import SIGNED, SecretError, check_secret

    provider = args.provider
    if args.receiver is None:
        return _usage("argument --receiver-secret: only with --receiver URL")
    if provider == "all":
        return _usage("argument --receiver: names one receiver; give one provider, not all")
    conflicts = [
        flag
        for flag, given in [
            ("--base-url", args.base_url),
            ("--token", args.token),
            ("--app-id", args.app_id),
            ("--app-secret", args.app_secret),
            ("--known-id", args.known_id),
            ("--self-test", args.self_test),
            ("--require-coverage", args.require_coverage),
            ("--allow-unknown-status", args.allow_unknown_status),
        ]
        if given
    ]
    if conflicts:
        return _usage(f"argument --receiver: not with {', '.join(conflicts)} (those test an API)")
    url = _receiver_url(args.receiver)
    if url is None:
        return _usage(
            f"argument --receiver: must be an absolute http(s) URL, got {args.receiver!r}"
        )
    if not args.receiver_timeout > 0:
        return _usage(f"argument --receiver-timeout: must be > 0, got {args.receiver_timeout:g}")
    secret = args.receiver_secret
    if provider in SIGNED:
        secret = secret or os.environ.get("DLRKIT_RECEIVER_SECRET") or None
        if secret is None:
            return _usage(
                f"argument --receiver-secret: required for {provider}, which signs its "
                "callbacks (or set DLRKIT_RECEIVER_SECRET)"
            )
        try:
            check_secret(provider, secret)
        except SecretError as error:
            return _usage(f"argument --receiver-secret: {error}")
    elif secret is not None:
        return _usage(
            f"argument --receiver-secret: {provider} signs nothing, so there is no secret to test"
        )
    try:
        settings = Settings.resolve(
            max_examples=args.max_examples,
            seed=args.seed,
            profile=args.profile,
            junit_xml=args.junit_xml,
        ).with_(receiver_url=url, receiver_secret=secret, receiver_timeout=args.receiver_timeout)
    except SettingsError as error:
        return _usage(str(error))
    from dlrkit_contract._receiver import run_receiver
    from dlrkit_contract._report import render_run
    from dlrkit_contract._schema import TargetError

    print(
        f"dlrkit contract: {provider} callback receiver at {url} (seed {settings.seed}, "
        f"{settings.max_examples} examples per webhook, profile {settings.profile})",
        flush=True,
    )
    try:
        result = run_receiver(provider, settings)
    except TargetError as error:
        return _usage(str(error))
    except KeyboardInterrupt:
        print("dlrkit contract: interrupted; no verdict", file=sys.stderr)
        return EXIT_INTERRUPTED
    print(render_run(result), flush=True)
    if settings.junit_xml is not None:
        from dlrkit_contract._junit import write_junit

        write_junit(result, settings.junit_xml)
    return EXIT_OK if result.ok else EXIT_FAILED


def _contract(providers: list[str], settings: Settings) -> int:
    from dlrkit_contract._report import render_run
    from dlrkit_contract._runner import run
    from dlrkit_contract._schema import TargetError

    where = "embedded reference server" if settings.embedded else settings.base_url
    print(
        f"dlrkit contract: {', '.join(providers)} against {where} "
        f"(seed {settings.seed}, {settings.max_examples} examples per operation, "
        f"profile {settings.profile})",
        flush=True,
    )
    try:
        result = run(providers, settings)
    except TargetError as error:
        print(f"dlrkit contract: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("dlrkit contract: interrupted before any test ran; no verdict", file=sys.stderr)
        return EXIT_INTERRUPTED
    print(render_run(result), flush=True)
    if result.interrupted:
        print("dlrkit contract: interrupted; no verdict", file=sys.stderr)
        return EXIT_INTERRUPTED
    return EXIT_OK if result.ok else EXIT_FAILED


def _self_test(providers: list[str], settings: Settings, report: Path) -> int:
    from dlrkit_contract.selftest import render_detection, run_selftest

    if not settings.embedded:
        raise SettingsError("--self-test wraps the embedded servers; drop --base-url")
    # The short CI pass stops each variant at its first failure; elsewhere they run in full.
    fail_fast = settings.profile == "ci"
    table = run_selftest(settings, providers=providers, fail_fast=fail_fast, stream=sys.stdout)
    print(render_detection(table))
    table.write_json(report)
    print(f"detection table written to {report}")
    return EXIT_OK if table.ok else EXIT_FAILED
