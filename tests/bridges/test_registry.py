"""Every intrinsic, from its declaration: a call missing a required argument is
a clear script error naming the field and the intrinsic, at the spell's line."""
import pytest

import llmspell
from llmspell.bridges import NAMESPACES, load_all
from llmspell.bridges.registry import REGISTRY, namespaces

load_all()
REQUIRED = [it for it in REGISTRY.values() if it.method_of is None and any(p.required for p in it.params)]


@pytest.mark.parametrize("it", REQUIRED, ids=lambda it: it.name)
def test_missing_required_argument_names_the_field(it):
    first = next(p for p in it.params if p.required)
    with pytest.raises(llmspell.ScriptError) as info:
        llmspell.run(f"local x = 1\n{it.name}()\n", name="args.lua")
    assert info.value.message == f"{it.name}: bad argument '{first.name}' ({first.type} expected, got nil)"
    assert (info.value.span.file, info.value.span.line) == ("args.lua", 2)


@pytest.mark.parametrize("it", [it for it in REQUIRED if it.params[0].type == "table"
                                and any(f.required for f in it.params[0].fields)], ids=lambda it: it.name)
def test_wrong_field_type_names_the_field(it):
    field = next(f for f in it.params[0].fields if f.required)
    wrong = "true" if "boolean" not in field.types else '"x"'
    with pytest.raises(llmspell.ScriptError) as info:
        llmspell.run(f"{it.name}{{{field.name} = {wrong}}}", name="args.lua")
    assert f"bad argument '{field.name}' ({field.type} expected, got " in info.value.message


def test_every_namespace_is_a_global_in_spells():
    names = sorted(namespaces())
    assert names == sorted(NAMESPACES)          # the list compiling and start-up use without importing
    r = llmspell.run("return " + ", ".join(f"type({n})" for n in names))
    assert r.values == ["table"] * len(names)


@pytest.mark.parametrize("lang,src", [
    ("lua", "local n = 0\nfor k in pairs(_G) do if k == 'llm' then n = n + 1 end end\nprint(n)"),
    ("lua", "print(type(_ENV['tools']))"),
    ("javascript", "console.log(typeof llm, typeof globalThis.tools)"),
])
def test_spells_that_name_globals_at_run_time_still_see_the_bridges(lang, src):
    """A spell naming no bridge runs without them (start-up); one that can reach
    globals by a computed name gets them all."""
    out = llmspell.run(src, lang=lang, name="g." + {"lua": "lua", "javascript": "js"}[lang]).output
    assert out in ("1\n", "table\n", "object object\n")


def test_a_spell_naming_no_bridge_does_not_import_them():
    import subprocess
    import sys
    code = ("import sys, llmspell; llmspell.run('print(1)'); "
            "print(sorted(m for m in sys.modules if m.startswith('llmspell.bridges')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out == "['llmspell.bridges']\n"


def test_declarations_are_complete():
    for it in REGISTRY.values():
        assert it.doc, f"{it.name} has no doc"
        assert it.name.count(".") == 1
        if it.method_of:
            assert it.namespace == it.method_of
