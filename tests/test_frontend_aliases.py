"""Base contracts named through import aliases: Slither stops with `AssertionError:
Contract X not found` on an alias of an alias (`import {A as B}` of a name the imported
file itself imported under an alias) and on a module member (`import * as M`, `M.Base`);
the front end hands Slither each base under its declared name, so such files are
analysed (tests/fixtures/aliased-imports, compiled with solc)."""

from __future__ import annotations

from pathlib import Path

from contractml.frontend import canonical_base_names
from tests.conftest import build_dir, reports_by_unit

FIXTURE = Path(__file__).parent / "fixtures" / "aliased-imports"


def test_files_inheriting_through_aliases_are_analysed(tmp_path: Path) -> None:
    reports = reports_by_unit(build_dir(FIXTURE, tmp_path / "cache"))
    assert sorted(reports) == ["contracts/Vault.sol", "contracts/base/VaultBase.sol",
                               "contracts/interfaces/IVault.sol",
                               "contracts/interfaces/Interfaces.sol"]
    for unit, report in reports.items():
        assert report.ok, (unit, report.error)
    vault = reports["contracts/Vault.sol"].record
    base = reports["contracts/base/VaultBase.sol"].record
    assert vault is not None and base is not None
    (vault_contract,) = vault.contracts
    assert vault_contract.name == "Vault"
    assert vault_contract.inherits == ("VaultBase", "IVault")
    (base_contract,) = base.contracts
    assert base_contract.inherits == ("IVault",)
    assert "balanceOf" in {f.name for f in base_contract.functions}


def test_a_base_whose_declared_name_means_another_contract_is_left_as_written() -> None:
    def source(written: str, exported: dict[str, list[int]]) -> dict:
        base = {"nodeType": "InheritanceSpecifier",
                "baseName": {"name": written, "referencedDeclaration": 1}}
        return {"nodeType": "SourceUnit", "exportedSymbols": exported,
                "nodes": [{"nodeType": "ContractDefinition", "id": 9, "name": "C",
                           "baseContracts": [base]}]}

    names = {1: "Base", 2: "Base", 9: "C"}
    renamed = canonical_base_names(source("Outer", {"Outer": [1], "C": [9]}), names)
    assert renamed["nodes"][0]["baseContracts"][0]["baseName"]["name"] == "Base"
    clash = source("Outer", {"Outer": [1], "Base": [2], "C": [9]})
    assert canonical_base_names(clash, names) is clash
    plain = source("Base", {"Base": [1], "C": [9]})
    assert canonical_base_names(plain, names) is plain
