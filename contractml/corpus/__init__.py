"""`contractml corpus`: scan a whole corpus of independent units on a Ray cluster.

`units` finds the units and their hashes, `plan` groups them into tasks by compiler
version, `worker` scans one task (in a Ray actor that keeps the model loaded), `output`
reads and appends the JSON-lines file, `run` drives it all, `summary` reports on it.
Nothing here imports Ray or torch at import time.
"""
