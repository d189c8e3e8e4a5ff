"""Helpers for scripts/benchmark.py that are not measurements themselves."""
