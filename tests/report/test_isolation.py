"""The report layer stays light: none of its modules imports torch or slither."""

from __future__ import annotations

import subprocess
import sys

MODULES = ["contractml.rules", "contractml.reporters", "contractml.reporters.text",
           "contractml.reporters.json_report", "contractml.reporters.sarif",
           "contractml.reporters.markdown", "contractml.config", "contractml.suppressions",
           "contractml.baseline", "contractml.gitdiff"]


def test_no_torch_or_slither() -> None:
    code = ("import sys\n" + "".join(f"import {m}\n" for m in MODULES)
            + "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
              "('torch', 'slither', 'crytic_compile', 'torch_geometric'))\n"
              "print(','.join(heavy))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == ""
