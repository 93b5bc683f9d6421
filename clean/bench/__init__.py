"""Benchmarks for the cleaner: ``python -m clean.bench quality --data DIR``."""
