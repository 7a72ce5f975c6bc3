"""``llmspell repl`` as a user drives it: through a pseudo-terminal (pexpect),
one line at a time, reading what comes back before the next prompt.

Expected values come from the references, replaying the same entries:
* Lua — Lua 5.4 (lupa) running lua.c's own loop: ``return <line>;`` first,
  else the line as a statement, results joined by tabs as ``print`` does;
* JavaScript — node running each entry with ``vm.runInContext`` in one context
  (how node's REPL evaluates: top-level declarations persist) and showing the
  completion value with ``util.inspect``;
* Tengo — its REPL's rules (cmd/tengo/main.go ``addPrints``: each top-level
  expression and assignment is printed with ``ToString`` — strings bare, other
  values as ``String()`` — and undefined as ``<undefined>``), written down
  here; the written values are checked against real tengo's ``fmt.println``
  (the same ``ToString``) when its tester binary is installed.
"""
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect")

PROMPTS = [r"\r\n> ", r"\r\n>> "]


class Repl:
    """One ``llmspell repl`` session on a pseudo-terminal."""

    def __init__(self, tmp_path, lang, *flags, history=""):
        env = dict(os.environ, TERM="dumb", HOME=str(tmp_path), XDG_CACHE_HOME=str(tmp_path / "cache"),
                   LLMSPELL_HISTORY=str(history), LLMSPELL_NO_CACHE="1")
        env.pop("LLMSPELL_DEBUG", None)
        self.child = pexpect.spawn(sys.executable, ["-m", "llmspell", "repl", "--lang", lang, *flags],
                                   cwd=str(tmp_path), env=env, encoding="utf-8", timeout=20, dimensions=(50, 250))
        self.child.expect_exact("> ")
        self.banner = self.child.before
        self.continued = False

    def enter(self, line: str) -> str:
        """Type *line* and Enter: what the REPL printed before its next prompt
        (the echo of the line left out); ``continued`` tells which prompt came."""
        self.child.sendline(line)
        return self._reply()

    def interrupt(self) -> str:
        self.child.sendintr()
        return self._reply(echo=False)

    def _reply(self, echo=True) -> str:
        self.continued = self.child.expect(PROMPTS) == 1
        text = self.child.before.replace("\r\n", "\n")
        out = text.partition("\n")[2] if echo else text
        assert "Traceback" not in out, out
        return out + "\n" if out else ""          # the newline before the prompt ends the output

    def quit_with_eof(self) -> int:
        self.child.sendeof()
        self.child.expect(pexpect.EOF)
        self.child.close()
        return self.child.exitstatus


# ---------------------------------------------------------------------------- the references
class LuaReference:
    """Real Lua 5.4 doing what lua.c does with each line; what ``print`` writes
    (the spell's, and lua.c's of the results) is kept as the line's output."""

    LOOP = """
        local out = {}
        function print(...)
            local t, parts = table.pack(...), {}
            for i = 1, t.n do parts[i] = tostring(t[i]) end
            out[#out + 1] = table.concat(parts, "\\t") .. "\\n"
        end
        return function(entry)
            out = {}
            local f = load("return " .. entry .. ";", "=stdin") or assert(load(entry, "=stdin"))
            local r = table.pack(pcall(f))
            if not r[1] then return "ERROR", tostring(r[2]) end
            if r.n > 1 then print(table.unpack(r, 2, r.n)) end
            return table.concat(out)
        end
    """

    def __init__(self):
        from lupa import lua54
        self.loop = lua54.LuaRuntime().execute(self.LOOP)

    def __call__(self, entry: str) -> str:
        result = self.loop(entry)
        return result[1] if isinstance(result, tuple) else result     # an error: its message


def node_session(entries: list[str]) -> list[str]:
    """What node's REPL evaluation shows for each entry (``ERROR: message`` for a throw)."""
    script = r"""
        const vm = require("vm"), util = require("util");
        const ctx = vm.createContext({console});
        const entries = JSON.parse(require("fs").readFileSync(0, "utf8"));
        (async () => {
          const out = [];
          for (let code of entries) {
            const awaiting = code.startsWith("await ");
            if (awaiting) code = code.slice(6);
            if (/^\s*{/.test(code) && !/;\s*$/.test(code)) {
              try { new vm.Script(`(${code})`); code = `(${code})`; } catch {}
            }
            try {
              let v = vm.runInContext(code, ctx);
              if (awaiting) v = await v;
              out.push(util.inspect(v));
            } catch (e) { out.push("ERROR: " + e.message); }
          }
          console.log(JSON.stringify(out));
        })();
    """
    p = subprocess.run(["/usr/bin/node", "-e", script], input=json.dumps(entries), capture_output=True,
                       text=True, timeout=30, check=True)
    return json.loads(p.stdout.strip().splitlines()[-1])


def _caret_col(out: str) -> int:
    """The column the caret line of an error excerpt points at."""
    caret = next(line for line in out.splitlines() if re.match(r"^ +\| +\^", line))
    return caret.index("^") - caret.index("|") - 1


# ---------------------------------------------------------------------------- Lua
def test_lua_values_persistence_and_locals(tmp_path):
    ref = LuaReference()
    r = Repl(tmp_path, "lua")
    assert "Lua" in r.banner and ":help" in r.banner
    for entry in ["1+1", "1/2", "10//3", "2^53", "'a' .. 1", "math.maxinteger", "1, 'two', nil, true",
                  "0x10, 1e100, -0.0, 3 % -2", "x = 20", "x + 1", "local y = 3", "y", "print('a', 1)",
                  "t = {n = 5}", "t.n * x", "#'hello'", "string.format('%5.2f|%q', 3.14159, 'q')"]:
        assert r.enter(entry) == ref(entry), entry
    assert r.quit_with_eof() == 0


def test_lua_multiline_errors_and_limits(tmp_path):
    ref = LuaReference()
    r = Repl(tmp_path, "lua", "--max-instructions", "100000")
    lines = ["function twice(n)", "  local d = n * 2", "  return d", "end"]
    for i, line in enumerate(lines):
        assert r.enter(line) == ""
        assert r.continued == (i < len(lines) - 1)
    ref("\n".join(lines))
    assert r.enter("twice(21)") == ref("twice(21)")

    # a script error: its position in the entry as typed, then the session goes on
    ref("x = 20")
    r.enter("x = 20")
    entry = "  y = x .. {}"
    out = r.enter(entry)
    assert ref(entry).split(": ", 1)[1] in out            # Lua's own message
    assert re.search(r"^repl\[\d+\]:1:\d+: runtime error", out, re.MULTILINE)
    assert "    1 |   y = x .. {}" in out
    assert _caret_col(out) == entry.index("x ..") + 1
    assert r.enter("x * 2") == ref("x * 2")

    # a syntax error is shown at once (not taken for an unfinished entry)
    out = r.enter("x = = 2")
    assert "syntax error" in out and not r.continued and "    1 | x = = 2" in out

    # a limit ends the entry, not the session: the budget is each entry's
    out = r.enter("while true do end")
    assert "LimitExceeded: instructions (100000) at repl[" in out
    assert "hint: raise it with --max-instructions" in out
    assert r.enter("for i = 1, 10000 do x = x + 1 end") == ""        # another entry, a whole budget
    ref("for i = 1, 10000 do x = x + 1 end")
    assert r.enter("x") == ref("x")

    # an unfinished entry is abandoned by a blank line, or by Ctrl-C
    r.enter("if x then")
    assert r.continued
    assert r.enter("") == "" and not r.continued
    r.enter("function f()")
    assert r.continued
    r.interrupt()
    assert not r.continued
    assert r.enter("f") == ref("f") == "nil\n"
    assert r.quit_with_eof() == 0


def test_commands(tmp_path):
    r = Repl(tmp_path, "lua", "--max-instructions", "5000")
    out = r.enter(":help")
    for word in (":disasm", ":limits", ":quit", "llm", "tools", "state", "log", "each entry", "blank line"):
        assert word in out, word
    r.enter("for i = 1, 100 do end")
    out = r.enter(":limits")
    assert re.search(r"instructions \(per entry\) +5,000 +\d", out)
    assert "LLM tokens (per session)" in out and "memory (per entry)" in out
    out = r.enter(":disasm 1 + 2")
    assert "return 1 + 2;" in out and "RETURN" in out
    out = r.enter(":disasm function f() return 1")
    assert "syntax error" in out and "'end' expected" in out
    assert r.enter(":nope") == ("unknown command ':nope': the commands are :help, :disasm, :limits, :quit "
                                "(:help explains them)\n")
    r.child.sendline(":quit")
    r.child.expect(pexpect.EOF)
    r.child.close()
    assert r.child.exitstatus == 0


def test_bridges_are_globals(tmp_path):
    r = Repl(tmp_path, "lua")
    assert r.enter("s = state.create({})") == ""
    r.enter("s:set('k', 42)")
    assert r.enter("s:get('k')") == "42\n"
    assert 'msg="from the repl"' in r.enter('log.info("from the repl")')
    r.quit_with_eof()


def test_ctrl_c_stops_a_running_entry(tmp_path):
    r = Repl(tmp_path, "lua")
    r.child.sendline("print('running') while true do end")
    r.child.expect_exact("running")
    time.sleep(0.2)
    out = r.interrupt()
    assert re.search(r"interrupted at repl\[1\]:1:\d+", out)
    assert r.enter("1+1") == "2\n"
    assert r.quit_with_eof() == 0


def test_history_across_sessions(tmp_path):
    history = tmp_path / "history"
    r = Repl(tmp_path, "lua", history=history)
    assert r.enter("20 + 22") == "42\n"
    assert r.quit_with_eof() == 0
    assert "20 + 22" in history.read_text().splitlines()
    r = Repl(tmp_path, "lua", history=history)
    r.child.send("\x10")             # Ctrl-P: the previous line, from the last session
    r.child.send("\r")
    assert r._reply() == "42\n"
    r.quit_with_eof()
    assert not (tmp_path / "cache").exists()        # nothing else written


# ---------------------------------------------------------------------------- JavaScript
def test_js_values_declarations_and_promises(tmp_path):
    entries = ["1+1", "'str'", "[1, 'a', {b: [2, 3]}]", "{a: 1, b: 's'}", "let x = 5, {a, b: [c] = [9]} = {a: 1}",
               "x + a + c", "const k = 3; var v", "k * 2", "v", "class A { m() { return 7 } }", "new A().m()",
               "x = 10", "x", "let count = 0; function inc() { return ++count }", "inc(); inc()", "count",
               "Promise.resolve(3)", "await Promise.resolve(4)", "null.x", "[1, 2, 3].map(n => n * x)",
               "new Map([[1, {deep: {er: {est: 1}}}]])", "undefined", "console.log('hi')"]
    expected = node_session(entries)
    r = Repl(tmp_path, "js")
    for entry, want in zip(entries, expected):
        out = r.enter(entry)
        if want.startswith("ERROR: "):
            assert want[len("ERROR: "):] in out and re.search(r"^repl\[\d+\]:1:1: runtime error", out, re.MULTILINE), out
        elif entry.startswith("console.log"):
            assert out == "hi\n" + want + "\n"
        else:
            assert out == want + "\n", entry
    assert r.quit_with_eof() == 0


def test_js_multiline_error_position_and_limit(tmp_path):
    r = Repl(tmp_path, "js", "--max-instructions", "100000")
    lines = ["function twice(n) {", "  const d = n * 2", "  return d", "}"]
    for i, line in enumerate(lines):
        r.enter(line)
        assert r.continued == (i < len(lines) - 1)
    entries = ["\n".join(lines), "twice(21)", "function bad(o) {\n  return o.p.q\n}", "bad({})", "twice(2)"]
    want = node_session(entries)
    assert r.enter("twice(21)") == want[1] + "\n"
    for line in entries[2].split("\n"):
        r.enter(line)
    out = r.enter("bad({})")
    assert want[3].startswith("ERROR: ") and want[3][len("ERROR: "):] in out
    col = "  return o.p.q".index("o.p") + 1
    assert re.search(rf"^repl\[\d+\]:2:{col}: runtime error: TypeError", out, re.MULTILINE)   # bad's entry, line 2
    assert "    2 |   return o.p.q" in out and "called from:" in out
    out = r.enter("while (true) {}")
    assert "LimitExceeded: instructions (100000)" in out
    assert r.enter("twice(2)") == want[4] + "\n"
    out = r.enter("let = 1")
    assert "syntax error" in out and not r.continued
    out = r.enter(":disasm let z = 1")
    assert "globalThis" in out and "SET_FIELD" in out
    assert r.quit_with_eof() == 0


# ---------------------------------------------------------------------------- Tengo
#: entry -> what tengo's REPL prints for it (ToString; <undefined>)
TENGO_SESSION = [
    ("1 + 1", "2"),
    ("x := 5", "5"),
    ('s := "str"', "str"),
    ('a := [1, "two", 3.5, true, char(65)]', '[1, "two", 3.5, true, A]'),
    ("m := {k: [1, 2]}", "{k: [1, 2]}"),
    ("x = x * 2", "10"),
    ("x += 1", "11"),
    ("x++", ""),
    ("x", "12"),
    ("undefined", "<undefined>"),
    ('error("e")', 'error: "e"'),
    ("count := 0", "0"),
    ("inc := func() { count++; return count }", "<compiled-function>"),
    ("inc() + inc()", "3"),
    ("count", "2"),
    ("if x > 1 { y := 4; x = y }", ""),
    ("x", "4"),
    ('text := import("text")', None),
    ('text.to_upper(s) + string(x)', "STR4"),
    ("5 / 2.0", "2.5"),
]


def test_tengo_session(tmp_path):
    r = Repl(tmp_path, "tengo", "--max-instructions", "100000")
    for entry, want in TENGO_SESSION:
        out = r.enter(entry)
        if want is not None:
            assert out == (want + "\n" if want else ""), entry
    lines = ["twice := func(n) {", "  d := n * 2", "  return d", "}"]
    for i, line in enumerate(lines):
        out = r.enter(line)
        assert r.continued == (i < len(lines) - 1)
    assert out == "<compiled-function>\n"
    assert r.enter("twice(21)") == "42\n"
    out = r.enter("x := 3")                         # as tengo: a second := of a session variable
    assert "'x' redeclared in this block" in out and "    1 | x := 3" in out
    out = r.enter('  x + "a"')
    assert re.search(r"^repl\[\d+\]:1:3: runtime error", out, re.MULTILINE) and _caret_col(out) == 3
    out = r.enter("for {}")
    assert "LimitExceeded: instructions (100000)" in out
    assert r.enter("x") == "4\n"
    out = r.enter(":disasm z := 1")
    assert "SET_INDEX" in out
    assert "unresolved reference 'z'" in r.enter("z")          # :disasm runs nothing, declares nothing
    assert r.quit_with_eof() == 0


def test_tengo_expectations_match_real_tengo():
    """The values written in TENGO_SESSION are what real tengo's ToString gives
    (its fmt.println prints each argument with ToString, as its REPL does)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "golden"))
    try:
        import tengo_reference
    finally:
        sys.path.pop(0)
    if tengo_reference.reference_path() is None:
        pytest.skip("real tengo (tgo-test) is not installed: python tests/golden/regen.py tengo fetches it")
    lines, shown = ['fmt := import("fmt")'], []
    for entry, want in TENGO_SESSION:
        target = entry.split(":=")[0].strip() if ":=" in entry else None
        if want in (None, "", "<undefined>"):
            lines.append(entry)
            continue
        if target is not None:
            lines += [entry, f"fmt.println({target})"]
        elif entry.startswith(("x =", "x +=")):
            lines += [entry, "fmt.println(x)"]
        else:
            lines.append(f"fmt.println({entry})")
        shown.append(want)
    transcript = tengo_reference.run_reference("\n".join(lines), "repl.tengo")
    assert transcript.splitlines() == shown


def test_a_session_loads_modules_from_the_working_folder_in_any_language(tmp_path):
    """The session's folder is the working folder: ``require``/``import`` find
    modules there as a spell finds them beside itself (tests/unit/test_modules.py
    holds the module semantics; this is the REPL's wiring)."""
    (tmp_path / "lib.js").write_text("export function hi(n) { return 'hi ' + n; }\n")
    (tmp_path / "u.lua").write_text("return {up = function(s) return s:upper() end}\n")
    lua = Repl(tmp_path, "lua")
    assert lua.enter("require('lib').hi('lua')") == "hi lua\n"
    out = lua.enter("require('nope')")
    assert "module 'nope' not found" in out and "repl[2]:1:1" in out
    assert lua.enter("1 + 1") == "2\n"                                   # the session goes on
    js = Repl(tmp_path, "js")
    js.enter('import { up } from "./u.lua";')
    assert js.enter('up("js")') == "'JS'\n"
    tengo = Repl(tmp_path, "tengo")
    tengo.enter('u := import("./u.lua")')
    assert tengo.enter('u.up("tg")') == "TG\n"
