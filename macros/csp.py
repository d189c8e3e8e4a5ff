"""MkDocs hooks: a Content-Security-Policy in every HTML file the build writes.

Defence in depth: if markup ever slips into a page (a dataset field rendered unescaped, a
compromised dependency writing into the HTML), the browser still refuses to run any script
or load anything from another host. GitHub Pages sets no response headers, so the policy
travels in the page itself, as ``<meta http-equiv="Content-Security-Policy">`` placed before
any script or stylesheet (a browser applies it only to what follows it).

Inline scripts are allowed one by one, by the SHA-256 of their exact text, so the policy of
each page names only the scripts that page really contains (Material's, whose text depends on
the page's depth, and ours in docs/overrides/main.html). Pages are finished in
``on_post_page``, the theme's templates (404.html) in ``on_post_template``, and HTML files that
are not pages (the redirect stubs macros.hooks adds for aliases) in ``on_files``, the last
moment their content can change: each goes through :func:`with_policy`.
"""

from __future__ import annotations

import base64
import hashlib
import logging
from html.parser import HTMLParser

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.csp")

# Styles only from the site's stylesheets: no page carries a <style> element or style attribute
# (flowcharts are drawn at build time with the site's CSS). Scripts may still set styles through
# the CSSOM, which style-src does not govern.
# data: images: Material draws its icons as CSS masks of data: SVGs.
DIRECTIVES = {  # script-src comes from each page
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",  # the search index
    "worker-src": "'self'",  # Material's search runs in a Web Worker
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
}
# Types a browser runs (the HTML standard's JavaScript MIME types, modules) or processes under
# script-src; any other type (application/json, Material's #__config) is data and never runs.
SCRIPT_TYPES = frozenset({
    "", "module", "importmap", "speculationrules",
    "application/ecmascript", "application/javascript", "application/x-ecmascript", "application/x-javascript",
    "text/ecmascript", "text/javascript", "text/javascript1.0", "text/javascript1.1", "text/javascript1.2",
    "text/javascript1.3", "text/javascript1.4", "text/javascript1.5", "text/jscript", "text/livescript",
    "text/x-ecmascript", "text/x-javascript",
})
HTML_SUFFIXES = (".html", ".htm")

# Under `mkdocs serve` the live-reload script MkDocs adds to each response is inline and new every
# time, so no hash can allow it: the preview allows inline scripts and keeps the rest of the policy.
_serving = False


class PageScan(HTMLParser):
    """One pass over a page: its executable inline scripts and where the policy belongs."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.inline_scripts: list[str] = []
        self.policies = 0  # Content-Security-Policy metas already in the page
        self.insert_at: int | None = None  # after <head>, or after <meta charset> if that opens it
        self._html = html
        self._head_open = False  # just after <head>, before its first element
        self._script: list[str] | None = None  # the text of the inline script being read
        self.feed(html)
        self.close()

    def _end_of_tag(self) -> int:
        line, column = self.getpos()  # lines counted by "\n" only, like the parser does
        start = 0
        for _ in range(line - 1):
            start = self._html.index("\n", start) + 1
        return start + column + len(self.get_starttag_text() or "")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "head" and self.insert_at is None:
            self.insert_at, self._head_open = self._end_of_tag(), True
            return
        if self._head_open:  # the charset must stay first: it has to be in the first 1024 bytes
            self._head_open = False
            if tag == "meta" and "charset" in attributes:
                self.insert_at = self._end_of_tag()
        if tag == "meta" and attributes.get("http-equiv", "").lower() == "content-security-policy":
            self.policies += 1
        if tag == "script" and "src" not in attributes and is_executable(attributes):
            self._script = []

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.inline_scripts.append("".join(self._script))
            self._script = None


def is_executable(attributes: dict[str, str]) -> bool:
    """Whether a <script> with these attributes runs (or is processed) rather than holding data."""
    kind = attributes.get("type")
    if kind is None:  # the legacy language attribute names the type when there is none
        kind = f"text/{attributes['language']}" if attributes.get("language") else ""
    return kind.strip().lower() in SCRIPT_TYPES


def script_hash(text: str) -> str:
    """The CSP source allowing an inline script: browsers hash its text after newline normalisation."""
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    return "'sha256-" + base64.b64encode(hashlib.sha256(normalised.encode("utf-8")).digest()).decode("ascii") + "'"


def policy_for(html: str, *, allow_inline_scripts: bool = False) -> str:
    """The policy of one page: scripts from the site itself and exactly the inline scripts it contains."""
    return _policy(PageScan(html), allow_inline_scripts=allow_inline_scripts)


def _policy(scan: PageScan, *, allow_inline_scripts: bool) -> str:
    if allow_inline_scripts:
        scripts = ["'self'", "'unsafe-inline'"]
    else:
        scripts = ["'self'", *dict.fromkeys(script_hash(text) for text in scan.inline_scripts)]
    directives = {"default-src": "'self'", "script-src": " ".join(scripts), **DIRECTIVES}
    return "; ".join(f"{name} {sources}" for name, sources in directives.items())


def with_policy(html: str, *, allow_inline_scripts: bool = False) -> str:
    """The page with its policy as the first thing in <head> (after the charset) that the browser reads."""
    scan = PageScan(html)
    if scan.insert_at is None:
        raise ValueError("an HTML page without <head>: there is nowhere to put its Content-Security-Policy")
    if scan.policies:
        raise ValueError("the page already has a Content-Security-Policy; two would both apply")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{_policy(scan, allow_inline_scripts=allow_inline_scripts)}">'
    return html[: scan.insert_at] + meta + html[scan.insert_at :]


# ----------------------------------------------------------------------------
# Hooks: each kind of HTML file at the last event that sees its final text.
# ----------------------------------------------------------------------------


def on_startup(*, command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"
    if _serving:
        log.info("Content-Security-Policy: inline scripts allowed in the preview, for live reload")


@event_priority(-100)  # after every hook and plugin that adds files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    for file in files.static_pages():
        if file.src_uri.endswith(HTML_SUFFIXES) and file.inclusion.is_included():
            file.content_string = with_policy(file.content_string, allow_inline_scripts=_serving)
    return files


@event_priority(-100)  # after every other change to the page's HTML
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return with_policy(output, allow_inline_scripts=_serving)


@event_priority(-100)
def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    if not template_name.endswith(HTML_SUFFIXES):
        return output_content  # sitemap.xml
    return with_policy(output_content, allow_inline_scripts=_serving)
