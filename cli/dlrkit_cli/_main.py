"""The ``dlrkit`` command.

``dlrkit serve PROVIDER`` runs one reference server on a real port until SIGINT or SIGTERM;
``dlrkit contract ...`` hands its arguments to the contract suite. Both import their packages
(``dlrkit_servers`` and uvicorn, ``dlrkit_contract``) only when run: the CLI is the app layer
(its own package, ``dlrkit_cli``), and the client library never depends on the servers.

Exit codes: 0 after a clean shutdown, 1 when the server cannot listen, 2 for bad arguments or a
missing optional dependency.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import logging
import math
import os
import signal
import socket
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import uvicorn
    from dlrkit_servers import ReferenceServer

__all__ = ["main"]

_PROVIDERS_HELP = "mailersend, sentdm, infobip or routee"
_LOG_LEVELS = ("critical", "error", "warning", "info", "debug")
_SHUTDOWN_GRACE_SECONDS = 5
# dlrkit_servers._callback_args' defaults and bounds, copied for the same reason (pinned too).
_CALLBACK_RATE = 20.0
_CALLBACK_RETRY_DELAY = 5.0
_MAX_CALLBACK_RATE = 10_000.0
_MAX_CALLBACK_RETRY_DELAY = 3_600.0
_CALLBACK_FLAGS = {
    "callback_url": "--callback-url",
    "callback_secret": "--callback-secret",
    "callback_rate": "--callback-rate",
    "callback_retry_delay": "--callback-retry-delay",
}
# dlrkit_servers._registry.MAX_SIZE, copied so that parsing imports no server code (a test pins it).
_MAX_SIZE = 20_000


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``dlrkit`` command with ``argv`` (default ``sys.argv[1:]``); return the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["contract"]:
        return _contract(args[1:])
    parser, serve_parser = _parsers()
    try:
        options = parser.parse_args(args)
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else 2
    if options.command == "serve":
        return _serve(serve_parser, options)
    parser.print_help(sys.stderr)
    return 2


def _parsers() -> tuple[argparse.ArgumentParser, argparse.ArgumentParser]:
    parser = argparse.ArgumentParser(
        prog="dlrkit", description="Reference servers and contract tests for dlrkit."
    )
    parser.add_argument("--version", action="version", version=f"dlrkit {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    serve = commands.add_parser(
        "serve",
        help="run one provider's reference server on a port",
        description=(
            "Run a provider's stateful reference server until SIGINT/SIGTERM. Prints the base URL "
            "and sample ids for each get-by-id operation once it is listening."
        ),
    )
    serve.add_argument("provider", metavar="PROVIDER", help=_PROVIDERS_HELP)
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    serve.add_argument(
        "--port", type=_port, default=8000, help="port to bind; 0 picks a free one (default 8000)"
    )
    serve.add_argument(
        "--token", help="API token clients must send (default: $DLRKIT_TOKEN); not for routee"
    )
    serve.add_argument("--app-id", help="routee application id (default: $DLRKIT_APP_ID)")
    serve.add_argument(
        "--app-secret", help="routee application secret (default: $DLRKIT_APP_SECRET)"
    )
    serve.add_argument("--seed", type=_seed, default=0, help="data set seed (default 0)")
    serve.add_argument(
        "--now", type=_instant, help="pin the server clock, e.g. 2025-01-31T12:00:00Z"
    )
    serve.add_argument(
        "--size",
        type=_size,
        metavar="N",
        help=(
            f"build the data set from N messages, 1-{_MAX_SIZE}; list rows grow in proportion "
            "(default per provider: mailersend 320, about 2,320 activity rows; sentdm 260 "
            "contacts and messages; infobip 500 reports; routee 2000, about 2,800 tracking parts)"
        ),
    )
    serve.add_argument(
        "--log-level", choices=_LOG_LEVELS, default="warning", help="default warning"
    )
    _callback_arguments(serve)
    commands.add_parser(
        "contract",
        help="run the contract suite (needs dlrkit[contract]); see `dlrkit contract --help`",
        add_help=False,
    )
    return parser, serve


def _callback_arguments(serve: argparse.ArgumentParser) -> None:
    group = serve.add_argument_group(
        "callbacks",
        "Push the data set's status changes to URL as the provider would: its body shapes, "
        "signing, batching and success rule; its attempts and timeout. The waits between "
        "attempts are --callback-retry-delay, not the providers' own (printed at startup): "
        "MailerSend retries 'a couple of times, waiting 10 seconds' (rest unknown); sent.dm "
        "retry_count 1-5 attempts, intervals undocumented; Infobip 1 min + n^2 min; Routee "
        "12 retries over about 24 h (or 'up to 5').",
    )
    group.add_argument(
        "--callback-url", metavar="URL", help="absolute http(s) URL to POST callbacks to"
    )
    group.add_argument(
        "--callback-secret",
        metavar="SECRET",
        help=(
            "signing secret (default: $DLRKIT_CALLBACK_SECRET, else a random one, printed): "
            "mailersend any printable text, sentdm whsec_ + base64; infobip and routee sign "
            "nothing and refuse one"
        ),
    )
    group.add_argument(
        "--callback-rate",
        metavar="N",
        type=_rate,
        default=_CALLBACK_RATE,
        help=f"most POSTs per second, retries included (default {_CALLBACK_RATE:g})",
    )
    group.add_argument(
        "--callback-retry-delay",
        metavar="SECONDS",
        type=_retry_delay,
        default=_CALLBACK_RETRY_DELAY,
        help=f"wait before retrying a failed POST (default {_CALLBACK_RETRY_DELAY:g})",
    )


def _finite(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _rate(text: str) -> float:
    value = _finite(text)
    if value is None or not 0 < value <= _MAX_CALLBACK_RATE:
        raise argparse.ArgumentTypeError(
            f"invalid rate {text!r}: expected a number > 0 and <= {_MAX_CALLBACK_RATE:g}"
        )
    return value


def _retry_delay(text: str) -> float:
    value = _finite(text)
    if value is None or not 0 <= value <= _MAX_CALLBACK_RETRY_DELAY:
        raise argparse.ArgumentTypeError(
            f"invalid delay {text!r}: expected seconds from 0 to {_MAX_CALLBACK_RETRY_DELAY:g}"
        )
    return value


def _version() -> str:
    from importlib.metadata import version

    return version("dlrkit")


def _port(text: str) -> int:
    if text.isdecimal() and int(text) <= 65535:
        return int(text)
    raise argparse.ArgumentTypeError(f"invalid port {text!r}: expected 0-65535")


def _seed(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid seed {text!r}: expected an integer") from None


def _size(text: str) -> int:
    if text.isdecimal() and 1 <= int(text) <= _MAX_SIZE:
        return int(text)
    raise argparse.ArgumentTypeError(f"invalid size {text!r}: expected an integer 1-{_MAX_SIZE}")


def _instant(text: str) -> datetime:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        value = None
    if value is None or value.utcoffset() is None:
        raise argparse.ArgumentTypeError(
            f"invalid time {text!r}: expected ISO-8601 with a timezone, e.g. 2025-01-31T12:00:00Z"
        )
    return value


def _usage_error(parser: argparse.ArgumentParser, message: str) -> int:
    parser.print_usage(sys.stderr)
    print(f"{parser.prog}: error: {message}", file=sys.stderr)
    return 2


def _credentials(options: argparse.Namespace, kind: str) -> dict[str, str] | str:
    """Return create_app keyword credentials, or an error message (never showing a secret)."""
    flags = {"token": "--token", "app_id": "--app-id", "app_secret": "--app-secret"}
    env = {"token": "DLRKIT_TOKEN", "app_id": "DLRKIT_APP_ID", "app_secret": "DLRKIT_APP_SECRET"}
    wanted = ("token",) if kind == "token" else ("app_id", "app_secret")
    for name, flag in flags.items():
        if name not in wanted and getattr(options, name) is not None:
            needs = " and ".join(flags[other] for other in wanted)
            return f"argument {flag}: {options.provider} takes {needs}, not {flag}"
    found: dict[str, str] = {}
    for name in wanted:
        value = getattr(options, name)
        if value is None:
            value = os.environ.get(env[name])
        if value is None:
            return f"argument {flags[name]}: required for {options.provider} (or set {env[name]})"
        if not value or value != value.strip() or not value.isprintable():
            return f"argument {flags[name]}: must be printable text without surrounding spaces"
        found[name] = value
    return found


def _serve(parser: argparse.ArgumentParser, options: argparse.Namespace) -> int:
    try:
        import dlrkit_servers
        import uvicorn
    except ImportError as exc:
        print(f"dlrkit serve needs the serve extra: install dlrkit[serve] ({exc})", file=sys.stderr)
        return 2
    try:
        kind = dlrkit_servers.credential_kind(options.provider)
    except ValueError:
        return _usage_error(
            parser, f"argument PROVIDER: invalid choice {options.provider!r} ({_PROVIDERS_HELP})"
        )
    credentials = _credentials(options, kind)
    if isinstance(credentials, str):
        return _usage_error(parser, credentials)
    secret = options.callback_secret
    if secret is None and options.callback_url is not None:
        secret = os.environ.get("DLRKIT_CALLBACK_SECRET")
    try:
        server = dlrkit_servers.create_app(
            options.provider,
            **credentials,
            seed=options.seed,
            now=options.now,
            size=options.size,
            callback_url=options.callback_url,
            callback_secret=secret,
            callback_rate=options.callback_rate,
            callback_retry_delay=options.callback_retry_delay,
            callback_process=True,  # POSTs from a child process: sending never slows the API
        )
    except ImportError as exc:
        print(f"dlrkit serve: no reference server for {options.provider}: {exc}", file=sys.stderr)
        return 2
    except ValueError as exc:  # create_app's messages name the argument, never a secret
        return _usage_error(parser, _flag_message(str(exc)))
    try:
        sock = _bind(options.host, options.port)
    except OSError as exc:
        print(
            f"dlrkit serve: cannot listen on {options.host}:{options.port}: {exc}", file=sys.stderr
        )
        return 1
    host = f"[{options.host}]" if ":" in options.host else options.host
    origin = f"http://{host}:{sock.getsockname()[1]}"
    config = uvicorn.Config(
        server.app,
        log_config=None,
        log_level=options.log_level,
        access_log=False,
        lifespan="on",
        interface="asgi3",
        proxy_headers=False,
        server_header=False,
        timeout_graceful_shutdown=_SHUTDOWN_GRACE_SECONDS,
    )
    logging.basicConfig(
        level=options.log_level.upper(),
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    started = _run(config, sock, on_ready=lambda: _announce(server, origin))
    return 0 if started else 1


def _flag_message(message: str) -> str:
    """Name the flag, not create_app's keyword, in an error about a callback argument."""
    for keyword, flag in _CALLBACK_FLAGS.items():
        if message.startswith(keyword + " "):
            return f"argument {flag}: {message}"
    return message


def _announce(server: ReferenceServer, origin: str) -> None:
    print(server.describe(origin), flush=True)
    sender = server.callbacks
    if sender is not None:
        print(sender.describe(), flush=True)
        if sender.secret is not None:
            # The issue asks for it: the real secret comes from the provider's dashboard, and
            # the receiver under test needs this one to verify what it gets.
            print(f"callback signing secret: {sender.secret}", flush=True)
    print("Press Ctrl+C to stop.", file=sys.stderr, flush=True)


def _bind(host: str, port: int) -> socket.socket:
    """Bind before uvicorn starts, so ``--port 0`` yields the real port to print."""
    family, kind, proto, _, address = socket.getaddrinfo(
        host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
    )[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
    except OSError:
        sock.close()
        raise
    return sock


@contextlib.contextmanager
def _signals_end_quietly() -> Iterator[None]:
    """Make SIGINT/SIGTERM no-ops around uvicorn, which re-raises them after a clean shutdown.

    uvicorn installs its own handlers while it serves and, once stopped, re-sends the signal it
    caught to the handlers it found; finding these no-ops, the process exits with code 0
    instead of dying from the signal.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {sig: signal.signal(sig, _ignore) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _ignore(signum: int, frame: FrameType | None) -> None:
    """Swallow a signal that uvicorn has already acted on."""


def _run(config: uvicorn.Config, sock: socket.socket, on_ready: Callable[[], None]) -> bool:
    """Serve on ``sock`` until a signal; call ``on_ready`` once listening. True if it started."""
    import uvicorn

    class Server(uvicorn.Server):
        async def startup(self, sockets: list[socket.socket] | None = None) -> None:
            await super().startup(sockets=sockets)
            if self.started:
                on_ready()

    server = Server(config)
    with _signals_end_quietly():
        try:
            server.run(sockets=[sock])
        except SystemExit:  # uvicorn exits this way when startup fails; it logged why
            return False
    return server.started


def _contract(args: list[str]) -> int:
    if "--receiver-self-test" in args:
        return _receiver_self_test([a for a in args if a != "--receiver-self-test"])
    try:
        module = importlib.import_module("dlrkit_contract.cli")
    except ImportError as exc:
        print(
            f"dlrkit contract needs the contract extra: install dlrkit[contract] ({exc})",
            file=sys.stderr,
        )
        return 2
    run: Callable[[list[str]], int] = module.main
    return run(args)


def _receiver_self_test(args: list[str]) -> int:
    """``dlrkit contract PROVIDER|all --receiver-self-test``: the receiver suite's self-test.

    Lives here, not in dlrkit_contract, because the correct receiver is
    `dlrkit.callbacks.receiver`, which the suite may not import. Exit 0 when every correct
    receiver passes and each broken variant is caught, 1 otherwise, 2 for usage errors.
    """
    parser = argparse.ArgumentParser(
        prog="dlrkit contract --receiver-self-test",
        description="Serve dlrkit.callbacks.receiver and three broken wrappers of it on "
        "127.0.0.1 and run `dlrkit contract --receiver` against each.",
    )
    parser.add_argument("provider", metavar="PROVIDER", help=f"{_PROVIDERS_HELP}, or all")
    parser.add_argument("--max-examples", type=int, default=8, help="per webhook (default 8)")
    parser.add_argument("--seed", type=_seed, default=0, help="default 0")
    parser.add_argument(
        "--report", default="reports/receiver-selftest.json", help="JSON table (%(default)s)"
    )
    try:
        options = parser.parse_args(args)
        from dlrkit import callbacks
        from dlrkit_contract import PROVIDERS, Settings
        from dlrkit_contract.receiver_selftest import run_receiver_selftest
        from dlrkit_contract.selftest import render_detection
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else 2
    except ImportError as exc:
        print(
            f"dlrkit contract needs the contract extra: install dlrkit[contract] ({exc})",
            file=sys.stderr,
        )
        return 2
    providers = list(PROVIDERS) if options.provider == "all" else [options.provider]
    if not set(providers) <= set(PROVIDERS) or options.max_examples < 1:
        return _usage_error(
            parser, f"argument PROVIDER: {_PROVIDERS_HELP} or all; --max-examples at least 1"
        )

    def make(provider: str, secret: str | None) -> object:
        return callbacks.receiver(provider, lambda events: None, secret=secret)

    settings = Settings.resolve(
        seed=options.seed, max_examples=options.max_examples, profile="ci", environ={}
    )
    table = run_receiver_selftest(make, settings, providers=providers, stream=sys.stdout)
    print(render_detection(table))
    table.write_json(Path(options.report))
    print(f"detection table written to {options.report}")
    return 0 if table.ok else 1
