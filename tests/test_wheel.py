"""The built wheel carries every template and static asset, and a database served
from it (immutable, with inspect counts and the demo metadata) shows the timeline
with every asset it references: no 404, nothing from another host.

The wheel is built from a copy of the sources and installed, without its
dependencies, into a fresh virtual environment; the dependencies come from the
environment running the tests (through a path entry, so the editable install of
this checkout is not picked up). TIMELINE_WHEEL_ONLINE=1 installs the
dependencies from the package index instead.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import zipfile
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import httpx
import pytest

from .conftest import EXAMPLES, ROOT, datasette_server

PACKAGE = ROOT / "datasette_timeline"
ONLINE = os.environ.get("TIMELINE_WHEEL_ONLINE") == "1"
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")
_JS_IMPORT = re.compile(r"""(?:\bimport\b[^"'();]*?|\bimport\s*\()\s*["']([^"']+)["']""")

pytestmark = pytest.mark.slow


def package_data_files() -> list[str]:
    """Every non-Python file of the package (templates, static assets, data)."""
    return sorted(
        path.relative_to(ROOT).as_posix()
        for path in PACKAGE.rglob("*")
        if path.is_file() and path.suffix not in {".py", ".pyc"} and "__pycache__" not in path.parts
    )


# Run outside the checkout and without PYTHONPATH, so nothing imports its sources.
OUTSIDE = {
    "cwd": tempfile.gettempdir(),
    "env": {k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
}


def run(*command: str | Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(part) for part in command], capture_output=True, text=True, timeout=300, **OUTSIDE
    )
    assert result.returncode == 0, f"{command}: {result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        if (ROOT / name).exists():
            shutil.copy(ROOT / name, source / name)
    shutil.copytree(
        PACKAGE,
        source / PACKAGE.name,
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
    )
    dist = tmp_path_factory.mktemp("dist")
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", dist, source)
    (built,) = dist.glob("datasette_timeline-*.whl")
    return built


@pytest.fixture(scope="module")
def fresh_python(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    venv = tmp_path_factory.mktemp("venv") / "fresh"
    run(sys.executable, "-m", "venv", "--without-pip", venv)
    python = venv / "bin" / "python"
    pip = [sys.executable, "-m", "pip", "--python", python, "install", "-q"]
    if ONLINE:
        run(*pip, wheel)
    else:
        run(*pip, "--no-deps", "--no-index", wheel)
        purelib = Path(
            run(
                python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"
            ).stdout.strip()
        )
        # A plain path entry: the .pth files there (this checkout's editable
        # install among them) are not run, so the package can only come from the wheel.
        (purelib / "test-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    where = run(python, "-c", "import datasette_timeline; print(datasette_timeline.__file__)")
    assert Path(where.stdout.strip()).is_relative_to(venv), where.stdout
    return python


def test_wheel_carries_every_template_and_static_asset(wheel: Path):
    expected = package_data_files()
    assert any("/templates/" in name for name in expected)
    assert any("/static/" in name for name in expected)
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
        assert "datasette_timeline" in archive.read(entry_points).decode()
    missing = [name for name in expected if name not in names]
    assert not missing, f"not in the wheel: {missing}"


@pytest.fixture(scope="module")
def server(fresh_python: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The demo database, built by the wheel's own command, served immutable."""
    folder = tmp_path_factory.mktemp("served")
    database = folder / "demo.db"  # the name metadata.json describes
    cli = fresh_python.parent / "datasette-timeline"
    run(cli, "extract", database, EXAMPLES, "-q")
    inspect_file = folder / "counts.json"
    run(fresh_python, "-m", "datasette", "inspect", database, "--inspect-file", inspect_file)
    with datasette_server(
        *("-i", database, "--inspect-file", inspect_file, "-m", ROOT / "metadata.json"),
        python=fresh_python,
        startup_seconds=60,
        **OUTSIDE,
    ) as base:
        yield base


class _Loads(HTMLParser):
    """The URLs a page makes the browser load: scripts, stylesheets, icons, images."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "link" and values.get("rel") in {
            "stylesheet",
            "icon",
            "preload",
            "modulepreload",
        }:
            self.urls.append(values.get("href", ""))
        elif tag in {"script", "img", "iframe", "source", "video", "audio"} and values.get("src"):
            self.urls.append(values["src"])


def assets_of(page_url: str, html: str) -> list[str]:
    parser = _Loads()
    parser.feed(html)
    return [urljoin(page_url, url) for url in parser.urls]


def test_served_timeline_and_every_asset_it_references(server: str):
    page_url = f"{server}/demo/events/-/timeline"
    with httpx.Client(timeout=30) as client:
        page = client.get(page_url)
        assert page.status_code == 200, page.text[:500]
        assert '<li class="event"' in page.text, "the timeline shows no event"
        pending = assets_of(page_url, page.text)
        assert any(url.endswith(".css") for url in pending)
        assert any(urlsplit(url).path.endswith(".js") for url in pending)
        fetched: set[str] = set()
        while pending:
            url = pending.pop()
            if url in fetched:
                continue
            fetched.add(url)
            assert urlsplit(url).netloc == urlsplit(server).netloc, f"external asset {url}"
            response = client.get(url)
            assert response.status_code == 200, f"{url}: {response.status_code}"
            path = urlsplit(url).path
            if path.endswith(".css"):
                pending += [
                    urljoin(url, ref)
                    for ref in _CSS_URL.findall(response.text)
                    if not ref.startswith("data:")
                ]
            elif path.endswith(".js"):
                pending += [urljoin(url, ref) for ref in _JS_IMPORT.findall(response.text)]
    assert len(fetched) >= 2


def test_inspect_counts_are_served(server: str):
    data = httpx.get(f"{server}/-/databases.json", timeout=10).json()
    databases = data["databases"] if isinstance(data, dict) else data  # 1.0 wraps the list
    demo = next(database for database in databases if database["name"] == "demo")
    assert demo["is_mutable"] is False
    plugins = httpx.get(f"{server}/-/plugins.json", timeout=10).json()
    assert any(plugin["name"] in {"datasette-timeline", "datasette_timeline"} for plugin in plugins)
