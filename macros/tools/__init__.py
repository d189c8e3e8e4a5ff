"""Contributor tools behind the command line: derived files, annotations and freshness, affected pages."""
