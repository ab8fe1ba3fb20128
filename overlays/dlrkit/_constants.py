"""Defaults shared by the overlay: timeouts, retry policy and pagination bounds."""

import httpx

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
DEFAULT_MAX_RETRIES = 3
# A longer Retry-After is not waited for: the caller gets the 429 and its `retry_after` at once.
DEFAULT_RETRY_AFTER_CAP = 60.0
WAIT_INITIAL = 0.5
WAIT_MAX = 8.0
WAIT_JITTER = 1.0
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
DEFAULT_MAX_PAGES = 10_000
# The request extension where the retry transport counts the attempts it made.
ATTEMPTS_EXTENSION = "dlrkit.attempts"
# The request extension where an auth flow lists credentials the request's headers don't show
# (Routee's Basic app credentials behind a bearer token), so errors redact them too.
CREDENTIALS_EXTENSION = "dlrkit.credentials"
