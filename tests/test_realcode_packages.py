"""The development corpus of scripts/realcode.py: pinned, and free of the packages kept
for evaluation (and of those another corpus uses)."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

from tests.scripts import load_script

#: The evaluation-reserved npm packages, written out here independently of the script.
EVALUATION_RESERVED = (
    "@uniswap/v2-core", "@uniswap/v2-periphery", "@uniswap/v3-core", "@uniswap/v3-periphery",
    "@openzeppelin/contracts-upgradeable", "@chainlink/contracts", "@aave/core-v3",
    "@gnosis.pm/safe-contracts", "@safe-global/safe-contracts", "solmate", "@aragon/os",
)


def _names(module: ModuleType) -> list[str]:
    names = []
    for package in module.load_packages():
        names.append(package.name)
        names += [extra.rpartition("@")[0] for extra in package.extras]
    return names


def test_no_reserved_package_is_installed() -> None:
    module = load_script("realcode")
    names = _names(module)
    assert len(module.load_packages()) == 6
    for name in names:
        assert name not in EVALUATION_RESERVED, name
        assert not name.startswith("@balancer-labs/"), name
        assert not module.is_reserved(name), name
    for name in EVALUATION_RESERVED:
        assert module.is_reserved(name)
    assert module.is_reserved("@balancer-labs/v2-vault")


def test_versions_are_exact_and_a_reserved_entry_is_refused(tmp_path: Path) -> None:
    module = load_script("realcode")
    data = json.loads(module.PACKAGES_FILE.read_text(encoding="utf-8"))
    for entry in data["packages"]:
        assert all(part.isdigit() for part in entry["version"].split(".")), entry
    data["packages"][0]["extras"] = ["solmate@6.2.0"]
    bad = tmp_path / "packages.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="solmate is reserved"):
        module.load_packages(bad)
    data["packages"][0]["extras"] = ["solady@^0.1.0"]
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="not pinned"):
        module.load_packages(bad)
