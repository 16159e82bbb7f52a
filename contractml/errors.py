"""Errors a user can cause, and the exit codes the CLI documents for them.

Every error that reaches the CLI as a ``ContractmlError`` is printed as one line
(``contractml: error: ...``) and the process exits with its ``exit_code``; no traceback.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    #: `scan`: something at or above --fail-on was found.
    FINDINGS = 1
    #: bad usage or configuration, or nothing at all could be compiled.
    USAGE = 2
    #: `compile`: some files compiled, some did not (each is listed with its reason).
    PARTIAL = 3


class ContractmlError(Exception):
    """An error with a message meant for the user."""

    exit_code: ExitCode = ExitCode.USAGE

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ConfigError(ContractmlError):
    """Bad flags, paths or configuration files."""


class NoCompilerError(ContractmlError):
    """No backend can provide a solc that the sources need."""


class CompilerError(ContractmlError):
    """A compiler backend failed in a way that is not the source's fault."""


class ModelError(ContractmlError):
    """A model file that is missing, damaged, tampered with, or built for other features."""
