"""--timeout is a deadline for the whole fetch of a URL, not a bound on each read: a
server that trickles its answer is cut off, and the run goes on."""

from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Iterator

import pytest

from datasette_timeline.readers import InputError
from datasette_timeline.readers.fetch import fetch

TRICKLE_SECONDS = 8  # how long the server goes on sending, at most


class _Trickle(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", "100000")
        self.end_headers()
        began = time.monotonic()
        try:
            while time.monotonic() - began < TRICKLE_SECONDS:  # 17 bytes every 0.1 s
                self.wfile.write(b"x" * 17)
                self.wfile.flush()
                time.sleep(0.1)
        except OSError:  # the client gave up: what the test wants
            pass

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def trickling_server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Trickle)
    httpd.daemon_threads = True
    httpd.block_on_close = False  # the handler may still be trickling: do not wait for it
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/story"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_a_trickling_server_is_cut_off_at_the_deadline(trickling_server: str) -> None:
    began = time.monotonic()
    with pytest.raises(InputError) as raised:
        fetch(trickling_server, timeout=1.0, max_bytes=1_000_000)
    elapsed = time.monotonic() - began
    assert elapsed < 2.5, elapsed  # the deadline, not the server's 8 seconds
    assert str(raised.value).startswith(f"{trickling_server}: no answer within 1s")
