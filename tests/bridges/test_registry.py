"""Every intrinsic, from its declaration: a call missing a required argument is
a clear script error naming the field and the intrinsic, at the spell's line."""
import pytest

import llmspell
from llmspell.bridges import load_all
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
    r = llmspell.run("return " + ", ".join(f"type({n})" for n in names))
    assert r.values == ["table"] * len(names)
    assert set(names) >= {"llm", "tools", "state", "workflow", "events", "hooks", "log"}


def test_declarations_are_complete():
    for it in REGISTRY.values():
        assert it.doc, f"{it.name} has no doc"
        assert it.name.count(".") == 1
        if it.method_of:
            assert it.namespace == it.method_of
