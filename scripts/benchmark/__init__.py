"""The site benchmark, ``python -m scripts.benchmark``: ``builds``, ``weight`` and ``lighthouse`` measure, ``report`` runs."""
