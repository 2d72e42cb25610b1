"""What a fetched URL may answer: redirects only to http(s) addresses, and a body as long
as its Content-Length says (anything else is a clear error naming the URL)."""

from __future__ import annotations

import http.server
import socket
import threading
from collections.abc import Iterator

import pytest

from datasette_timeline.readers import InputError
from datasette_timeline.readers.fetch import fetch


@pytest.fixture
def listener() -> Iterator[tuple[int, list[bool]]]:
    """A TCP port on 127.0.0.1 that records whether anything connects to it."""
    connected: list[bool] = []
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        server.settimeout(0.2)
        stop = threading.Event()

        def accept() -> None:
            while not stop.is_set():
                try:
                    connection, _address = server.accept()
                except OSError:
                    continue
                connected.append(True)
                connection.close()

        thread = threading.Thread(target=accept, daemon=True)
        thread.start()
        try:
            yield server.getsockname()[1], connected
        finally:
            stop.set()
            thread.join(2)


class _Handler(http.server.BaseHTTPRequestHandler):
    ftp_port = 0

    def do_GET(self) -> None:
        if self.path.startswith("/to-"):
            targets = {
                "/to-ftp": f"ftp://127.0.0.1:{self.ftp_port}/story.txt",
                "/to-file": "file:///etc/hostname",
                "/to-relative": "/story",
            }
            self.send_response(302)
            self.send_header("Location", targets[self.path])
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = b"On 3 May 2020 the council met."
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        if self.path == "/short":
            self.send_header("Content-Length", str(len(body) + 1000))
        else:
            self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server(listener: tuple[int, list[bool]]) -> Iterator[str]:
    _Handler.ftp_port = listener[0]
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_a_redirect_to_ftp_is_refused_without_connecting(
    server: str, listener: tuple[int, list[bool]]
) -> None:
    port, connected = listener
    with pytest.raises(InputError) as raised:
        fetch(f"{server}/to-ftp", timeout=5, max_bytes=1_000_000)
    assert str(raised.value) == (
        f"{server}/to-ftp: redirected to ftp://127.0.0.1:{port}/story.txt, which is not "
        "an http or https address; not followed"
    )
    assert connected == []


def test_a_redirect_to_a_local_file_is_refused_clearly(server: str) -> None:
    with pytest.raises(InputError) as raised:
        fetch(f"{server}/to-file", timeout=5, max_bytes=1_000_000)
    assert str(raised.value) == (
        f"{server}/to-file: redirected to file:///etc/hostname, which is not an http or "
        "https address; not followed"
    )


def test_a_redirect_to_http_is_followed(server: str) -> None:
    fetched = fetch(f"{server}/to-relative", timeout=5, max_bytes=1_000_000)
    assert fetched.url == f"{server}/story"
    assert fetched.data == b"On 3 May 2020 the council met."


def test_an_answer_shorter_than_its_content_length_is_a_truncated_download(server: str) -> None:
    with pytest.raises(InputError) as raised:
        fetch(f"{server}/short", timeout=5, max_bytes=1_000_000)
    assert str(raised.value) == (
        f"{server}/short: the answer ended after 30 of the 1030 bytes it announced "
        "(a truncated download); try again"
    )


def test_an_answer_as_long_as_its_content_length_is_read(server: str) -> None:
    assert fetch(f"{server}/story", timeout=5, max_bytes=1_000_000).data.endswith(b"met.")
