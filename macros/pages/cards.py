"""Link-preview cards: one PNG per page, at an address derived from the page's, drawn at build time.

A criterion's or use case's card shows each framework's rating and the review dates, an
outcome's its recommendation, every other page its title and description; the card a chat tool
unfurls and the one a wiki embeds (``/cards/criteria/database.png``) are the same file, redrawn
on every build, so an embed stays current. Old ids keep their cards: an alias gets a copy at
its old address, as its page gets a redirect. Drawing is ``macros.render.cards``; cards whose
content did not change come from a cache folder, so ``mkdocs serve`` redraws only what changed.
"""

from __future__ import annotations

import hashlib
import html
import os
import shutil
import threading
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

from macros.model import addresses
from macros.model.coverage import NOT_ASSESSED
from macros.model.dataset import Dataset
from macros.model.models import Criterion, DecisionTree, Framework, Outcome, UseCase
from macros.model.registry import CRITERIA, FRAMEWORKS, USE_CASES
from macros.pages.generated import former_pages
from macros.render import cards as drawing
from macros.render.cards import Card, CardFonts, CardRow

FOLDER = "cards"


def card_file(src_uri: str) -> str:
    """Where a page's card is published: ``criteria/database.md`` -> ``cards/criteria/database.png``."""
    return f"{FOLDER}/{addresses.url(src_uri).strip('/') or 'index'}.png"


def _host(site_url: str) -> str:
    return urlsplit(site_url).netloc or site_url


def _footer(reviewed: Iterable[str], site_url: str) -> str:
    dates = sorted(set(reviewed))
    when = "" if not dates else f"Reviewed {dates[0]}" if len(dates) == 1 else f"Reviewed {dates[0]} to {dates[-1]}"
    return " · ".join(part for part in (when, _host(site_url)) if part)


def _ratings(entity: Criterion | UseCase, kicker: str, dataset: Dataset) -> Card:
    found = entity.assessments
    rows = tuple(
        CardRow(framework.name, found[framework.id].rating.label, found[framework.id].rating.value)
        if framework.id in found else CardRow(framework.name, NOT_ASSESSED.capitalize())
        for framework in dataset.frameworks
    )
    reviewed = (assessment.reviewed.isoformat() for assessment in found.values())
    return Card(kicker, entity.title, rows=rows, footer=_footer(reviewed, dataset.site_url))


def _framework(framework: Framework, dataset: Dataset) -> Card:
    rows = (CardRow("Current series", framework.current_version), CardRow("Latest release", framework.latest_release))
    return Card("Framework", framework.name, framework.summary, rows,
                _footer([framework.reviewed.isoformat()], dataset.site_url))


def _outcome(tree: DecisionTree, outcome: Outcome, dataset: Dataset) -> Card:
    frameworks = [dataset.get(FRAMEWORKS, framework_id) for framework_id in outcome.frameworks]
    rows = tuple(CardRow("Recommended" if index == 0 else "Then", f"{framework.name} {framework.current_version}")
                 for index, framework in enumerate(frameworks))
    return Card(f"Decision: {tree.title}", outcome.title, outcome.summary, rows,
                _footer([tree.reviewed.isoformat()], dataset.site_url))


def entity_cards(dataset: Dataset) -> dict[str, Card]:
    """The cards drawn from data rather than from a page's title, by the page's ``src_uri``."""
    found = {addresses.src_uri(CRITERIA, criterion.id): _ratings(criterion, "Criterion", dataset)
             for criterion in dataset.criteria}
    found |= {addresses.src_uri(USE_CASES, use_case.id): _ratings(use_case, "Use case", dataset)
              for use_case in dataset.use_cases}
    found |= {addresses.src_uri(FRAMEWORKS, framework.id): _framework(framework, dataset)
              for framework in dataset.frameworks}
    found |= {addresses.outcome_uri(tree.id, outcome.id): _outcome(tree, outcome, dataset)
              for tree in dataset.decisions for outcome in tree.outcomes}
    return found


def page_card(title: str, description: str, *, site_name: str, site_url: str) -> Card:
    """Any other page: the site's name, the page's title and its description."""
    return Card(site_name, title, description, footer=_host(site_url))


def former_cards(dataset: Dataset) -> dict[str, str]:
    """Each card address an old id published -> the card now at its entity's address."""
    return {card_file(f"{old}.md"): card_file(f"{new}.md") for old, new in former_pages(dataset).items()}


class CardSet:
    """The cards of one build: collected page by page, drawn once every page is known."""

    def __init__(self, fonts: CardFonts, cache: Path, dataset: Dataset) -> None:
        self.fonts = fonts
        self.cache = cache
        self.dataset = dataset
        self.from_data = entity_cards(dataset)
        self.cards: dict[str, Card] = {}
        drawn_with = hashlib.sha256()  # the drawing code and the fonts: a change to either redraws every card
        for source in (Path(drawing.__file__), fonts.regular, fonts.bold):
            drawn_with.update(source.read_bytes())
        self._drawn_with = drawn_with.digest()

    def meta(self, src_uri: str, title: str, description: str) -> dict[str, str | int]:
        """Register a page's card; what the theme prints in its head, escaped for HTML attributes."""
        home = addresses.url(src_uri) == "/"
        card = self.from_data.get(src_uri) or page_card(
            self.dataset.site_name if home else title, description,
            site_name=self.dataset.site_name, site_url=self.dataset.site_url,
        )
        file = card_file(src_uri)
        self.cards[file] = card
        return {"image": html.escape(f"{self.dataset.site_url.rstrip('/')}/{file}"), "alt": html.escape(card.alt),
                "width": drawing.WIDTH, "height": drawing.HEIGHT}

    def _key(self, card: Card) -> str:
        """Same card, same fonts, same drawing code: same picture."""
        return hashlib.sha256(self._drawn_with + repr(card).encode()).hexdigest()[:24]

    def _draw(self, file: str, card: Card, site_dir: Path) -> None:
        cached = self.cache / f"{self._key(card)}.png"
        if not cached.is_file():
            self.cache.mkdir(parents=True, exist_ok=True)
            partial = cached.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
            partial.write_bytes(drawing.render_png(card, self.fonts))
            partial.replace(cached)  # atomic: parallel builds never read half a card
        target = site_dir / file
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cached, target)

    def write(self, site_dir: Path, aliases: dict[str, str]) -> None:
        """Every card into the built site, then a copy at each old address."""
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            list(pool.map(lambda item: self._draw(*item, site_dir), self.cards.items()))
        for old, current in aliases.items():
            if current in self.cards:
                (site_dir / old).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(site_dir / current, site_dir / old)
