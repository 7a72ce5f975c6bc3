"""The ``log`` bridge: structured lines on stderr.

``log.info("fetched", {url = u, bytes = n})`` writes
``level=info msg="fetched" bytes=120 url="http://..."`` (fields sorted, values
JSON-quoted when not plain).  Lines below the run's level (``--log-level``,
default ``info``) are dropped; every call is journaled like any bridge call.
"""
from __future__ import annotations

import json
import sys

from .registry import Field, intrinsic

LEVELS = ("debug", "info", "warn", "error")


def _format(value) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, str) and value and all(c.isalnum() or c in "._-/:" for c in value):
        return value
    return json.dumps(value, ensure_ascii=False, default=str)


def _write(call, level: str, msg: str, fields):
    threshold = getattr(call.policy, "log_level", "info")
    if LEVELS.index(level) < LEVELS.index(threshold):
        return None
    parts = [f"level={level}", f"msg={json.dumps(msg, ensure_ascii=False)}"]
    if isinstance(fields, dict):
        parts += [f"{k}={_format(v)}" for k, v in sorted(fields.items(), key=lambda kv: str(kv[0]))]
    stream = getattr(call.rt, "log_stream", None) or sys.stderr
    stream.write(" ".join(parts) + "\n")
    return None


def _declare(level: str):
    @intrinsic(f"log.{level}", params=(Field("message", "string", required=True), Field("fields", "table")),
               doc=f"Write a {level} line (message and a table of fields) to stderr.")
    def log_line(call, msg, fields):
        return _write(call, level, msg, fields)
    return log_line


for _level in LEVELS:
    _declare(_level)
