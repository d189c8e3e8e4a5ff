"""pytest set-up for the code examples only.

Django is configured here, not in the repository's pytest configuration, so the
site's other tests never load it. The pinned framework versions come from
requirements.txt, like every other dependency.
"""

import os
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def pytest_configure(config):
    import django

    sys.path.insert(0, str(EXAMPLES / "django"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "exampleproject.settings"
    # pytest-django sets Django up itself when this conftest is loaded at start-up
    # (pytest tests/examples); when it is found later, during collection, do it here.
    django.setup()
