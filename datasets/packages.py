"""Which npm packages the dataset build may read, and which it never may.

Three disjoint lists:

- `TRAINING_PACKAGES`: audited packages whose real functions host injected defects and
  give real negatives (`datasets/mutants.py`, `datasets/realhosts.py`); each is fetched
  with `npm pack` at the pinned version, without its npm dependencies.
- `DEVELOPMENT_CORPUS`: the production-code development corpus (another part of the
  project measures false positives on it); a package there is never a training host.
- `RESERVED`: evaluation packages; never installed, read or used, not even as a
  dependency.

`check_package_list` raises when a list names a package of the other lists, so a build
whose package list breaks the rule stops before fetching anything.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Package:
    """One npm package at a pinned version and the folders of it that are read."""

    key: str  # short name used in file ids and split groups
    name: str  # npm name
    version: str
    folders: tuple[str, ...]
    #: path words (as `mutants.usable_source` splits them) whose files are skipped on top
    #: of the common ones, e.g. a folder that copies a reserved package
    skip: tuple[str, ...] = ()

    @property
    def spec(self) -> str:
        return f"{self.name}@{self.version}"


TRAINING_PACKAGES: tuple[Package, ...] = (
    Package("across", "@across-protocol/contracts", "5.0.27", ("contracts",),
            skip=("external",)),
    Package("pendle", "@pendle/core-v2", "6.11.0", ("contracts",)),
    Package("yield-vault", "@yield-protocol/vault-v2", "0.18.5", ("contracts",)),
    Package("yield-utils", "@yield-protocol/utils-v2", "2.6.18", ("src",)),
    Package("ens", "@ensdomains/ens", "0.4.5", ("contracts",)),
    # `uniswapv2/` is a copy of the reserved @uniswap/v2-core: never read
    Package("sushiswap", "@sushiswap/core", "1.4.2", ("contracts",), skip=("uniswapv",)),
    Package("aave", "@aave/protocol-v2", "1.0.1", ("contracts",)),
)

#: The production-code development corpus (exactly these packages).
DEVELOPMENT_CORPUS: frozenset[str] = frozenset({
    "@openzeppelin/contracts", "solady", "@uniswap/v4-core", "@morpho-org/morpho-blue",
    "@eth-optimism/contracts-bedrock", "@layerzerolabs/lz-evm-protocol-v2",
})

#: Evaluation packages: never installed, read or used. A name ending in `/*` reserves
#: the whole npm scope.
RESERVED: frozenset[str] = frozenset({
    "@uniswap/v2-core", "@uniswap/v2-periphery", "@uniswap/v3-core", "@uniswap/v3-periphery",
    "@openzeppelin/contracts-upgradeable", "@chainlink/contracts", "@aave/core-v3",
    "@gnosis.pm/safe-contracts", "@safe-global/safe-contracts", "solmate",
    "@rari-capital/solmate", "@balancer-labs/*", "@aragon/os",
})


def is_reserved(name: str) -> bool:
    """Whether an npm package name is reserved for evaluation (exact or by scope)."""
    return name in RESERVED or any(
        r.endswith("/*") and name.startswith(r[:-1]) for r in RESERVED)


def check_package_list(packages: tuple[Package, ...] = TRAINING_PACKAGES) -> None:
    """Raise ValueError when a training package is reserved, is in the development
    corpus, or appears twice."""
    names = [p.name for p in packages]
    bad = sorted({n for n in names if is_reserved(n) or n in DEVELOPMENT_CORPUS})
    if bad:
        raise ValueError(f"training packages that must never be hosts: {', '.join(bad)}")
    if len(set(names)) != len(names) or len({p.key for p in packages}) != len(packages):
        raise ValueError("a training package is listed twice")
