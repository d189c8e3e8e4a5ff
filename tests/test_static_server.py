"""The loopback server the browser tests and Lighthouse use compresses text as GitHub Pages does."""

from __future__ import annotations

import gzip
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from scripts.static_server import serve


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "page").mkdir()
    (tmp_path / "page" / "index.html").write_text("<p>" + "text " * 200 + "</p>", encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG" + bytes(300))
    return tmp_path


def get(url: str, accept_gzip: bool = True) -> tuple[dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if accept_gzip else {})
    with urllib.request.urlopen(request) as response:
        return dict(response.headers), response.read()


def test_text_is_sent_gzipped_to_a_client_that_accepts_it(site: Path) -> None:
    with serve(site) as base:
        headers, body = get(base + "page/")
    assert headers["Content-Encoding"] == "gzip"
    assert headers["Content-Type"] == "text/html"
    assert int(headers["Content-Length"]) == len(body) < 200
    assert gzip.decompress(body) == (site / "page" / "index.html").read_bytes()


def test_images_and_clients_without_gzip_get_the_file_as_it_is(site: Path) -> None:
    with serve(site) as base:
        image_headers, image = get(base + "logo.png")
        plain_headers, plain = get(base + "page/", accept_gzip=False)
    assert "Content-Encoding" not in image_headers and image == (site / "logo.png").read_bytes()
    assert "Content-Encoding" not in plain_headers and plain == (site / "page" / "index.html").read_bytes()


def test_a_folder_without_its_slash_redirects_and_a_missing_file_is_404(site: Path) -> None:
    with serve(site) as base:
        headers, _ = get(base + "page")  # urllib follows the redirect
        assert headers["Content-Encoding"] == "gzip"
        with pytest.raises(urllib.error.HTTPError, match="404"):
            get(base + "missing/")
