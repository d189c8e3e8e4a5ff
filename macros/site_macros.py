"""The mkdocs-macros functions (loaded through the plugin's ``modules:``): the one way pages get content.

Every generated page is a stub that calls one of these (``<!--{{ criterion_page("async") }}-->``),
and hand-written pages call them the same way; rendering is opt-in, per page, with
``render_macros: true`` in its front matter. Each returns Markdown that mkdocs-macros does not
render again, so text from the data is never read as a template.
"""

from __future__ import annotations

from typing import Any

from macros.pages.generated import CONFIG_KEY, ENTITY_PAGES, OUTCOME_MACRO, Site, call
from macros.render import comparison
from macros.render import templates as render


def define_env(env: Any) -> None:
    """Register the macros; each reads this build's Site from the config when a page calls it."""

    def site() -> Site:
        return env.conf[CONFIG_KEY]

    def page_macro(name: str) -> None:
        env.macro(lambda entity_id: site().body(call(name, entity_id)), name)

    for kind in ENTITY_PAGES.values():
        page_macro(kind.macro)

    @env.macro
    def section_index(folder: str) -> str:
        """A section's index page (for claims and the glossary, the whole section)."""
        return site().body(call("section_index", folder))

    @env.macro
    def outcome_page(tree_id: str, outcome_id: str) -> str:
        """One outcome of a decision tree, with its decision record."""
        return site().body(call(OUTCOME_MACRO, tree_id, outcome_id))

    @env.macro
    def master_decision_link() -> str:
        """A Markdown link to the master decision tree, the general "which framework?" walk-through."""
        return render.master_decision_link(site().dataset)

    @env.macro
    def overview_matrix(verdicts: bool = True) -> str:
        """The criteria × frameworks matrix; ``verdicts=False`` shows the ratings alone."""
        return render.overview_matrix(site().dataset, verdicts=verdicts)

    @env.macro
    def versions_covered() -> str:
        """The release series each framework page and assessment is written for."""
        return render.versions_covered(site().dataset)

    @env.macro
    def coverage_table() -> str:
        """Each framework's coverage and its gaps (methodology page, #not-assessed)."""
        return render.coverage_table(site().dataset)

    @env.macro
    def rating_scale() -> str:
        """The rating scale table of the methodology page."""
        return render.rating_scale()

    @env.macro
    def comparison_builder() -> str:
        """The comparison builder: pick and weigh criteria, see and export only those (docs/compare.md)."""
        dataset = site().dataset
        return comparison.comparison_builder(dataset, site_url=dataset.site_url, page_src=env.page.file.src_uri)
