"""The opcode table: the single source of truth for the IR.

Each row is an :class:`OpSpec`: name, operand kinds, fuel cost, flags and a
one-line picture of what the instruction does.  The builder, the verifier, the
disassembler, the serializer and the VM's code generator all iterate over
:data:`OPCODES`; opcode numbers are the row positions.

The IR is register based (like Lua 5.4) with *structured* control flow (like
WebAssembly): ``IF``/``ELSE``/``END``, ``BLOCK``, ``LOOP`` and the two ``FOR``
loops open regions closed by ``END``; ``BREAK L`` leaves the region labelled
``L`` and ``CONTINUE L`` starts its next iteration.  Structured control flow is
what lets the VM compile each IR function to straight Python code (``while``,
``for``, ``if``) instead of dispatching on a program counter.

Operand kinds
-------------
``R``  register written          ``r``  register read
``A``  register or constant read: ``v >= 0`` is register ``v``, ``v < 0`` is constant ``-1 - v``
``K``  constant index            ``U``  upvalue index
``F``  child function index      ``L``  label (defined by BLOCK/LOOP/FOR, used by BREAK/CONTINUE)
``N``  unsigned immediate        ``M``  result count: ``-1`` = all results as one tuple
``B``  flag 0/1

Notes
-----
* ``INTRINSIC`` is the door for what one language has and the others do not
  (like CPython's ``CALL_INTRINSIC_1``): the name is a constant, resolved
  against the module's language when the VM compiles it, so an unknown name is
  a compile-time error, never a run-time lookup.
* ``TRY`` ... [``CATCH`` ...] [``FINALLY`` ...] ``END``: a limit
  (``LimitExceeded``) is never caught; ``BREAK``/``CONTINUE``/``RETURN`` out of
  the region run the ``FINALLY`` part first.
* A register holding "all results" (``M = -1``, or ``VARARG`` with ``-1``) holds
  a Python tuple; ``CALL``/``RETURN``/``SET_LIST`` with the spread flag splice it
  in as their last operand.
* ``BOX`` gives a local that a closure captures a fresh box per execution of its
  declaration, which is how each loop iteration gets its own variable.
* Fuel: ``IF``, ``BREAK``, ``CONTINUE`` are charged each time they run, the
  loops (``LOOP`` and the two ``FOR``) once per iteration — so even an empty
  loop burns fuel — and the other region markers (``BLOCK``, ``ELSE``, ``END``,
  ``TRY``, ``CATCH``, ``FINALLY``) cost nothing.  The VM charges a straight-line run of instructions at its start.
"""
from __future__ import annotations

import attrs

# flags
JUMP = 1          # transfers control (BREAK/CONTINUE)
OPENS = 2         # opens a region closed by END
LABEL = 4         # defines a label (first operand)
MAY_RAISE = 8     # may raise a script error
CALLS = 16        # may run script code (a call or a metamethod)
SPLITS = 32       # separates two parts of the enclosing region (ELSE, CATCH, FINALLY)
MULTI = -1


@attrs.frozen
class OpSpec:
    name: str
    operands: str                # kinds, space separated
    fuel: int
    flags: int
    doc: str                     # one-line semantics

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(self.operands.split())


def _op(name, operands, fuel, flags, doc):
    return OpSpec(name, operands, fuel, flags, doc)


_R = MAY_RAISE | CALLS
OPCODES: tuple[OpSpec, ...] = (
    # data movement
    _op("MOVE", "R r", 1, 0, "R[a] := R[b]"),
    _op("LOAD_CONST", "R K", 1, 0, "R[a] := K[b]"),
    _op("LOAD_NIL", "R", 1, 0, "R[a] := nil"),
    _op("LOAD_BOOL", "R B", 1, 0, "R[a] := b == 1"),
    _op("LOAD_GLOBAL", "R K", 1, _R, "R[a] := G[K[b]]"),
    _op("LOAD_ENV", "R", 1, 0, "R[a] := G, the globals table (Lua's _ENV)"),
    _op("STORE_GLOBAL", "K A", 1, _R, "G[K[a]] := A[b]"),
    _op("BOX", "R r", 1, 0, "R[a] := new box holding R[b]"),
    _op("LOAD_BOX", "R r", 1, 0, "R[a] := R[b].value"),
    _op("STORE_BOX", "r A", 1, 0, "R[a].value := A[b]"),
    _op("LOAD_UPVAL", "R U", 1, 0, "R[a] := U[b].value (U[b] itself if not boxed)"),
    _op("STORE_UPVAL", "U A", 1, 0, "U[a].value := A[b]   (U[a] must be boxed)"),
    _op("CLOSURE", "R F", 1, MAY_RAISE, "R[a] := closure of function F[b] over its upvalues"),
    _op("VARARG", "R M", 1, 0, "R[a..] := ... adjusted to c results (-1: a tuple of all)"),
    # tables
    _op("NEW_TABLE", "R N N", 1, MAY_RAISE, "R[a] := {} sized for b array and c hash items"),
    _op("GET_INDEX", "R r A", 1, _R, "R[a] := R[b][A[c]]"),
    _op("GET_FIELD", "R r K", 1, _R, "R[a] := R[b][K[c]]   (K[c] a string)"),
    _op("SET_INDEX", "r A A", 1, _R, "R[a][A[b]] := A[c]"),
    _op("SET_FIELD", "r K A", 1, _R, "R[a][K[b]] := A[c]   (K[b] a string)"),
    _op("SET_LIST", "r N N B", 1, MAY_RAISE, "R[a][b+i] := R[a+1+i] for i < c; d: R[a+c] is a tuple spliced in"),
    _op("SELF", "R r K", 1, _R, "R[a+1] := R[b]; R[a] := R[b][K[c]]"),
    # arithmetic and bitwise
    _op("ADD", "R A A", 1, _R, "R[a] := A[b] + A[c]"),
    _op("SUB", "R A A", 1, _R, "R[a] := A[b] - A[c]"),
    _op("MUL", "R A A", 1, _R, "R[a] := A[b] * A[c]"),
    _op("DIV", "R A A", 1, _R, "R[a] := A[b] / A[c]"),
    _op("IDIV", "R A A", 1, _R, "R[a] := A[b] // A[c]"),
    _op("MOD", "R A A", 1, _R, "R[a] := A[b] % A[c]"),
    _op("POW", "R A A", 1, _R, "R[a] := A[b] ^ A[c]"),
    _op("BAND", "R A A", 1, _R, "R[a] := A[b] & A[c]"),
    _op("BOR", "R A A", 1, _R, "R[a] := A[b] | A[c]"),
    _op("BXOR", "R A A", 1, _R, "R[a] := A[b] ~ A[c]"),
    _op("SHL", "R A A", 1, _R, "R[a] := A[b] << A[c]"),
    _op("SHR", "R A A", 1, _R, "R[a] := A[b] >> A[c]"),
    _op("UNM", "R A", 1, _R, "R[a] := -A[b]"),
    _op("BNOT", "R A", 1, _R, "R[a] := ~A[b]"),
    _op("NOT", "R A", 1, 0, "R[a] := not A[b]"),
    _op("LEN", "R A", 1, _R, "R[a] := #A[b]"),
    _op("CONCAT", "R r N", 1, _R, "R[a] := R[b] .. ... .. R[b+c-1]"),
    # comparison
    _op("EQ", "R A A", 1, _R, "R[a] := A[b] == A[c]"),
    _op("LT", "R A A", 1, _R, "R[a] := A[b] < A[c]"),
    _op("LE", "R A A", 1, _R, "R[a] := A[b] <= A[c]"),
    # calls
    _op("CALL", "r N M B", 1, _R, "R[a..] := R[a](R[a+1..a+b]) with c results; d: R[a+b] is a tuple spliced in"),
    _op("RETURN", "r N B", 1, 0, "return R[a..a+b-1]; c: R[a+b-1] is a tuple spliced in"),
    _op("INTRINSIC", "R K r N", 1, _R,
        "R[a] := the language's intrinsic named K[b] applied to R[c..c+d-1] (typeof, new, spread, yield ...)"),
    _op("THROW", "A", 1, MAY_RAISE, "raise A[a] as a script error (catchable by TRY)"),
    # structured control flow
    _op("IF", "r B", 1, 0, "run the region if R[a] is truthy (b = 1: if falsy)"),
    _op("ELSE", "", 0, SPLITS, "the other branch of the enclosing IF"),
    _op("END", "", 0, 0, "close the innermost open region"),
    _op("BLOCK", "L", 0, OPENS | LABEL, "region; BREAK a jumps past its END"),
    _op("LOOP", "L", 1, OPENS | LABEL, "region repeated until BREAK a; CONTINUE a restarts it; fuel per iteration"),
    _op("FOR_NUM", "L r", 1, OPENS | LABEL | MAY_RAISE,
        "for R[b+3] = R[b], R[b+1], R[b+2] (Lua numeric for); fuel per iteration"),
    _op("FOR_IN", "L r N", 1, OPENS | LABEL | _R,
        "for R[b+3..b+3+c-1] in R[b], R[b+1], R[b+2] (Lua generic for); fuel per iteration"),
    _op("TBC", "L r", 1, OPENS | LABEL | _R,
        "region in which R[b] is to be closed: its __close runs however the region is left"),
    _op("TRY", "R", 0, OPENS,
        "region whose script errors are caught: R[a] := the thrown value, then the CATCH part runs"),
    _op("CATCH", "", 0, SPLITS, "the handler part of the enclosing TRY"),
    _op("FINALLY", "", 0, SPLITS, "the part of the enclosing TRY that runs however it is left"),
    _op("BREAK", "L", 1, JUMP, "leave region a"),
    _op("CONTINUE", "L", 1, JUMP, "next iteration of loop a"),
)

BY_NAME: dict[str, int] = {spec.name: i for i, spec in enumerate(OPCODES)}


class Op:
    """Opcode numbers by name: ``Op.ADD``.  Derived from :data:`OPCODES`."""


for _i, _spec in enumerate(OPCODES):
    setattr(Op, _spec.name, _i)

ARITH = frozenset(BY_NAME[n] for n in
                  ("ADD", "SUB", "MUL", "DIV", "IDIV", "MOD", "POW", "BAND", "BOR", "BXOR", "SHL", "SHR"))
UNARY = frozenset(BY_NAME[n] for n in ("UNM", "BNOT", "NOT", "LEN"))
COMPARE = frozenset(BY_NAME[n] for n in ("EQ", "LT", "LE"))
LOOPS = frozenset(BY_NAME[n] for n in ("LOOP", "FOR_NUM", "FOR_IN"))


def registers(ins: tuple) -> tuple[list[int], list[int]]:
    """``(read, written)`` registers of an instruction, including the variadic
    ranges of CALL/RETURN/SET_LIST/CONCAT/VARARG/SELF/FOR (for the verifier and
    the debugger's culprit naming)."""
    op = ins[0]
    spec = OPCODES[op]
    args = ins[1:]
    reads: list[int] = []
    writes: list[int] = []
    for kind, v in zip(spec.kinds, args):
        if kind == "r" or (kind == "A" and v >= 0):
            reads.append(v)
        elif kind == "R":
            writes.append(v)
    name = spec.name
    if name == "CALL":
        a, b, c, _ = args
        reads[:] = list(range(a, a + b + 1))
        writes = list(range(a, a + max(c, 1)))
    elif name == "RETURN":
        a, b, _ = args
        reads[:] = list(range(a, a + b))
    elif name == "SET_LIST":
        a, _, c, _ = args
        reads[:] = list(range(a, a + c + 1))
    elif name == "CONCAT":
        a, b, c = args
        reads[:] = list(range(b, b + c))
    elif name == "VARARG":
        a, c = args
        writes = list(range(a, a + max(c, 1)))
    elif name == "INTRINSIC":
        _, _, c, d = args
        reads[:] = list(range(c, c + d))
    elif name == "SELF":
        writes = [args[0], args[0] + 1]
    elif name == "FOR_NUM":
        b = args[1]
        reads[:] = [b, b + 1, b + 2]
        writes = [b + 3]
    elif name == "FOR_IN":
        b, c = args[1], args[2]
        reads[:] = [b, b + 1, b + 2]
        writes = list(range(b + 3, b + 3 + c))
    return reads, writes
