"""Entry point: ``python -m spec_diff`` with ``scripts/`` on ``sys.path``."""

import sys

from ._cli import main

sys.exit(main())
