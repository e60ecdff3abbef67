"""A function importable by worker processes (test modules themselves are not)."""

from __future__ import annotations

import os


def pid_and_square(n: int) -> tuple[int, int]:
    return os.getpid(), n * n
