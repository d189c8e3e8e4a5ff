"""Where a page outside the navigation belongs, so the navigation still shows the reader's place.

Only section indexes are in the navigation (``macros/pages/generated.py`` says why); an entity's
page marks its section's entry as active while it renders, as a page in the navigation marks its
own, so the sidebar highlights "Criteria" on ``/criteria/admin/``.
"""

from __future__ import annotations

from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page


def section_entry(page: Page, nav: Navigation) -> Page | None:
    """The navigation's page whose address starts ``page``'s the longest way ('criteria/' for 'criteria/admin/').

    None for a page that is in the navigation itself or under no entry but the home page.
    """
    if any(entry is page for entry in nav.pages):
        return None
    containing = [entry for entry in nav.pages if entry.url and page.url.startswith(entry.url) and entry.url.endswith("/")]
    return max(containing, key=lambda entry: len(entry.url), default=None)
