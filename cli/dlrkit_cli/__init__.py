"""dlrkit_cli: the ``dlrkit`` command (``dlrkit serve``, ``dlrkit contract``, ``--version``).

The app layer on top of the library, the servers and the contract suite: it lives apart
from the ``dlrkit`` package so the client library never reaches the other two. It imports
them lazily, inside the command, so ``dlrkit --help`` needs neither extra installed.
"""

from dlrkit_cli._main import main

__all__ = ["main"]
