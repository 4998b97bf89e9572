"""yaml-language-server, the engine of VS Code's YAML extension, checks and completes record files
with the schema `evidence schema` writes, as docs/format.md ("JSON Schema and editors") says.

The server really runs under node and is spoken to over stdio in LSP JSON-RPC. Every read waits a
bounded time and the server is killed at the end, so a silent server fails the test, never hangs it.
"""

from __future__ import annotations

import json
import queue
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pytest

from tests.conftest import EXAMPLES, ROOT, run_evidence

SERVER = ROOT / ".ci" / "node" / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
WAIT = 60.0  # seconds for one answer; node starting on a busy CI machine is slow


def read_messages(stream: IO[bytes], inbox: queue.Queue[dict[str, Any] | None]) -> None:
    """Split the server's stdout into Content-Length framed JSON messages; None at its end."""
    while True:
        length = None
        while True:
            line = stream.readline()
            if not line:
                inbox.put(None)
                return
            line = line.strip()
            if not line:
                break
            name, _, value = line.decode("ascii").partition(":")
            if name.lower() == "content-length":
                length = int(value)
        if length is None:
            continue
        inbox.put(json.loads(stream.read(length).decode("utf-8")))


class Server:
    """One yaml-language-server process and the client side of its conversation."""

    def __init__(self, schema: Path) -> None:
        self.settings = {"yaml": {"schemas": {schema.as_uri(): "*.yaml"}, "validate": True, "completion": True}}
        self.process = subprocess.Popen(
            ["node", str(SERVER), "--stdio"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        assert self.process.stdout is not None
        self.inbox: queue.Queue[dict[str, Any] | None] = queue.Queue()
        threading.Thread(target=read_messages, args=(self.process.stdout, self.inbox), daemon=True).start()
        self.next_id = 0
        self.diagnostics: dict[str, list[list[dict[str, Any]]]] = {}

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def receive(self) -> dict[str, Any]:
        """The next message, after answering the server's own requests and keeping diagnostics."""
        while True:
            try:
                message = self.inbox.get(timeout=WAIT)
            except queue.Empty:
                raise AssertionError(f"yaml-language-server said nothing for {WAIT} seconds") from None
            assert message is not None, "yaml-language-server closed its output"
            method = message.get("method")
            if method is not None and "id" in message:
                # The server asks for the settings of each scope; other requests
                # (registrations, progress) only want an answer.
                if method == "workspace/configuration":
                    items = message["params"]["items"]
                    result: Any = [self.settings.get(item.get("section", ""), self.settings) for item in items]
                else:
                    result = None
                self.send({"id": message["id"], "result": result})
                continue
            if method == "textDocument/publishDiagnostics":
                self.diagnostics.setdefault(message["params"]["uri"], []).append(message["params"]["diagnostics"])
            return message

    def request(self, method: str, params: dict[str, Any]) -> Any:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        while True:
            message = self.receive()
            if message.get("id") == self.next_id and "method" not in message:
                assert "error" not in message, message
                return message.get("result")

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self.send({"method": method, "params": params})

    def open(self, uri: str, text: str) -> None:
        self.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}},
        )

    def diagnostics_of(self, uri: str, *, until_some: bool = False) -> list[dict[str, Any]]:
        """The first diagnostics published for `uri` (with `until_some`, the first non-empty ones)."""
        while True:
            for published in self.diagnostics.get(uri, []):
                if published or not until_some:
                    return published
            self.receive()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    if shutil.which("node") is None:
        pytest.skip("node is not installed: apt-get install nodejs npm")
    if not SERVER.is_file():
        pytest.skip("yaml-language-server is not installed: npm ci --prefix .ci/node")
    folder = tmp_path_factory.mktemp("yls")
    schema = folder / "evidence.schema.json"
    ran = run_evidence("schema", "-o", schema, cwd=folder, timeout=60)
    assert ran.code == 0, ran.err
    running = Server(schema)
    try:
        running.request(
            "initialize",
            {
                "processId": None,
                "rootUri": folder.as_uri(),
                "capabilities": {
                    "workspace": {"configuration": True, "didChangeConfiguration": {"dynamicRegistration": True}},
                    "textDocument": {
                        "completion": {"completionItem": {"snippetSupport": False}},
                        "publishDiagnostics": {},
                    },
                },
            },
        )
        running.notify("initialized", {})
        running.notify("workspace/didChangeConfiguration", {"settings": running.settings})
        yield running
    finally:
        running.process.kill()
        running.process.wait(timeout=WAIT)


BAD = """\
evidence: 2
actors:
  - id: jane-doe
    nmae: Jane Doe
    name: Jane Doe
    kind: persn
"""


@pytest.fixture(scope="module")
def bad(server: Server, tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    """Diagnostics of a fictional actor with a misspelt key and a misspelt kind. Opened first: the
    schema is loaded once it has diagnostics, so an empty list for the example means something."""
    uri = (tmp_path_factory.mktemp("bad") / "actors.yaml").as_uri()
    server.open(uri, BAD)
    return server.diagnostics_of(uri, until_some=True)


def test_an_unknown_key_and_a_wrong_kind_are_flagged_on_their_lines(bad: list[dict[str, Any]]) -> None:
    by_line = {diagnostic["range"]["start"]["line"]: diagnostic["message"] for diagnostic in bad}
    assert {diagnostic["source"] for diagnostic in bad} == {"yaml-schema: evidence record file"}, bad
    assert sorted(by_line) == [3, 5], bad
    assert "nmae" in by_line[3] and "not allowed" in by_line[3], by_line
    assert all(value in by_line[5] for value in ("person", "organization", "group")), by_line


EXAMPLE = sorted((EXAMPLES / "kadrey-v-meta").glob("*.yaml"))


@pytest.mark.parametrize("path", EXAMPLE, ids=[path.name for path in EXAMPLE])
def test_the_example_files_have_no_schema_errors(server: Server, path: Path, bad: list[dict[str, Any]]) -> None:
    text = path.read_text(encoding="utf-8")
    server.open(path.as_uri(), text)
    assert server.diagnostics_of(path.as_uri()) == []
    # The same text with a key the schema does not know, beside it: the schema does apply there.
    broken = path.with_name("broken-" + path.name).as_uri()
    server.open(broken, text + "nmae: x\n")
    messages = [diagnostic["message"] for diagnostic in server.diagnostics_of(broken, until_some=True)]
    assert messages == ["Property nmae is not allowed."], messages


def complete(server: Server, uri: str, *, line: int, character: int) -> Any:
    position = {"line": line, "character": character}
    return server.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": position})


def labels(result: Any) -> set[str]:
    items = result["items"] if isinstance(result, dict) else result
    return {item["label"] for item in items}


def test_completion_offers_the_fields_of_an_actor_and_the_kinds(
    server: Server, tmp_path: Path, bad: list[dict[str, Any]]
) -> None:
    # A new actor with only its id: the other fields are offered, the id and unknown keys not.
    uri = (tmp_path / "new.yaml").as_uri()
    server.open(uri, "evidence: 2\nactors:\n  - id: jane-doe\n    \n")
    fields = labels(complete(server, uri, line=3, character=4))
    assert {"name", "kind", "aliases", "affiliations", "confidence"} <= fields, fields
    assert "id" not in fields and "nmae" not in fields, fields
    uri = (tmp_path / "kind.yaml").as_uri()
    server.open(uri, "evidence: 2\nactors:\n  - id: jane-doe\n    name: Jane Doe\n    kind: \n")
    kinds = labels(complete(server, uri, line=4, character=10))
    assert kinds == {"person", "organization", "group"}, kinds
