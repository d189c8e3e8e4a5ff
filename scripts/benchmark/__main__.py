"""Run the benchmark: ``python -m scripts.benchmark --help``."""

from scripts.benchmark.report import main

raise SystemExit(main())
