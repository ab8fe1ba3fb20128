"""``python -m dlrkit_contract``: the same as ``dlrkit contract``."""

from __future__ import annotations

import sys

from dlrkit_contract.cli import main

sys.exit(main(sys.argv[1:]))
