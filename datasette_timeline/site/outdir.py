"""The export's folder: a new site replaces only the files an earlier export wrote.

A site is first written to a staging folder beside OUTDIR, so a failed export leaves
OUTDIR as it was. Then its files are moved in, and the files listed in the earlier
export's manifest that the new site no longer has are removed. Everything else in OUTDIR
(``CNAME``, ``.nojekyll``, ``.git``, a README the user added) is kept.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import Any

MARKER = ".datasette-timeline-site"


class OutdirError(Exception):
    """OUTDIR cannot take the site; the message says why."""


def check_outdir(outdir: Path) -> set[str] | None:
    """The files of the earlier export in ``outdir`` (None when there is none), or an
    OutdirError when the folder cannot take a site."""
    if outdir.is_symlink():
        raise OutdirError(
            f"{outdir}: is a symbolic link; give the folder it points to "
            f"({os.path.realpath(outdir)}) instead"
        )
    if not outdir.exists():
        return None
    if not outdir.is_dir():
        raise OutdirError(f"{outdir}: exists and is not a folder")
    marker = outdir / MARKER
    if marker.is_file():
        return earlier_files(marker)
    if any(outdir.iterdir()):
        raise OutdirError(
            f"{outdir}: folder is not empty and holds no earlier export; "
            "choose an empty or new folder"
        )
    return None


def earlier_files(marker: Path) -> set[str]:
    """The files an earlier export wrote, from its manifest; only plain relative paths."""
    try:
        manifest = json.loads(marker.read_text("utf-8"))
    except (OSError, ValueError) as error:
        raise OutdirError(
            f"{marker}: unreadable manifest of the earlier export ({error})"
        ) from None
    if not isinstance(manifest, dict):
        raise OutdirError(f"{marker}: the manifest of the earlier export is no JSON object")
    listed: list[Any] = []
    for key in ("files", "pages", "exports", "assets"):
        value = manifest.get(key, [])
        listed.extend(value if isinstance(value, list) else [])
    return {name for name in listed if is_inside(name)}


def is_inside(name: Any) -> bool:
    """A relative path without '..', absolute parts or empty parts: a file of the site."""
    if not isinstance(name, str) or not name or "\\" in name or "\0" in name:
        return False
    parts = PurePosixPath(name).parts
    return not PurePosixPath(name).is_absolute() and all(p not in ("", ".", "..") for p in parts)


def staging_folder(outdir: Path) -> Path:
    """A new empty folder beside OUTDIR (same file system, so files move without copying)."""
    parent = outdir.absolute().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=".export-site-", dir=parent))
    except OSError as error:
        raise OutdirError(f"{outdir}: cannot create a folder beside it ({error})") from None


def replace_site(
    staging: Path, outdir: Path, new_files: Iterable[str], earlier: set[str] | None
) -> None:
    """Move the staged site into OUTDIR and remove the earlier export's leftover files.

    Every check runs before the first file moves: a file of the user's where the new
    site would write one stops the export with OUTDIR untouched.
    """
    files = sorted(set(new_files))
    owned = {*earlier, MARKER} if earlier is not None else set()
    for name in files:
        target = outdir / name
        blocking = _first_existing(outdir, PurePosixPath(name).parts[:-1])
        if blocking is not None:
            raise OutdirError(f"{blocking}: is a file of yours where the site needs a folder")
        if (target.exists() or target.is_symlink()) and (name not in owned or target.is_dir()):
            raise OutdirError(
                f"{target}: is not from an earlier export; move it away, the site writes there"
            )
    outdir.mkdir(parents=True, exist_ok=True)
    for name in files:
        target = outdir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staging / name, target)
    for name in sorted(owned - set(files)):
        _remove_file(outdir, name)


def _first_existing(outdir: Path, folders: tuple[str, ...]) -> Path | None:
    """The first of a file's parent folders that exists as something other than a folder."""
    path = outdir
    for part in folders:
        path = path / part
        if path.is_symlink() or (path.exists() and not path.is_dir()):
            return path
    return None


def _remove_file(outdir: Path, name: str) -> None:
    """Remove a file of the earlier export, then its folders if that left them empty."""
    path = outdir / name
    if path.is_symlink() or not path.is_file():
        return
    path.unlink()
    folder = path.parent
    while folder != outdir and not folder.is_symlink():
        try:
            folder.rmdir()  # only when empty
        except OSError:
            break
        folder = folder.parent


def discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)
