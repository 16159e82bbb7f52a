"""Solidity compiler versions: a release triple, and the releases we know of.

``SOLCJS_VERSIONS`` lists every release of the npm package ``solc`` (solc-js) from
0.4.0 on; ``ALL_SOLC_VERSIONS`` adds the native-only releases, for matching a
compiler that is already installed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "ALL_SOLC_VERSIONS",
    "SOLCJS_VERSIONS",
    "STANDARD_JSON_MIN",
    "Version",
    "npm_tag",
]

# "0.8.26", "v0.8.26", "0.8.26+commit.abcdef12.Linux.g++", "0.8.7-fixed".
_VERSION_RE = re.compile(
    r"v?(?P<major>0|[1-9]\d*)\.(?P<minor>0|[1-9]\d*)\.(?P<patch>0|[1-9]\d*)"
    r"(?:-fixed)?(?:\+\S*)?"
)


@dataclass(frozen=True, order=True)
class Version:
    """A release version ``major.minor.patch``; ordered numerically."""

    major: int
    minor: int
    patch: int

    @classmethod
    def parse(cls, text: str) -> Version:
        """Parse ``"0.8.26"``, ``"v0.8.26"``, ``"0.8.26+commit.xxx"`` or ``"0.8.7-fixed"``.

        Raises ``ValueError`` on anything else (including pre-releases such as
        ``"0.8.0-nightly.2021.1.1"``, which are not the release they name).
        """
        match = _VERSION_RE.fullmatch(text.strip())
        if match is None:
            raise ValueError(f"not a solc release version: {text!r}")
        return cls(int(match["major"]), int(match["minor"]), int(match["patch"]))

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}.{self.patch}"


def _series(minor: int, last_patch: int, skip: frozenset[int] = frozenset()) -> list[Version]:
    """All ``0.<minor>.<patch>`` for ``patch`` in ``0..last_patch``, minus ``skip``."""
    return [Version(0, minor, p) for p in range(last_patch + 1) if p not in skip]


#: Every release of the npm package ``solc`` from 0.4.0 on, ascending.
#: 0.4.12 was never published to npm.
SOLCJS_VERSIONS: tuple[Version, ...] = tuple(
    _series(4, 26, skip=frozenset({12}))
    + _series(5, 17)
    + _series(6, 12)
    + _series(7, 6)
    + _series(8, 37)
)

#: Every solc release from 0.4.0 on (npm's plus the native-only 0.4.12), ascending.
ALL_SOLC_VERSIONS: tuple[Version, ...] = tuple(sorted({*SOLCJS_VERSIONS, Version(0, 4, 12)}))

#: The first release whose soljson has the standard-JSON interface.
STANDARD_JSON_MIN = Version(0, 4, 11)

# Releases whose npm package was republished under a "-fixed" version; that one is
# the one to install.
_NPM_FIXED = frozenset({Version(0, 8, 7), Version(0, 8, 14), Version(0, 8, 23)})


def npm_tag(version: Version) -> str:
    """The npm version of ``solc`` to install for ``version`` (``"0.8.7-fixed"``, ...)."""
    return f"{version}-fixed" if version in _NPM_FIXED else str(version)
