"""Articles on the web: fetched with a timeout, a size limit and an honest User-Agent."""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version

from .document import MEGABYTE, InputError


def user_agent() -> str:
    try:
        release = version("datasette-timeline")
    except PackageNotFoundError:  # running from a source tree
        release = "dev"
    return f"datasette-timeline/{release} (article date extraction; one request per URL given)"


@dataclass
class Fetched:
    url: str  # after redirects
    content_type: str  # media type without parameters, lower case
    data: bytes


def fetch(url: str, *, timeout: float, max_bytes: int) -> Fetched:
    """GET ``url``; raise InputError naming it on any failure, or when larger than max_bytes."""
    request = urllib.request.Request(url, headers={"User-Agent": user_agent()})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise InputError(_too_large(url, max_bytes))
            data = response.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise InputError(_too_large(url, max_bytes))
            media_type = response.headers.get_content_type().lower()
            return Fetched(url=response.geturl(), content_type=media_type, data=data)
    except urllib.error.HTTPError as error:
        raise InputError(f"{url}: the server answered {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        raise InputError(f"{url}: cannot fetch ({error.reason}); check the address") from None
    except TimeoutError:
        raise InputError(
            f"{url}: no answer within {timeout:g}s; try again or save the page and pass the file"
        ) from None
    except OSError as error:
        raise InputError(f"{url}: cannot fetch ({error})") from None


def _too_large(url: str, max_bytes: int) -> str:
    return (
        f"{url}: larger than {max_bytes / MEGABYTE:g} MB, too large for one article; "
        "save it and split it, or raise --max-page-mb"
    )
