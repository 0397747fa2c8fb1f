"""A PostgreSQL connection lost mid-command: one clean `Error:` line, within a second or two.

The server is not stopped (others use it): the command talks to it through a TCP proxy that
this test closes, which is what the client sees when the server goes away.
"""

from __future__ import annotations

import contextlib
import json
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select
from sqlalchemy.engine import make_url

from claimtrack.cli import run
from claimtrack.store import tables
from tests.conftest import ROOT
from tests.test_hardening_writers import ARTICLES


class Proxy:
    """Forwards 127.0.0.1:<port> to the PostgreSQL server until ``cut``."""

    def __init__(self, host: str, port: int) -> None:
        self.target = (host, port)
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.sockets: list[socket.socket] = []
        self.lock = threading.Lock()
        self.open = True
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            with self.lock:
                if not self.open:
                    client.close()
                    upstream.close()
                    return
                self.sockets += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass

    def cut(self) -> None:
        with self.lock:
            self.open = False
            self.server.close()
            for sock in self.sockets:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()


def stored(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            count = connection.execute(select(func.count()).select_from(tables.Article)).scalar()
            return int(count or 0)
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_lost_connection_is_one_error_line_within_two_seconds(pg_url: str, tmp_path: Path) -> None:
    assert run(["--db", pg_url, "db", "upgrade"]) == 0
    rows = [json.loads(line) for line in ARTICLES.read_text(encoding="utf-8").splitlines()]
    batch = tmp_path / "batch.jsonl"
    batch.write_text("".join(json.dumps({"text": r["text"]}) + "\n" for r in rows))
    url = make_url(pg_url)
    proxy = Proxy(url.host or "127.0.0.1", url.port or 5432)
    through = url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
    command = [sys.executable, "-m", "claimtrack", "--db", through, "ingest", "--quiet",
               "--workers", "0", str(batch)]  # fmt: skip
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        deadline = time.monotonic() + 60
        while stored(pg_url) < 3:
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "the ingest made no progress"
            time.sleep(0.02)
        proxy.cut()
        cut_at = time.monotonic()
        _, err = process.communicate(timeout=30)
        took = time.monotonic() - cut_at
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 1
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), err
    assert "connection" in lines[0]
    print(f"{lines[0]} ({took:.2f} s after the cut)")
    assert took < 2.0, f"exited {took:.1f} s after the connection was lost"
    assert 3 <= stored(pg_url) < len(rows)


def test_driver_warnings_are_not_printed() -> None:
    """psycopg's 'error ignored terminating <psycopg.Pipeline [BAD]>' warning, logged while a
    dead connection is closed, would otherwise reach stderr through logging's last resort."""
    script = (
        "import logging\n"
        "from claimtrack.cli import run\n"
        "run(['--help'])\n"
        "logging.getLogger('psycopg').warning('error ignored terminating <psycopg.Pipeline>')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0 and done.stderr == "", done.stderr
