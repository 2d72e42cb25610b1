"""Articles on the web: fetched within a deadline, a size limit and an honest User-Agent."""

from __future__ import annotations

import http.client
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from typing import Any

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


_READ_BYTES = 64 * 1024


class DeadlinePassed(TimeoutError):
    """The whole fetch of a URL took longer than its timeout."""


class _Connections:
    """The HTTP(S) connections urllib opens for one fetch (redirects open more), kept so
    that each socket wait can be cut to the time left before the deadline."""

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        self.opened: list[http.client.HTTPConnection] = []

    def factory(self, kind: type[http.client.HTTPConnection]) -> Callable[..., Any]:
        def connect(host: str, **options: Any) -> http.client.HTTPConnection:
            options["timeout"] = self.left()
            connection = kind(host, **options)
            self.opened.append(connection)
            return connection

        return connect

    def left(self) -> float:
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise DeadlinePassed
        return remaining

    def shorten_waits(self) -> None:
        """Every socket wait from now on ends by the deadline (DeadlinePassed if gone)."""
        remaining = self.left()
        for connection in self.opened:
            if connection.sock is not None:
                connection.sock.settimeout(remaining)


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, connections: _Connections) -> None:
        super().__init__()
        self.connections = connections

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self.connections.factory(http.client.HTTPConnection), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, connections: _Connections) -> None:
        super().__init__()
        self.connections = connections

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(
            self.connections.factory(http.client.HTTPSConnection),
            req,
            context=self._context,  # type: ignore[attr-defined]
        )


_WEB_SCHEMES = ("http", "https")


class _WebOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follows redirects to http and https addresses only.

    urllib follows a redirect to ``ftp://`` (and answers one to ``file://`` with an error
    that reads like the server's): a page must not send the reader elsewhere than the web.
    """

    def http_error_302(
        self,
        req: urllib.request.Request,
        fp: Any,
        code: int,
        msg: str,
        headers: Any,
    ) -> Any:
        location = headers.get("location") or headers.get("uri")
        if location:
            target = urllib.parse.urljoin(req.full_url, location)
            if urllib.parse.urlsplit(target).scheme.lower() not in _WEB_SCHEMES:
                fp.close()
                raise InputError(
                    f"{req.full_url}: redirected to {target}, which is not an http or https "
                    "address; not followed"
                )
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def fetch(url: str, *, timeout: float, max_bytes: int) -> Fetched:
    """GET ``url`` within ``timeout`` seconds in all (connecting, redirects and reading
    the body: a server that trickles its answer is cut off at the deadline); raise
    InputError naming it on any failure: larger than max_bytes, shorter than its
    Content-Length, or redirected to an address that is not http(s)."""
    connections = _Connections(time.monotonic() + timeout)
    opener = urllib.request.build_opener(
        _HTTPHandler(connections), _HTTPSHandler(connections), _WebOnlyRedirects()
    )
    request = urllib.request.Request(url, headers={"User-Agent": user_agent()})
    try:
        with opener.open(request, timeout=timeout) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise InputError(_too_large(url, max_bytes))
            data = _read_body(response, max_bytes + 1, connections)
            if len(data) > max_bytes:
                raise InputError(_too_large(url, max_bytes))
            if declared and declared.isdigit() and len(data) < int(declared):
                # http.client ends the body quietly when the connection closes early.
                raise InputError(
                    f"{url}: the answer ended after {len(data)} of the {declared} bytes it "
                    "announced (a truncated download); try again"
                )
            media_type = response.headers.get_content_type().lower()
            return Fetched(url=response.geturl(), content_type=media_type, data=data)
    except urllib.error.HTTPError as error:
        raise InputError(f"{url}: the server answered {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            raise _no_answer(url, timeout) from None
        raise InputError(f"{url}: cannot fetch ({error.reason}); check the address") from None
    except TimeoutError:  # DeadlinePassed, or the socket's own wait
        raise _no_answer(url, timeout) from None
    except OSError as error:
        raise InputError(f"{url}: cannot fetch ({error})") from None


def _read_body(response: Any, limit: int, connections: _Connections) -> bytes:
    """At most ``limit`` bytes of the body, each read waiting no later than the deadline."""
    chunks: list[bytes] = []
    size = 0
    while size < limit:
        connections.shorten_waits()
        chunk = response.read1(min(_READ_BYTES, limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _no_answer(url: str, timeout: float) -> InputError:
    return InputError(
        f"{url}: no answer within {timeout:g}s; try again or save the page and pass the file"
    )


def _too_large(url: str, max_bytes: int) -> str:
    return (
        f"{url}: larger than {max_bytes / MEGABYTE:g} MB, too large for one article; "
        "save it and split it, or raise --max-page-mb"
    )
