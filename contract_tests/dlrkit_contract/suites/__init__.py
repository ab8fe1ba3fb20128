"""The per-provider contract test modules, run by :func:`dlrkit_contract.run`."""
