"""Every golden program round-trips through the serializer byte-identically and
runs the same after loading."""
import pathlib

import pytest

import llmspell
from llmspell.api import Program
from llmspell.ir import serialize
from llmspell.ir.errors import VerifyError

GOLDEN = sorted((pathlib.Path(__file__).parent.parent / "golden" / "lua").glob("*.lua"))


@pytest.mark.parametrize("path", GOLDEN, ids=lambda p: p.stem)
def test_roundtrip(path):
    source = path.read_text()
    try:
        program = llmspell.compile(source, "lua", path.name, cache=False)
    except llmspell.LlmspellError:
        pytest.skip("does not compile (covered by the golden test)")
    data = serialize.dumps(program.module)
    assert serialize.dumps(llmspell.compile(source, "lua", path.name, cache=False).module) == data
    loaded = serialize.loads(data)
    assert serialize.dumps(loaded) == data
    try:
        first = program.run().output
    except llmspell.LlmspellError as e:
        first = type(e).__name__ + str(e)
    try:
        second = Program(loaded).run().output
    except llmspell.LlmspellError as e:
        second = type(e).__name__ + str(e)
    assert first == second


def test_loader_rejects_garbage():
    with pytest.raises(VerifyError, match="bad magic"):
        serialize.loads(b"not a module")
    good = serialize.dumps(llmspell.compile("return 1", cache=False).module)
    with pytest.raises(VerifyError, match="truncated"):
        serialize.loads(good[:-3])
    with pytest.raises(VerifyError, match="trailing"):
        serialize.loads(good + b"\0")
    with pytest.raises(VerifyError, match="version"):
        serialize.loads(good[:6] + bytes([99]) + good[7:])
