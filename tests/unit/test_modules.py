"""Spell modules (llmspell/modules.py): ``require``, ``import``/``export`` and
Tengo's ``import("./x")``, within one language and across languages.

Where a language has its own module semantics the expected output comes from
its reference: Lua's ``require`` from real Lua 5.4 (lupa, ``package.path`` set
to the spell's folder), JavaScript's ES modules from node (the folder marked
``"type": "module"``).  Tengo's file modules follow its documented semantics
(``export`` gives the module's value, made immutable; a module without
``export`` is ``undefined``; an extension-less name gets ``.tengo``).  Across
languages there is no reference: the test is that a spell's output does not
depend on which language its library is written in — every pair of languages
gives the output the same-language pair gives (and that one matches the
reference).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

import llmspell
from llmspell import api, modules
from llmspell.sandbox.policy import Limits, Policy

NODE = "/usr/bin/node"


def write(folder, files: dict):
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def run_file(path, policy=None, **kw):
    source = path.read_text()
    return api.compile(source, api.lang_for(str(path)), str(path)).run(policy, **kw)


def lua_reference(folder, main: str) -> str:
    """*main* run by real Lua 5.4 with ``require`` searching *folder*; print
    (in every module) writes to the returned transcript."""
    from lupa import lua54
    lua = lua54.LuaRuntime(encoding=None, register_eval=False, register_builtins=False)
    driver = lua.execute(b"""
        return function(dir, src)
          package.path = dir .. "/?.lua"
          local buf = {}
          print = function(...)
            local parts = {}
            for i = 1, select("#", ...) do parts[i] = tostring((select(i, ...))) end
            buf[#buf + 1] = table.concat(parts, "\\t") .. "\\n"
          end
          local f = assert(load(src, "=main.lua"))
          f()
          return table.concat(buf)
        end""")
    return driver(str(folder).encode(), (folder / main).read_bytes()).decode()


def node_reference(folder, main: str) -> str:
    (folder / "package.json").write_text('{"type": "module"}')
    proc = subprocess.run([NODE, main], cwd=folder, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


# -- one language, against its reference ------------------------------------------------------------
LUA_FILES = {
    "main.lua": """
local lib = require("lib")
print(lib.greet("lua"), lib.count)
print(require("lib") == lib, select("#", require("lib")))
local deep = require("pkg.deep")
print(deep.name, deep.up("x"))
print(require("quiet"), require("string") == string, require("_G") == _G)
local ok, err = pcall(require, "lib_that_fails")
print(ok, err)
print(lib.count)
""",
    "lib.lua": """
local name, where = ...
print("loading", name)
local M = {count = 0}
function M.greet(who) M.count = M.count + 1; return "hello, " .. who end
return M
""",
    "pkg/deep.lua": "local lib = require('lib')\nreturn {name = 'deep', up = function(s) return lib.greet(s:upper()) end}\n",
    "quiet.lua": "local x = 1\n",
    "lib_that_fails.lua": "error('not today', 0)\n",
}


def test_lua_require_matches_real_lua(tmp_path):
    write(tmp_path, LUA_FILES)
    want = lua_reference(tmp_path, "main.lua")
    assert run_file(tmp_path / "main.lua").output == want
    assert "loading\tlib\n" in want and "true\t1" in want        # the reference ran what we think


def test_lua_require_returns_where_it_found_the_module_on_first_load(tmp_path, monkeypatch):
    write(tmp_path, {"main.lua": "print(require('lib'))\nprint(require('lib'))\n", "lib.lua": "return 7\n"})
    monkeypatch.chdir(tmp_path)
    assert run_file(tmp_path / "main.lua").output == "7\tlib.lua\n7\n"


JS_FILES = {
    "main.js": """
import greet, { count, bump as inc } from "./lib.js";
import * as ns from "./lib.js";
import { twice, PI } from "./util.js";
import def, { again } from "./reexport.js";
console.log("main runs after its imports");
console.log(greet("js"), count, inc(), count, ns.count);
console.log(ns);
console.log(twice(21), PI, def, again === greet);
console.log(Object.keys(ns), Object.prototype.toString.call(ns));
try { ns.count = 9; } catch (e) { console.log(e.constructor.name, e.message); }
try { eval; } catch (e) { console.log(e.message); }
""",
    "lib.js": """
console.log("lib evaluated");
export let count = 1;
export function bump() { count += 1; return count; }
export default function greet(who) { return `hello, ${who}`; }
""",
    "util.js": """
import { bump } from "./lib.js";
console.log("util evaluated");
export const twice = (x) => x * 2, PI = 3.14;
export class Box {}
""",
    "reexport.js": """
export { default as again, count } from "./lib.js";
export * from "./util.js";
export default [1, 2, 3];
""",
}


def test_javascript_modules_match_node(tmp_path):
    files = dict(JS_FILES)
    files["main.js"] = files["main.js"].replace("try { eval; } catch (e) { console.log(e.message); }\n", "")
    write(tmp_path, files)
    want = node_reference(tmp_path, "main.js")
    assert run_file(tmp_path / "main.js").output == want
    assert want.startswith("lib evaluated\nutil evaluated\nmain runs")


def test_javascript_import_cycles_and_live_bindings_match_node(tmp_path):
    """ES modules may import each other: a's namespace exists (its functions
    callable, its lets in their TDZ) before b runs, and bindings stay live."""
    write(tmp_path, {
        "a.js": "import { b, bump } from './b.js';\n"
                "export function hello() { return 'hello from a'; }\n"
                "export let late = 'not yet';\n"
                "console.log('a runs:', b, bump());\n"
                "late = 'now';\n",
        "b.js": "import * as a from './a.js';\n"
                "import { hello } from './a.js';\n"
                "export let b = hello();\n"
                "let n = 0;\n"
                "export function bump() { n += 1; b = 'bumped ' + n; return n; }\n"
                "try { console.log(a.late); } catch (e) { console.log(e.constructor.name, e.message); }\n"
                "export function later() { return a.late; }\n",
        "main.js": "import './a.js';\nimport { b, bump, later } from './b.js';\n"
                   "console.log(b, later());\nbump();\nconsole.log(b);\n",
    })
    want = node_reference(tmp_path, "main.js")
    assert run_file(tmp_path / "main.js").output == want
    assert "ReferenceError" in want and "bumped 2" in want              # the reference ran the cycle


def test_javascript_missing_export_and_constant_import_match_node(tmp_path):
    write(tmp_path, {"lib.js": "export const a = 1;\n",
                     "main.js": "import { a } from './lib.js';\ntry { a = 2; } catch (e) { console.log(e.message); }\n",
                     "bad.js": "import { b } from './lib.js';\n"})
    want = node_reference(tmp_path, "main.js")
    assert run_file(tmp_path / "main.js").output == want == "Assignment to constant variable.\n"
    proc = subprocess.run([NODE, "bad.js"], cwd=tmp_path, capture_output=True, text=True)
    node_message = next(line for line in proc.stderr.splitlines() if line.startswith("SyntaxError: "))
    with pytest.raises(llmspell.ScriptError) as info:
        run_file(tmp_path / "bad.js")
    assert f"SyntaxError: {info.value.message}" == node_message or info.value.message in node_message


def test_a_namespace_describes_itself_as_node_does(tmp_path):
    write(tmp_path, {"lib.js": "export let x = 1;\nexport function f() {}\n",
                     "main.js": "import * as m from './lib.js';\n"
                                "console.log(Object.getOwnPropertyDescriptor(m, 'x'));\n"
                                "console.log(Object.getOwnPropertyDescriptors(m));\n"
                                "console.log(Object.isFrozen(m), Object.isExtensible(m), Object.getOwnPropertyNames(m), Object.getOwnPropertySymbols(m));\n"
                                "console.log(JSON.stringify(m), Object.entries(m).length);\n"})
    want = node_reference(tmp_path, "main.js")
    assert run_file(tmp_path / "main.js").output == want


def test_dynamic_import_matches_node(tmp_path):
    write(tmp_path, {"lib.js": "console.log('lib evaluated');\nexport const x = 41;\nexport default 'd';\n",
                     "main.js": "console.log('start');\nconst m = await import('./lib.js');\n"
                                "console.log(m.x + 1, m.default);\n"
                                "import('./lib.js').then((again) => console.log(again === m));\n"
                                "console.log('end');\n"})
    want = node_reference(tmp_path, "main.js")
    assert run_file(tmp_path / "main.js").output == want == "start\nlib evaluated\n42 d\nend\ntrue\n"


def test_dynamic_import_of_another_language_and_of_nothing(tmp_path):
    write(tmp_path, {"lib.lua": "return {f = function(x) return x * 2 end}\n",
                     "main.js": "const lib = await import('./lib.lua');\nconsole.log(lib.f(21), lib.default.f(1));\n"
                                "try { await import('./nope.js'); } catch (e) { console.log(e.message); }\n"})
    out = run_file(tmp_path / "main.js").output.splitlines()
    assert out[0] == "42 2" and out[1].startswith("module './nope.js' not found")


def test_tengo_modules_follow_tengo(tmp_path):
    """tengo: ``export`` makes the module's value immutable and ends the
    module; without ``export`` the value is undefined; ``import("./x")``
    appends ``.tengo``; in the spell itself ``export`` is ignored.  (tengo
    would run lib.tengo again at the second import; llmspell runs a module
    once per run, as the module doc says.)"""
    write(tmp_path, {
        "main.tengo": """
fmt := import("fmt")
lib := import("./lib")
fmt.println(lib.add(2, 3), " ", lib.name, " ", is_immutable_map(lib))
fmt.println(is_undefined(import("./nothing")))
fmt.println(import("./lib.tengo").name)
export "ignored in the spell itself"
fmt.println("still running")
""",
        "lib.tengo": 'fmt := import("fmt")\nfmt.println("lib runs once")\n'
                     'export {add: func(a, b) { return a + b }, name: "lib"}\nfmt.println("never")\n',
        "nothing.tengo": "x := 1\n",
    })
    out = run_file(tmp_path / "main.tengo").output
    assert out == "lib runs once\n5 lib true\ntrue\nlib\nstill running\n"
    write(tmp_path, {"mut.tengo": 'lib := import("./lib")\nlib.name = "x"\n'})
    with pytest.raises(llmspell.ScriptError, match="not index-assignable"):
        run_file(tmp_path / "mut.tengo")


# -- across languages ----------------------------------------------------------------------------------
#: the same library in each language: greet, add, a nested table, a callback and an error
LIBS = {
    "lua": """
local M = {info = {name = "lib", tags = {"a", "b", "c"}}}
function M.greet(who) return "hello, " .. who end
function M.add(a, b) return a + b end
function M.apply(f, x) return f(x) + 1 end
function M.fail(msg) error("boom: " .. msg) end
function M.pair() return {first = 1, second = {2.5, "x"}} end
return M
""",
    "js": """
export function greet(who) { return "hello, " + who; }
export function add(a, b) { return a + b; }
export const info = { name: "lib", tags: ["a", "b", "c"] };
export function apply(f, x) { return f(x) + 1; }
export function fail(msg) { throw new Error("boom: " + msg); }
export function pair() { return { first: 1, second: [2.5, "x"] }; }
""",
    "tengo": """
export {
    greet: func(who) { return "hello, " + who },
    add: func(a, b) { return a + b },
    info: {name: "lib", tags: ["a", "b", "c"]},
    apply: func(f, x) { return f(x) + 1 },
    fail: func(msg) { return error("boom: " + msg) },
    pair: func() { return {first: 1, second: [2.5, "x"]} }
}
""",
}
EXT = {"lua": ".lua", "js": ".js", "tengo": ".tengo"}

MAINS = {
    "lua": """
local lib = require("lib")
print(lib.greet("lua"), lib.add(2, 3), lib.add(0.5, 1), lib.info.name, #lib.info.tags, lib.info.tags[3])
print(lib.apply(function(v) return v * 2 end, 20))
local p = lib.pair()
print(p.first, p.second[1], p.second[2])
local ok, err = pcall(lib.fail, "now")
print(ok, type(err) == "string" and err:find("boom: now", 1, true) ~= nil)
""",
    "js": """
import * as lib from "./{lib}";
console.log(lib.greet("js"), lib.add(2, 3), lib.add(0.5, 1), lib.info.name, lib.info.tags.length, lib.info.tags[2]);
console.log(lib.apply((v) => v * 2, 20));
const p = lib.pair();
console.log(p.first, p.second[0], p.second[1]);
let caught = "no";
try { const r = lib.fail("now"); caught = r && String(r).includes("boom: now") ? "value" : "no"; }
catch (e) { caught = String(e.message).includes("boom: now") ? "thrown" : "other"; }
console.log(caught);
""",
    "tengo": """
fmt := import("fmt")
lib := import("./{tengo_lib}")
fmt.println(lib.greet("tengo"), " ", lib.add(2, 3), " ", lib.add(0.5, 1), " ", lib.info.name, " ", len(lib.info.tags), " ", lib.info.tags[2])
fmt.println(lib.apply(func(v) { return v * 2 }, 20))
p := lib.pair()
fmt.println(p.first, " ", p.second[0], " ", p.second[1])
r := lib.fail("now")
fmt.println(is_error(r), " ", text.contains(string(r), "boom: now"))
""".replace("fmt := import(\"fmt\")", 'fmt := import("fmt")\ntext := import("text")'),
}


def _main(main: str, lib: str) -> str:
    """The main spell importing the library as its language names files:
    Lua by module name, JavaScript with the extension, Tengo without it for
    its own files."""
    libfile = "lib" + EXT[lib]
    return MAINS[main].replace("{lib}", libfile).replace("{tengo_lib}", "lib" if lib == "tengo" else libfile)


def cross_output(tmp_path, main: str, lib: str) -> str:
    folder = tmp_path / f"{main}-{lib}"
    folder.mkdir()
    libfile = "lib" + EXT[lib]
    write(folder, {libfile: LIBS[lib], "main" + EXT[main]: _main(main, lib)})
    return run_file(folder / ("main" + EXT[main])).output


@pytest.mark.parametrize("main", ["lua", "js", "tengo"])
def test_a_spell_gives_the_same_output_whichever_language_its_library_is_in(tmp_path, main):
    same = cross_output(tmp_path, main, main)
    for lib in ("lua", "js", "tengo"):
        if lib != main:
            assert cross_output(tmp_path, main, lib) == same, (main, lib)


def test_the_same_language_pairs_match_the_references(tmp_path):
    for main, reference in (("lua", lua_reference), ("js", node_reference)):
        folder = tmp_path / main
        folder.mkdir()
        libfile = "lib" + EXT[main]
        write(folder, {libfile: LIBS[main], "main" + EXT[main]: _main(main, main)})
        want = reference(folder, "main" + EXT[main])
        assert run_file(folder / ("main" + EXT[main])).output == want
        assert want.startswith(f"hello, {main}")                # the reference ran the whole spell


def test_javascript_default_import_of_another_language_is_its_value(tmp_path):
    write(tmp_path, {"lib.lua": "return {x = 1, f = function(a) return a + 1 end}\n",
                     "main.js": "import lib, { f } from './lib.lua';\nconsole.log(lib.x, f(1), lib.f === f);\n"})
    assert run_file(tmp_path / "main.js").output == "1 2 true\n"


def test_async_javascript_functions_are_awaited_for_lua(tmp_path):
    write(tmp_path, {"lib.js": "export async function later(x) { await null; return x * 3; }\n"
                               "export async function nope() { throw new TypeError('bad'); }\n",
                     "main.lua": "local lib = require('lib')\nprint(lib.later(14))\nprint(pcall(lib.nope))\n"})
    first, second = run_file(tmp_path / "main.lua").output.splitlines()
    assert first == "42" and second.startswith("false\t") and second.endswith(": TypeError: bad")


def test_a_module_runs_once_even_when_two_languages_import_it(tmp_path):
    write(tmp_path, {"counter.lua": "print('counter loads')\nreturn {n = 1}\n",
                     "a.js": "import c from './counter.lua';\nexport const n = c.n;\n",
                     "main.tengo": 'fmt := import("fmt")\nc := import("./counter.lua")\na := import("./a.js")\n'
                                   'fmt.println(c.n + a.n)\n'})
    assert run_file(tmp_path / "main.tengo").output == "counter loads\n2\n"


# -- where modules may come from ----------------------------------------------------------------------
def test_modules_come_only_from_the_spell_folder_and_the_policy_paths(tmp_path):
    spell, shared, outside = tmp_path / "spell", tmp_path / "shared", tmp_path / "outside"
    write(spell, {"main.lua": "print(pcall(require, '../outside/secret'))\nprint(require('text').up('x'))\n"})
    write(shared, {"text.lua": "local h = require('./helper')\nreturn {up = function(s) return h(s) end}\n",
                   "helper.lua": "return function(s) return s:upper() .. '!' end\n"})
    write(outside, {"secret.lua": "return 'leaked'\n"})
    with pytest.raises(llmspell.ScriptError, match="module 'text' not found"):
        run_file(spell / "main.lua")
    out = run_file(spell / "main.lua", Policy(module_paths=(str(shared),))).output
    lines = out.splitlines()
    assert lines[0].startswith("false\tmodule '../outside/secret' is outside the module folders")
    assert lines[1] == "X!"


def test_a_symlink_cannot_lead_out_of_the_module_folders(tmp_path):
    write(tmp_path / "outside", {"secret.lua": "return 'leaked'\n"})
    write(tmp_path / "spell", {"main.lua": "print(pcall(require, 'link'))\n"})
    os.symlink(tmp_path / "outside" / "secret.lua", tmp_path / "spell" / "link.lua")
    out = run_file(tmp_path / "spell" / "main.lua").output
    assert out.startswith("false\tmodule 'link' is outside the module folders") and "leaked" not in out


def test_a_spell_without_a_file_has_no_modules():
    with pytest.raises(llmspell.ScriptError, match="the spell has no folder"):
        api.run("require('x')")


def test_policy_file_module_paths(tmp_path):
    write(tmp_path, {"spell/main.tengo": 'fmt := import("fmt")\nfmt.println(import("greeting").text)\n',
                     "spell/llmspell.toml": '[modules]\npaths = ["../lib"]\n',
                     "lib/greeting.js": "export const text = 'hi from js';\n"})
    proc = subprocess.run([sys.executable, "-m", "llmspell", "run", str(tmp_path / "spell/main.tengo")],
                          capture_output=True, text=True)
    assert (proc.returncode, proc.stdout) == (0, "hi from js\n"), proc.stderr
    write(tmp_path, {"spell/llmspell.toml": '[modules]\npaths = ["../nowhere"]\n'})
    proc = subprocess.run([sys.executable, "-m", "llmspell", "run", str(tmp_path / "spell/main.tengo")],
                          capture_output=True, text=True)
    assert proc.returncode == 2 and "no such folder" in proc.stderr and "Traceback" not in proc.stderr


# -- errors name the right file ----------------------------------------------------------------------
def test_an_error_inside_a_module_shows_the_module_line(tmp_path):
    write(tmp_path, {"lib.lua": "local M = {}\nfunction M.half(x)\n  return x.value / 2\nend\nreturn M\n",
                     "main.lua": "local lib = require('lib')\nprint(lib.half(nil))\n"})
    with pytest.raises(llmspell.ScriptError) as info:
        run_file(tmp_path / "main.lua")
    text = info.value.render()
    assert "lib.lua:3:" in text and "return x.value / 2" in text          # the module's own line
    assert "main.lua:2" in text and "print(lib.half(nil))" in text        # and the caller's


@pytest.mark.parametrize("main, body", [
    ("main.js", "import { f } from './broken.lua';\n"),
    ("main.tengo", 'b := import("./broken.lua")\n'),
    ("main.lua", "local b = require('broken')\n"),
])
def test_a_syntax_error_in_a_module_is_shown_in_the_module(tmp_path, main, body):
    write(tmp_path, {"broken.lua": "local x = = 1\nreturn {}\n", main: body})
    with pytest.raises(llmspell.ParseError) as info:
        run_file(tmp_path / main)
    assert info.value.span.file.endswith("broken.lua") and info.value.span.line == 1
    assert "local x = = 1" in info.value.render()


def test_a_missing_static_import_is_an_error_before_anything_runs(tmp_path):
    write(tmp_path, {"main.js": "console.log('ran');\nimport { x } from './nowhere.js';\n"})
    with pytest.raises(llmspell.CompileError) as info:
        run_file(tmp_path / "main.js")
    assert "module './nowhere.js' not found" in info.value.message and info.value.span.line == 2
    assert getattr(info.value, "output", "") == ""


def test_an_import_cycle_is_an_error_naming_the_chain(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, {"a.lua": "return require('b')\n", "b.js": "import a from './c.tengo';\nexport default a;\n",
                     "c.tengo": 'a := import("./a.lua")\nexport a\n', "main.lua": "require('a')\n"})
    with pytest.raises(llmspell.ScriptError, match=r"import cycle: a\.lua → b\.js → c\.tengo → a\.lua"):
        run_file(tmp_path / "main.lua")


# -- one run, one budget, one journal ------------------------------------------------------------------
def test_modules_share_the_runs_limits_and_counts(tmp_path):
    write(tmp_path, {"spin.js": "export function spin(n) { let s = 0; for (let i = 0; i < n; i++) s += i; return s; }\n",
                     "main.lua": "local m = require('spin')\nprint(m.spin(...))\n"})
    first = run_file(tmp_path / "main.lua", args=(1000,))
    again = run_file(tmp_path / "main.lua", args=(1000,))
    alone = api.run("print(1)")
    assert first.output == "499500\n"
    assert (first.instructions, first.alloc_bytes) == (again.instructions, again.alloc_bytes)
    assert first.instructions > alone.instructions + 1000            # the loop in the JS module counted
    with pytest.raises(llmspell.LimitExceeded):
        run_file(tmp_path / "main.lua", Policy(limits=Limits(max_instructions=5_000)), args=(10_000,))


def test_bridge_calls_in_a_module_go_to_the_runs_journal(tmp_path):
    write(tmp_path, {"notes.js": "export function note(s) { log.info(s); return s.length; }\n",
                     "main.lua": "local n = require('notes')\nprint(n.note('hi'))\n"})
    result = run_file(tmp_path / "main.lua")
    assert result.output == "2\n"
    assert [e["call"] for e in result.journal] == ["log.info"]


def test_each_module_is_compiled_once_per_source(tmp_path):
    write(tmp_path, {"lib.lua": "return 1\n", "main.lua": "print(require('lib'))\n"})
    run_file(tmp_path / "main.lua")
    path = os.path.realpath(tmp_path / "lib.lua")
    cached = [p for (f, _, _), p in modules._PROGRAMS.items() if f == path]
    run_file(tmp_path / "main.lua")
    assert [p for (f, _, _), p in modules._PROGRAMS.items() if f == path] == cached and len(cached) == 1
    write(tmp_path, {"lib.lua": "return 2\n"})
    assert run_file(tmp_path / "main.lua").output.startswith("2\t")
    assert len([p for (f, _, _), p in modules._PROGRAMS.items() if f == path]) == 2


def test_run_result_lists_the_module_files(tmp_path):
    write(tmp_path, {"lib.lua": "return 1\n", "main.lua": "require('lib')\n"})
    assert run_file(tmp_path / "main.lua").files == [os.path.realpath(tmp_path / "lib.lua")]


# -- check follows imports --------------------------------------------------------------------------
def test_check_finds_unknown_modules_and_exports_in_every_language(tmp_path):
    write(tmp_path, {
        "lib.lua": "local M = {}\nfunction M.greet(s) return s end\nreturn M\n",
        "util.js": "export const twice = (x) => x * 2;\n",
        "conf.tengo": 'export {name: "x"}\n',
        "a.lua": "local l = require('lib')\nl.gret('x')\nlocal u = require('util')\nprint(u.twice(1), u.thrice)\n"
                 "local n = require('nope')\n",
        "b.js": "import { greet, gret } from './lib.lua';\nimport { nam } from './conf.tengo';\n"
                "import z from './zzz.js';\nconst later = import('./util.js'), never = import('./nowhere.js');\n",
        "c.tengo": 'c := import("./conf")\nx := c.nme\nu := import("./util.js")\ny := u.twice(2)\n'
                   'q := import("./gone")\n',
    })
    found = {}
    for name in ("a.lua", "b.js", "c.tengo"):
        path = tmp_path / name
        report = api.check(path.read_text(), api.lang_for(name), str(path))
        found[name] = [(f.code, f.span.line) for f in report.findings]
    assert found == {
        "a.lua": [("unknown-export", 2), ("unknown-export", 4), ("unknown-module", 5)],
        "b.js": [("unknown-export", 1), ("unknown-export", 2), ("unknown-module", 3), ("unknown-module", 4)],
        "c.tengo": [("unknown-export", 2), ("unknown-module", 5)],
    }


def test_check_reports_problems_inside_modules_with_their_lines(tmp_path):
    write(tmp_path, {"lib.js": "export function f() { return Math.floo(1.5); }\n",
                     "main.lua": "print(require('lib').f())\n"})
    report = api.check((tmp_path / "main.lua").read_text(), "lua", str(tmp_path / "main.lua"))
    [finding] = report.findings
    assert finding.code == "unknown-member" and finding.span.file.endswith("lib.js")
    assert "Math.floo(1.5)" in finding.render()


def test_check_cli_json_shows_module_findings(tmp_path):
    write(tmp_path, {"main.js": "import { nope } from './lib.js';\n", "lib.js": "export const yes = 1;\n"})
    proc = subprocess.run([sys.executable, "-m", "llmspell", "check", "--format", "json", str(tmp_path / "main.js")],
                          capture_output=True, text=True)
    doc = json.loads(proc.stdout)
    assert proc.returncode == 1
    assert [(f["code"], f["line"], f["col"]) for f in doc["files"][0]["findings"]] == [("unknown-export", 1, 10)]


def test_the_readme_example_runs_as_shown():
    """examples/modules/ is the README's cross-language example: its files and
    its output are the ones the README shows."""
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    readme = open(os.path.join(root, "README.md"), encoding="utf-8").read()
    folder = os.path.join(root, "examples", "modules")
    for name in ("summarize.lua", "textkit.js", "config.tengo"):
        assert open(os.path.join(folder, name)).read() in readme
    proc = subprocess.run([sys.executable, "-m", "llmspell", "run", "summarize.lua"], cwd=folder,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "$ llmspell run summarize.lua\n" + proc.stdout + "```" in readme


def test_values_cross_as_the_value_model_table_says(tmp_path):
    """README's table of values between languages: each host form lands as
    the importer's own kind of value; functions keep their identity, also
    when they come back; tables are copied."""
    write(tmp_path, {
        "lib.js": "export const kinds = (...xs) => xs.map((x) => Array.isArray(x) ? 'array' : x === null ? 'null'"
                  " : typeof x).join(',');\n"
                  "export const same = (a, b) => a === b;\nexport const back = (g) => g;\n"
                  "export const grow = (t) => { t.push(99); return t.length; };\n",
        "tg.tengo": "export {kinds: func(...xs) { out := []; for x in xs { out = append(out, type_name(x)) }; "
                    "return out }}\n",
        "main.lua": "local js, tg = require('lib'), require('tg')\n"
                    "print(js.kinds({1, 2}, {a = 1}, nil, true, 2.5, 3, 'x'))\n"
                    "print(table.concat(tg.kinds({1, 2}, {a = 1}, true, 2.5, 3, 'x'), ','))\n"
                    "local f = function(x) return x end\n"
                    "print(js.same(f, f), js.back(f) == f)\n"
                    "local t = {1, 2}\nprint(js.grow(t), #t)\n",
    })
    assert run_file(tmp_path / "main.lua").output == (
        "array,object,undefined,boolean,number,number,string\n"
        "array,map,bool,float,int,string\n"
        "true\ttrue\n"
        "3\t2\n")


def test_a_module_reaches_the_bridges_its_importer_does_not(tmp_path):
    """The spell names no bridge (so its run starts without them), but its
    modules do: in its own language, and in another language whose runtime
    was made earlier only to convert a value."""
    write(tmp_path, {"quiet.js": "export const n = 1;\n",
                     "loud.js": "export function note(s) { log.info(s); return s.length; }\n",
                     "logs.lua": "local M = {}\nfunction M.note(s) log.info(s) return #s end\nreturn M\n",
                     "main.lua": "print(require('quiet').n, require('loud').note('ab'), require('logs').note('xyz'))\n"})
    result = run_file(tmp_path / "main.lua")
    assert result.output == "1\t2\t3\n"
    assert [(e["call"], e["args"][0]) for e in result.journal] == [("log.info", "ab"), ("log.info", "xyz")]


def test_the_policy_holds_inside_modules_of_every_language(tmp_path):
    """A builtin the policy disables is disabled in a module of another
    language too, and a permission is needed there as in the spell."""
    write(tmp_path, {"clock.js": "export const now = () => Date.now();\n",
                     "files.tengo": 'export {read: func(p) { return tools.file_read(p) }}\n',
                     "main.lua": "print(pcall(require('clock').now))\n"
                                 "print(pcall(require('files').read, '/etc/hostname'))\n"})
    policy = Policy(disabled=("Date.now",))
    out = run_file(tmp_path / "main.lua", policy).output.splitlines()
    assert out[0].startswith("false\t") and "Date.now is disabled by the policy" in out[0]
    assert "permission denied: needs read:/etc/hostname" in out[1]


def test_a_value_too_deep_to_cross_is_an_error_the_caller_can_catch(tmp_path):
    write(tmp_path, {"deep.js": "export const id = (x) => 1;\n"
                                "export function make() { let o = {}; const root = o;\n"
                                "  for (let i = 0; i < 100; i++) { o.n = {}; o = o.n; } return root; }\n",
                     "main.lua": "local js = require('deep')\nlocal t, cur = {}, nil\ncur = t\n"
                                 "for i = 1, 100 do cur.next = {}; cur = cur.next end\n"
                                 "print(pcall(js.id, t))\nprint(pcall(js.make))\n"})
    lines = run_file(tmp_path / "main.lua").output.splitlines()
    assert len(lines) == 2 and all(line.startswith("false\t") and line.endswith("value nested too deeply to pass "
                                                                              "to the host") for line in lines)


def test_a_value_no_other_language_has_is_a_clean_error(tmp_path):
    """A Lua coroutine has no JavaScript counterpart: exporting one, or
    passing one to a JavaScript function, is a script error, not a crash."""
    write(tmp_path, {"colib.lua": "return {co = coroutine.create(function() end)}\n",
                     "ok.js": "export function f() { return 1; }\n",
                     "main.js": "import { co } from './colib.lua';\n",
                     "main.lua": "print(pcall(require('ok').f, coroutine.create(function() end)))\n"})
    with pytest.raises(llmspell.ScriptError, match="cannot pass a Coroutine"):
        run_file(tmp_path / "main.js")
    out = run_file(tmp_path / "main.lua").output
    assert out.startswith("false\t") and "cannot pass a Coroutine" in out
