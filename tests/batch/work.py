"""A function importable by worker processes (test modules themselves are not)."""

from __future__ import annotations

import os
import time


def pid_and_square(n: int) -> tuple[int, int]:
    return os.getpid(), n * n


WARMED_UP: list[bool] = []


def set_warm_up_flag() -> None:
    WARMED_UP.append(True)


def flag_set_by_warm_up(_: object) -> tuple[int, bool]:
    return os.getpid(), bool(WARMED_UP)


def square_unless_negative(n: int) -> int:
    """Never returns for a negative number, where no timer interrupts it."""
    while n < 0:
        time.sleep(0.05)
    return n * n


def no_warm_up() -> None:
    pass
