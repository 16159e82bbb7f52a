"""A dataset build is redone only when something it reads changed: options, a source
file's bytes, labels, groups or meta, or the code; an output missing a store is never
taken as up to date."""

from __future__ import annotations

import json
from pathlib import Path

from datasets.build import MANIFEST_VERSION, inputs_digest, up_to_date
from datasets.labels import LabelledFile


def _file(tmp_path: Path, text: str = "contract A {}\n", **changes: object) -> LabelledFile:
    path = tmp_path / "a.sol"
    path.write_text(text)
    fields = {"id": "realhosts/a.sol", "corpus": "realhosts", "path": path,
              "labels": {"reentrancy": frozenset({3})}, "groups": ("host:a",),
              "meta": {"solc": "0.4.26"}}
    fields.update(changes)
    return LabelledFile(**fields)  # type: ignore[arg-type]


def test_the_digest_follows_every_input(tmp_path: Path) -> None:
    base = inputs_digest({"seed": 0}, [_file(tmp_path)])
    assert inputs_digest({"seed": 0}, [_file(tmp_path)]) == base
    assert inputs_digest({"seed": 1}, [_file(tmp_path)]) != base
    assert inputs_digest({"seed": 0}, [_file(tmp_path, "contract B {}\n")]) != base
    assert inputs_digest({"seed": 0}, [_file(tmp_path, labels={
        "reentrancy": frozenset({4})})]) != base
    assert inputs_digest({"seed": 0}, [_file(tmp_path, groups=("host:b",))]) != base
    assert inputs_digest({"seed": 0}, [_file(tmp_path, meta={"solc": "0.4.24"})]) != base
    assert inputs_digest({"seed": 0}, []) != base


def test_up_to_date_needs_the_same_digest_and_every_store(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    assert not up_to_date(out, "d")
    manifest = {"version": MANIFEST_VERSION, "inputs_sha256": "d",
                "stats": {"train": {}, "val": {}}}
    (out / "manifest.json").write_text(json.dumps(manifest))
    for split in ("train", "val"):
        for suffix in (".safetensors", ".json"):
            (out / split).with_suffix(suffix).write_text("x")
    assert up_to_date(out, "d")
    assert not up_to_date(out, "e")
    (out / "val.safetensors").unlink()
    assert not up_to_date(out, "d")
