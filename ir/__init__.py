"""The bytecode IR shared by every front end and the VM.

Front ends lower their ASTs into :class:`~llmspell.ir.model.Module` objects built
from the one opcode table in :mod:`llmspell.ir.opcodes`; the verifier checks them,
the serializer turns them into deterministic bytes, and the VM compiles them.
"""
