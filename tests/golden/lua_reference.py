"""Run a Lua golden program on real Lua 5.4 (lupa) and return its transcript.

Input: the program's source and its chunk name ("NAME.lua").
Output: the transcript = everything the program printed (print / io.write),
followed, if the program ended with an uncaught error, by one line
``ERROR: <tostring of the error value>``.

Shared by ``regen.py`` (which writes ``NAME.out``) and the golden and
differential tests (which re-run real Lua to prove each ``.out`` is current, or
compare it with llmspell), so they can never disagree about how a program is
run.  ``run_llmspell`` produces the same transcript shape from llmspell.

Invariants:
* A fresh Lua state per program; the chunk is loaded with ``load(src, "=NAME.lua")``
  so error positions read ``NAME.lua:LINE: ...`` exactly as llmspell reports them.
* ``print`` and ``io.write`` are replaced inside that state by Lua functions that
  append to a buffer, using Lua's own ``tostring`` (print) and the number format
  of Lua's ``io.write`` (integers as ``%d``, floats as ``%.14g``).
* Lua strings are bytes; the transcript is returned as a Python ``str`` decoded
  with UTF-8/surrogateescape, which is llmspell's string representation.
"""

from __future__ import annotations

from pathlib import Path

from corpus import ReferenceSyntaxError, encode_transcript, programs, read_expected, transcript  # noqa: F401

LANG = "lua"

GOLDEN_DIR = Path(__file__).resolve().parent / "lua"
REFERENCE = "real Lua"

# The driver is a Lua chunk returning a function(src, chunkname).  It captures
# the library functions it uses in locals first, so a program that replaces a
# global (tostring, string.format, ...) cannot change how output is recorded --
# just as real print uses the C-level luaL_tolstring, not the global tostring.
_DRIVER = b"""
local tostring, select, type, load, pcall = tostring, select, type, load, pcall
local mtype, format, concat = math.type, string.format, table.concat
local stdout = io.stdout
python = nil  -- lupa's bridge global: not part of a standard Lua state
package.loaded.python = nil
return function(src, chunkname)
  local buf, n = {}, 0
  local function emit(s) n = n + 1; buf[n] = s end
  print = function(...)
    for i = 1, select("#", ...) do
      if i > 1 then emit("\\t") end
      emit(tostring((select(i, ...))))
    end
    emit("\\n")
  end
  io.write = function(...)
    for i = 1, select("#", ...) do
      local v = select(i, ...)
      local t = type(v)
      if t == "string" then emit(v)
      elseif mtype(v) == "integer" then emit(format("%d", v))
      elseif t == "number" then emit(format("%.14g", v))
      else
        error("bad argument #" .. i .. " to 'write' (string expected, got " .. t .. ")", 0)
      end
    end
    return stdout
  end
  local f, err = load(src, "=" .. chunkname, "t")
  if not f then return concat(buf), "syntax", err end
  local ok, e = pcall(f)
  if ok then return concat(buf) end
  return concat(buf), "error", tostring(e)
end
"""


def _decode(b: bytes) -> str:
    return b.decode("utf-8", "surrogateescape")


def run_reference(source: str | bytes, name: str) -> str:
    """Run ``source`` on real Lua 5.4 as chunk ``name``; return its transcript."""
    from lupa import lua54

    if isinstance(source, str):
        source = source.encode("utf-8", "surrogateescape")
    lua = lua54.LuaRuntime(encoding=None, register_eval=False, register_builtins=False)
    driver = lua.execute(_DRIVER)
    result = driver(source, name.encode())
    if not isinstance(result, tuple):
        result = (result,)
    output = _decode(result[0])
    if len(result) == 1:
        return transcript(output, None)
    kind, message = result[1], _decode(result[2])
    if kind == b"syntax":
        raise ReferenceSyntaxError(message)
    return transcript(output, message)


def golden_programs() -> list[Path]:
    """Every golden Lua program, sorted by name (stable test ids)."""
    return programs(GOLDEN_DIR, ".lua")
