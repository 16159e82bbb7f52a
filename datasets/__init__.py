"""Corpora contractml is trained, evaluated and benchmarked on (read from outside the repo)."""
