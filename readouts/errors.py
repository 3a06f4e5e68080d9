"""Coded errors with one clear sentence each, so that a bad input is reported on one line."""

from __future__ import annotations


class ReadoutsError(Exception):
    """Base of every error the project raises on purpose; ``code`` names the kind."""

    code = "E-READOUTS"

    def __str__(self) -> str:
        return f"{self.args[0] if self.args else self.__class__.__name__} [{self.code}]"
