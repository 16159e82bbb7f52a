"""The deployed samples of scripts/deployed_probe.py: drawn the same way every time, the
later ones outside the earlier ones, and the rest what no sample drew."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.scripts import load_script


@pytest.fixture(scope="module")
def contracts() -> tuple[list[Path], dict[Path, str]]:
    """6,000 made-up contract paths: a third hold `[]`, a half pay out, as text."""
    paths = [Path(f"/wild/0x{n:040x}.sol") for n in range(6000)]
    texts = {p: ("uint[] a;" if n % 3 == 0 else "") + (" x.transfer(1);" if n % 2 else "")
             for n, p in enumerate(paths)}
    return paths, texts


def test_samples_are_seeded_and_partition_the_rest(
        contracts: tuple[list[Path], dict[Path, str]]) -> None:
    module = load_script("deployed_probe")
    paths, texts = contracts

    def draw(name: str) -> list[Path]:
        return module.sample(name, list(reversed(paths)), texts.__getitem__)

    s70, s71, s72, s73, rest = (draw(n) for n in ("s70", "s71", "s72", "s73", "rest"))
    assert (len(s70), len(s71), len(s72), len(s73)) == (600, 1200, 1200, 1200)
    assert all("[]" in texts[p] for p in s71)
    assert all(".transfer(" in texts[p] for p in s72)
    earlier = set(s70) | set(s71) | set(s72)
    assert not earlier & set(s73)
    assert set(rest) == set(paths) - earlier - set(s73)
    assert draw("all") == sorted(paths)
    # the same draw whatever order the files come in
    assert module.sample("s73", paths, texts.__getitem__) == s73
    with pytest.raises(ValueError, match="unknown sample"):
        draw("s99")
