"""Record and replay: a run's model answers saved to a file and played back.

``--record cassette.json`` saves every answer a model gives (in call order,
with the model and the messages that asked for it) and every result of a
built-in tool that reaches outside the run (files, HTTP); ``--replay
cassette.json`` answers the same calls from the file, with no network, so the
run reproduces its output, journal and fuel exactly.  A replayed run that asks
something the recording did not (another model, another prompt, one call too
many) fails with a clear error rather than silently diverging.
"""
from __future__ import annotations

import json
import os
import tempfile

from .host import BridgeFailure

FORMAT = "llmspell-cassette/1"


class Cassette:
    def __init__(self, path: str, mode: str):
        self.path = path
        self.mode = mode              # "record" or "replay"
        self.entries: list[dict] = []
        self.next = 0
        if mode == "replay":
            try:
                with open(path, encoding="utf-8") as f:
                    data = json.load(f)
            except OSError as e:
                raise BridgeFailure(f"cannot read cassette {path}: {e.strerror}")
            except ValueError as e:
                raise BridgeFailure(f"cassette {path} is not valid JSON: {e}")
            if data.get("format") != FORMAT:
                raise BridgeFailure(f"{path} is not an llmspell cassette ({FORMAT})")
            self.entries = data["answers"]

    def answer(self, request: dict, ask):
        """The answer to model *request*: asked for real (and kept) or replayed."""
        # a snapshot: the caller's message list keeps growing after this call
        return self._entry({"model": request["model"], "messages": request["messages"]}, ask)

    def tool_answer(self, name: str, args: dict, ask):
        """The result of built-in tool *name* (files, HTTP): run (and kept) or replayed."""
        return self._entry({"tool": name, "args": args}, ask)

    def _entry(self, key: dict, ask):
        key = json.loads(json.dumps(key, default=str))
        if self.mode == "record":
            out = ask()
            self.entries.append({"request": key, "answer": json.loads(json.dumps(out))})
            return out
        if self.next >= len(self.entries):
            raise BridgeFailure(f"the cassette has no answer for call #{self.next + 1} "
                                f"(it recorded {len(self.entries)}); record it again")
        entry = self.entries[self.next]
        if entry["request"] != key:
            raise BridgeFailure(f"call #{self.next + 1} differs from the recording "
                                f"({'tool or arguments' if 'tool' in key else 'model or messages'} changed); "
                                "record it again")
        self.next += 1
        return entry["answer"]

    def save(self):
        if self.mode != "record":
            return
        directory = os.path.dirname(os.path.abspath(self.path))
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=".cassette-")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump({"format": FORMAT, "answers": self.entries}, f, indent=1, ensure_ascii=False)
        os.replace(tmp, self.path)
