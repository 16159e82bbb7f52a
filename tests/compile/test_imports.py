"""Import directives, solc's import path resolution, and project discovery."""

from __future__ import annotations

from pathlib import Path

import pytest

from contractml.compile.imports import (
    apply_remappings,
    build_graph,
    find_imports,
    resolve_unit_name,
)
from contractml.compile.project import Remapping, discover
from contractml.errors import ConfigError
from tests.conftest import (
    FIXTURES,
    write_sources,
)

# --------------------------------------------------------------------------- find_imports


@pytest.mark.parametrize(("source", "expected"), [
    ('import "a.sol";', ["a.sol"]),
    ("import 'single.sol';", ["single.sol"]),
    ('import "lib/c.sol" as C;', ["lib/c.sol"]),
    ('import * as D from "d.sol";', ["d.sol"]),
    ('import {x, y as z} from "./e.sol";', ["./e.sol"]),
    ('import {\n    P,\n    Q as R\n} from "../g.sol";', ["../g.sol"]),
    ("import {A} from '@oz/contracts/A.sol';", ["@oz/contracts/A.sol"]),
    ('import Sym from "sym.sol";', ["sym.sol"]),
])
def test_find_imports_forms(source: str, expected: list[str]) -> None:
    assert find_imports(f"pragma solidity ^0.8.0;\n{source}\ncontract K {{}}\n") == expected


def test_find_imports_keeps_order_and_skips_comments() -> None:
    source = """\
// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;
import "first.sol";
// import "line_comment.sol";
/* import "block_comment.sol";
   import 'still_in_block.sol'; */
/// import "natspec.sol";
import {B} from 'second.sol'; // import "trailing.sol";
import * as T from "third.sol";
contract C { string constant URL = "http://example.com/x"; }
"""
    assert find_imports(source) == ["first.sol", "second.sol", "third.sol"]


def test_find_imports_none() -> None:
    assert find_imports("pragma solidity ^0.8.0;\ncontract Important {}\n") == []


@pytest.mark.parametrize(("source", "expected"), [
    ('import"b.sol";', ["b.sol"]),
    ('import*as D from"c.sol";', ["c.sol"]),
])
def test_find_imports_without_whitespace(source: str, expected: list[str]) -> None:
    # solc accepts both (checked with solc 0.8.x): no whitespace is needed around strings.
    assert find_imports(f"pragma solidity ^0.8.0;\n{source}\n") == expected


def test_find_imports_ignores_string_literals() -> None:
    source = ("pragma solidity ^0.8.0;\n"
              "contract S { string constant HINT = 'import \"missing.sol\";'; }\n")
    assert find_imports(source) == []


# --------------------------------------------------------------------------- resolution


@pytest.mark.parametrize(("import_path", "importer", "expected"), [
    ("./B.sol", "contracts/A.sol", "contracts/B.sol"),
    ("./B.sol", "A.sol", "B.sol"),
    ("./sub/./B.sol", "contracts/A.sol", "contracts/sub/B.sol"),
    ("../B.sol", "contracts/sub/A.sol", "contracts/B.sol"),
    ("../../x/B.sol", "contracts/sub/deep/A.sol", "contracts/x/B.sol"),
    ("../contracts/B.sol", "contracts/A.sol", "contracts/B.sol"),
    # Not relative: the import path is the unit name (directory of importer unused).
    ("lib/B.sol", "contracts/A.sol", "lib/B.sol"),
])
def test_resolve_relative_paths(import_path: str, importer: str, expected: str) -> None:
    assert resolve_unit_name(import_path, importer, ()) == expected


def test_resolve_longest_prefix_wins() -> None:
    remappings = [Remapping.parse("@oz/=node_modules/oz/"),
                  Remapping.parse("@oz/contracts/=vendor/oz-contracts/"),
                  Remapping.parse("@o=wrong/")]
    assert resolve_unit_name("@oz/contracts/token/T.sol", "src/A.sol", remappings) == \
        "vendor/oz-contracts/token/T.sol"
    assert resolve_unit_name("@oz/utils/U.sol", "src/A.sol", remappings) == \
        "node_modules/oz/utils/U.sol"
    # Order of the remappings does not matter.
    assert resolve_unit_name("@oz/contracts/token/T.sol", "src/A.sol",
                             list(reversed(remappings))) == "vendor/oz-contracts/token/T.sol"
    # No remapping matches: unchanged.
    assert resolve_unit_name("other/X.sol", "src/A.sol", remappings) == "other/X.sol"


def test_resolve_context_remapping() -> None:
    remappings = [Remapping.parse("dep/=lib/dep-v2/"),
                  Remapping.parse("lib/old:dep/=lib/dep-v1/")]
    assert remappings[1] == Remapping(prefix="dep/", target="lib/dep-v1/", context="lib/old")
    # Importers inside the context get the context's remapping...
    assert resolve_unit_name("dep/D.sol", "lib/old/Uses.sol", remappings) == "lib/dep-v1/D.sol"
    # ...all others the global one.
    assert resolve_unit_name("dep/D.sol", "src/Uses.sol", remappings) == "lib/dep-v2/D.sol"
    # A context remapping beats a longer prefix without context (solc: context first).
    remappings.append(Remapping.parse("dep/sub/=lib/sub-global/"))
    assert apply_remappings("dep/sub/S.sol", "lib/old/Uses.sol", remappings) == \
        "lib/dep-v1/sub/S.sol"
    assert apply_remappings("dep/sub/S.sol", "src/Uses.sol", remappings) == \
        "lib/sub-global/S.sol"


def test_relative_import_is_remapped_after_joining() -> None:
    remappings = [Remapping.parse("contracts/shared/=lib/shared/")]
    assert resolve_unit_name("./shared/S.sol", "contracts/A.sol", remappings) == \
        "lib/shared/S.sol"


def test_remapping_parse_errors() -> None:
    with pytest.raises(ConfigError, match="expected 'prefix=target'"):
        Remapping.parse("no-equals-sign")
    with pytest.raises(ConfigError, match="empty prefix"):
        Remapping.parse("=target/")
    assert str(Remapping.parse(" ctx:a/=b/ ")) == "ctx:a/=b/"


# --------------------------------------------------------------------------- discover


FOUNDRY = FIXTURES / "foundry"
HARDHAT = FIXTURES / "hardhat"


def _relative(paths: tuple[Path, ...], root: Path) -> list[str]:
    return [p.relative_to(root).as_posix() for p in paths]


def test_discover_foundry_skips_tests_and_scripts() -> None:
    project = discover([FOUNDRY])
    assert project.kind == "foundry"
    assert project.root == FOUNDRY
    assert _relative(project.targets, FOUNDRY) == ["src/Vault.sol", "src/utils/Math.sol"]
    assert all(t.is_absolute() for t in project.targets)
    notices = " ".join(project.notices)
    assert "test/" in notices and "script/" in notices
    assert FOUNDRY / "lib" in project.include_paths
    # Nothing from lib/ is a target.
    assert not any("lib" in t.relative_to(FOUNDRY).parts for t in project.targets)


def test_discover_foundry_remappings_from_both_files() -> None:
    project = discover([FOUNDRY])
    by_prefix = {r.prefix: r for r in project.remappings}
    # tokenlib/ is in remappings.txt and foundry.toml: kept once.
    assert [r.prefix for r in project.remappings].count("tokenlib/") == 1
    assert by_prefix["tokenlib/"].target == "lib/tokenlib/src/"
    # @ownable/ is only in foundry.toml.
    assert by_prefix["@ownable/"].target == "lib/tokenlib/src/"


def test_discover_foundry_keep_tests() -> None:
    project = discover([FOUNDRY], keep_tests=True)
    assert _relative(project.targets, FOUNDRY) == [
        "script/Deploy.s.sol", "src/Vault.sol", "src/utils/Math.sol", "test/Vault.t.sol"]
    assert not any("skipped" in n for n in project.notices)


def test_discover_foundry_single_file_and_subfolder() -> None:
    single = discover([FOUNDRY / "src" / "Vault.sol"])
    assert single.kind == "foundry" and single.root == FOUNDRY
    assert single.targets == (FOUNDRY / "src" / "Vault.sol",)
    assert {r.prefix for r in single.remappings} >= {"tokenlib/", "@ownable/"}
    sub = discover([FOUNDRY / "src" / "utils"])
    assert sub.root == FOUNDRY
    assert sub.targets == (FOUNDRY / "src" / "utils" / "Math.sol",)
    assert sub.unit_name(sub.targets[0]) == "src/utils/Math.sol"


def test_foundry_first_remapping_wins_and_auto_remaps_lib(tmp_path: Path) -> None:
    write_sources(tmp_path, {
        "foundry.toml": '[profile.default]\nremappings = ["b/=from-toml/", "a/=toml-a/"]\n',
        "remappings.txt": "# comment line\na/=from-txt/  # trailing comment\n\n",
        "src/X.sol": "pragma solidity ^0.8.0;\ncontract X {}\n",
        "lib/dep/src/D.sol": "pragma solidity ^0.8.0;\ncontract D {}\n",
        "lib/flat/F.sol": "pragma solidity ^0.8.0;\ncontract F {}\n",
    })
    project = discover([tmp_path])
    assert project.kind == "foundry"
    by_prefix = {r.prefix: r.target for r in project.remappings}
    assert by_prefix["a/"] == "from-txt/"  # remappings.txt comes first
    assert by_prefix["b/"] == "from-toml/"
    assert by_prefix["dep/"] == "lib/dep/src/"  # Foundry's automatic lib remappings
    assert by_prefix["flat/"] == "lib/flat/"
    assert _relative(project.targets, tmp_path) == ["src/X.sol"]


def test_discover_bad_foundry_toml(tmp_path: Path) -> None:
    write_sources(tmp_path, {"foundry.toml": "[profile.default\n", "A.sol": "contract A {}"})
    with pytest.raises(ConfigError, match="not valid TOML"):
        discover([tmp_path])


def test_discover_hardhat() -> None:
    project = discover([HARDHAT])
    assert project.kind == "hardhat"
    assert project.root == HARDHAT
    assert project.include_paths == (HARDHAT / "node_modules",)
    assert _relative(project.targets, HARDHAT) == ["contracts/Market.sol",
                                                   "contracts/Token.sol"]
    assert not any("node_modules" in t.parts for t in project.targets)
    assert any("test/" in n for n in project.notices)
    # A package under node_modules gets its package path as unit name.
    base = HARDHAT / "node_modules/@acme/tokens/contracts/BaseToken.sol"
    assert project.unit_name(base) == "node_modules/@acme/tokens/contracts/BaseToken.sol"


def test_hardhat_graph_resolves_node_modules() -> None:
    project = discover([HARDHAT])
    graph = build_graph(project, project.targets)
    assert graph.missing == ()
    assert graph.edges["contracts/Market.sol"] == ("@acme/tokens/contracts/BaseToken.sol",
                                                   "contracts/Token.sol")
    assert graph.files["@acme/tokens/contracts/BaseToken.sol"] == \
        HARDHAT / "node_modules/@acme/tokens/contracts/BaseToken.sol"
    # BaseToken's own relative import resolves inside the package.
    assert "@acme/tokens/contracts/IBaseToken.sol" in graph.closure("contracts/Token.sol")


def test_foundry_graph_reports_missing_forge_std() -> None:
    project = discover([FOUNDRY], keep_tests=True)
    graph = build_graph(project, project.targets)
    assert graph.files["lib/tokenlib/src/Ownable.sol"] == \
        FOUNDRY / "lib/tokenlib/src/Ownable.sol"
    assert sorted(graph.missing) == [("script/Deploy.s.sol", "forge-std/Script.sol"),
                                     ("test/Vault.t.sol", "forge-std/Test.sol")]
    assert graph.closure("src/Vault.sol") == [
        "src/Vault.sol", "lib/tokenlib/src/IERC20Like.sol", "lib/tokenlib/src/Ownable.sol",
        "src/utils/Math.sol"]


def test_discover_plain_folder(tmp_path: Path) -> None:
    body = "pragma solidity ^0.8.0;\ncontract C {}\n"
    write_sources(tmp_path, {
        "b.sol": body, "a.sol": body, "sub/c.sol": body, "test/t.sol": body,
        "node_modules/pkg/n.sol": body, "lib/dep/l.sol": body, ".git/g.sol": body,
        "out/o.sol": body, "notes.txt": "not solidity",
    })
    project = discover([tmp_path])
    assert project.kind == "plain"
    assert project.root == tmp_path
    # Sorted; node_modules/ and build folders left out; lib/ (no foundry.toml, no
    # remapping into it) analysed; test/ kept outside a framework.
    assert _relative(project.targets, tmp_path) == ["a.sol", "b.sol", "lib/dep/l.sol",
                                                   "sub/c.sol", "test/t.sol"]
    assert project.remappings == ()
    assert project.notices == ("dependency folders not analysed (read for imports only): "
                               "node_modules/",)


def test_discover_plain_extra_remappings_and_several_paths(tmp_path: Path) -> None:
    body = "pragma solidity ^0.8.0;\ncontract C {}\n"
    write_sources(tmp_path, {"one/a.sol": body, "two/b.sol": body, "two/c.sol": body})
    project = discover([tmp_path / "two" / "c.sol", tmp_path / "one"],
                       extra_remappings=["x/=two/"])
    assert project.kind == "plain"
    assert project.root == tmp_path  # the common folder of the paths
    assert _relative(project.targets, tmp_path) == ["one/a.sol", "two/c.sol"]
    assert project.remappings == (Remapping(prefix="x/", target="two/"),)


def test_discover_missing_path(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such file or folder"):
        discover([tmp_path / "does-not-exist"])


def test_discover_non_solidity_file() -> None:
    with pytest.raises(ConfigError, match=r"not a Solidity \(\.sol\) file"):
        discover([FOUNDRY / "foundry.toml"])
