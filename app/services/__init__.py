"""Use cases: each runs in one transaction, enforces roles and validation, returns plain results."""
