"""A local HTTP server for the sync's URL reads (tests never leave 127.0.0.1)."""

import json
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.catalog.sync.test_openrouter_parser import KIMI


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def live_server_url(tmp_path_factory):
    """http://127.0.0.1:<port> serving models.json (an OpenRouter list with Kimi K2.5)."""
    folder = tmp_path_factory.mktemp("served")
    (folder / "models.json").write_text(json.dumps({"data": [KIMI]}))
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=folder))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
