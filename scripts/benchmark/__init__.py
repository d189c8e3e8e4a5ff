"""The site benchmark: build times, growth with the dataset and page weight, reported in BENCHMARK.md.

Run with ``make benchmark`` or ``.venv/bin/python -m scripts.benchmark``; ``__main__`` says what a run
measures. Each measurement module holds its measurement, its section of the report and, where the
project has one, its target; ``report`` puts them together.
"""
