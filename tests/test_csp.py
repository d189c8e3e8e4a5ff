"""Every built HTML file carries one Content-Security-Policy that runs only the site's own scripts.

The policy is checked against the pages as built, with the inline scripts found and hashed again
here (BeautifulSoup and hashlib, not macros.csp), so a page whose scripts changed after its hash
was taken, or a policy that lets other scripts in, fails. test_browser_csp.py checks that a
browser agrees.
"""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from macros.csp import on_post_page, on_startup, policy_for, with_policy
from tests.conftest import FIXTURES, BuiltSite, build_site
from tests.support import parsed

CSP = re.compile("^content-security-policy$", re.IGNORECASE)
# What every page's policy says besides its script hashes; nothing names another origin.
EXPECTED = {
    "default-src": ["'self'"],
    "style-src": ["'self'"],  # no <style> element or style attribute on any page
    "img-src": ["'self'", "data:"],  # Material's icons are data: SVG masks
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}
HASH = re.compile(r"^'sha256-[A-Za-z0-9+/]{43}='$")
# The script types the built pages may use: ones a browser runs, and JSON it never runs.
RUN = {"", "text/javascript", "module"}
DATA = {"application/json"}


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def directives(policy: str) -> dict[str, list[str]]:
    return {name: sources for name, *sources in (part.split() for part in policy.split(";") if part.strip())}


def script_src_of(html: str) -> list[str]:
    return directives(policy_for(html))["script-src"]


def policy_in(html: str) -> dict[str, list[str]]:
    meta = BeautifulSoup(html, "html.parser").find("meta", attrs={"http-equiv": CSP})
    assert meta is not None
    return directives(str(meta["content"]))


def problems(path: Path) -> list[str]:
    """What is wrong with one built file's policy; empty when it is right."""
    raw = path.read_text(encoding="utf-8")
    soup = parsed(path)
    metas = soup.find_all("meta", attrs={"http-equiv": CSP})
    if len(metas) != 1:
        return [f"{len(metas)} Content-Security-Policy metas"]
    meta, head = metas[0], soup.head
    found: list[str] = []
    assert isinstance(head, Tag)
    in_head = head.find_all(True)
    before = in_head[: next(index for index, element in enumerate(in_head) if element is meta)]
    if meta.parent is not head or any(element.name != "meta" or not element.has_attr("charset") for element in before):
        found.append(f"the policy comes after {[element.name for element in before]}")
    if raw.find("charset") > 1024:
        found.append("the charset is no longer in the first 1024 bytes")
    policy = directives(str(meta["content"]))
    scripts = policy.pop("script-src", [])
    if policy != EXPECTED:
        found.append(f"directives other than script-src differ: {policy}")
    if scripts[:1] != ["'self'"] or not all(HASH.match(source) for source in scripts[1:]):
        found.append(f"script-src allows more than the site and hashes: {scripts}")
    types = {str(script.get("type", "")).strip().lower() for script in soup.find_all("script")}
    if types - RUN - DATA:
        found.append(f"scripts of types this test does not know whether a browser runs: {types - RUN - DATA}")
    inline = [script.string or "" for script in soup.find_all("script", src=False) if script.get("type", "") not in DATA]
    if set(scripts[1:]) != {sha256(text) for text in inline}:
        found.append(f"script-src hashes {scripts[1:]} are not those of the {len(inline)} inline scripts")
    blocked = [
        f"{element.name} {name}" for element in soup.find_all(True) for name, value in element.attrs.items()
        if name.lower().startswith("on") or str(value).strip().lower().startswith("javascript:")
    ]
    if blocked:
        found.append(f"inline event handlers or javascript: URLs, which the policy blocks: {blocked}")
    return found


def site_problems(site_dir: Path) -> dict[str, list[str]]:
    pages = sorted(site_dir.rglob("*.html"))
    assert pages
    return {str(path.relative_to(site_dir)): found for path in pages if (found := problems(path))}


@pytest.fixture(scope="module")
def aliased_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The smallest dataset with an alias, so the build writes a redirect page (the real site has none yet)."""
    data = tmp_path_factory.mktemp("aliased") / "data"
    shutil.copytree(FIXTURES / "minimal" / "data", data)
    admin = data / "criteria" / "admin.yaml"
    admin.write_text(admin.read_text().replace("id: admin\n", "id: admin\naliases: [back-office]\n", 1))
    return build_site(data.parent / "site", data_dir=data)


# ----------------------------------------------------------------------------
# The built sites
# ----------------------------------------------------------------------------


def test_every_page_of_the_site_has_one_policy_allowing_exactly_its_inline_scripts(site: BuiltSite) -> None:
    assert site_problems(site.site_dir) == {}
    assert (site.site_dir / "404.html").is_file()


def test_redirect_pages_have_the_policy_too(aliased_site: BuiltSite) -> None:
    redirect = aliased_site.site_dir / "criteria" / "back-office" / "index.html"
    assert 'location.replace("../admin/" + location.search + location.hash)' in redirect.read_text()
    assert site_problems(aliased_site.site_dir) == {}


def test_a_page_allows_the_inline_scripts_material_and_the_overrides_put_in_it(site: BuiltSite) -> None:
    scripts = policy_in(str(site.page("criteria/admin/")))["script-src"]
    assert sha256('document.documentElement.classList.replace("no-js", "js")') in scripts
    assert len(scripts) == 1 + 4  # 'self', ours, and Material's scope, palette and tab scripts


# ----------------------------------------------------------------------------
# policy_for and with_policy
# ----------------------------------------------------------------------------


def test_only_executable_inline_scripts_are_hashed_in_order_and_once() -> None:
    html = (
        '<head><script>a()</script><script type="application/json">{"b": 1}</script>'
        '<script src="c.js"></script><script type=" Text/JavaScript ">d()</script></head>'
        '<body><script type="module">e()</script><script>a()</script><script type="text/x-template">f</script></body>'
    )
    assert script_src_of(html) == ["'self'", sha256("a()"), sha256("d()"), sha256("e()")]


def test_a_script_is_hashed_as_the_browser_reads_it() -> None:
    assert script_src_of("<head><script>if (a &amp;&amp; b) c()</script>") == ["'self'", sha256("if (a &amp;&amp; b) c()")]
    assert script_src_of("<head><script>a()\r\nb()\rc()</script>") == ["'self'", sha256("a()\nb()\nc()")]
    assert script_src_of('<head><script>d("é")</script>') == ["'self'", sha256('d("é")')]


def test_the_policy_never_allows_inline_or_evaluated_scripts() -> None:
    policy = policy_for('<head><script>a()</script></head><body><img src=x onerror="b()"></body>')
    assert "'unsafe-eval'" not in policy
    assert "'unsafe-inline'" not in directives(policy)["script-src"]
    assert {name: sources for name, sources in directives(policy).items() if name != "script-src"} == EXPECTED


def test_the_policy_is_the_first_thing_in_head_after_the_charset() -> None:
    page = with_policy('<!doctype html>\n<html>\n  <head>\n    <meta charset="utf-8">\n    <script>a()</script>')
    policy = '<meta http-equiv="Content-Security-Policy" content="[^"]+">'
    assert re.match(f'<!doctype html>\n<html>\n  <head>\n    <meta charset="utf-8">{policy}\n    <script>', page)
    page = with_policy('<html><head class="x"><title>t</title><meta charset="utf-8"></head></html>')
    assert page.startswith('<html><head class="x"><meta http-equiv="Content-Security-Policy" content="')


def test_a_page_without_head_or_with_a_policy_already_fails_the_build() -> None:
    with pytest.raises(ValueError, match="without <head>"):
        with_policy("<p>no head</p>")
    with pytest.raises(ValueError, match="already has"):
        with_policy(with_policy("<head></head>"))


def test_mkdocs_serve_allows_its_live_reload_script() -> None:
    html = "<head><script>a()</script></head>"
    try:
        on_startup(command="serve", dirty=False)
        served = policy_in(on_post_page(html, page=None, config=None))  # type: ignore[arg-type]
    finally:
        on_startup(command="build", dirty=False)
    assert served["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy_in(on_post_page(html, page=None, config=None))["script-src"] == ["'self'", sha256("a()")]  # type: ignore[arg-type]


def test_the_check_catches_a_script_changed_after_its_hash_was_taken(site: BuiltSite, tmp_path: Path) -> None:
    page = tmp_path / "index.html"
    page.write_text((site.site_dir / "index.html").read_text().replace('"no-js", "js"', '"no-js", "scripted"'))
    assert [problem for problem in problems(page) if "are not those of the" in problem]
