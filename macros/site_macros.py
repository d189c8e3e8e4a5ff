"""mkdocs-macros functions for hand-written pages (loaded through the plugin's ``modules:``).

Hand-written pages call them with the site's delimiters, e.g. ``<!--{{ overview_matrix() }}-->``.
Their output is Markdown that mkdocs-macros does not render again.
"""

from __future__ import annotations

from typing import Any

from macros.dataset import CONFIG_KEY
from macros.render import templates as render


def define_env(env: Any) -> None:
    """Register the macros; the dataset is read from the config when a page calls them."""

    @env.macro
    def overview_matrix(verdicts: bool = True) -> str:
        """The criteria × frameworks matrix; ``verdicts=False`` shows the ratings alone."""
        return render.overview_matrix(env.conf[CONFIG_KEY], verdicts=verdicts)

    @env.macro
    def versions_covered() -> str:
        """The release series each framework page and assessment is written for."""
        return render.versions_covered(env.conf[CONFIG_KEY])

    @env.macro
    def rating_scale() -> str:
        """The rating scale table of the methodology page."""
        return render.rating_scale()
