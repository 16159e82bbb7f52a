"""Typed graphs over front-end records (torch_geometric)."""
