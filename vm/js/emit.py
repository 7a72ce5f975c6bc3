"""Python code generation for JavaScript modules: where JS's semantics differ from Lua's.

:class:`JsFuncGen` overrides the instructions whose meaning depends on the
language (DESIGN §2: the module's language tag selects the operators' rules):

* numbers are always floats, so the fast paths test ``type(x) is float`` and
  never wrap; ``+`` falls back to ToPrimitive/concatenation (``add``);
* truthiness is JavaScript's (``0``, ``""``, ``NaN``, ``null`` are false);
* ``EQ`` is ``===``; loose ``==`` is an intrinsic;
* ``CALL`` passes ``this`` as the first argument to ``f.fn`` and every
  function returns exactly one value (no result tuples);
* ``GET_FIELD``/``SET_FIELD`` read an own data property inline and leave
  prototype chains, getters, arrays and primitives to the runtime;
* ``CLOSURE`` wraps the compiled Python function in a :class:`JsFunction`
  carrying its name, ``length`` and kind (arrow, class, generator ...);
* ``FOR_IN`` iterates by the iteration protocol (``for ... of``).

:data:`INTRINSICS` is the one table of the names ``INTRINSIC`` may use in a
JavaScript module, each with the runtime operation it is bound to.
"""
from __future__ import annotations

from functools import partial

from ...ir.errors import CompileError
from ...ir.javascript import KIND_BITS
from ...ir.opcodes import Op
from ..codegen import OneResultFuncGen, handler_table
from .lib_regexp import make_regexp
from .values import ASYNC, CLASS, GENERATOR, HOLE, JS_NULL, TDZ, index_of_key



def _rt(name):
    return lambda rt: getattr(rt, name)


#: intrinsic name -> how to get its Python callable from a JsRuntime
INTRINSICS: dict = {
    "typeof": _rt("typeof"),
    "typeof_global": lambda rt: lambda name: rt.typeof(rt.Gh.get(name)),
    "loose_eq": _rt("loose_eq"),
    "gt": lambda rt: lambda a, b: rt.lt(b, a, False),
    "ge": lambda rt: lambda a, b: rt.le(b, a, False),
    "ushr": lambda rt: lambda a, b: rt.arith("USHR", a, b),
    "instanceof": _rt("instance_of"),
    "in": lambda rt: lambda k, o: rt.has_property(o, k),
    "delete": _rt("delete"),
    "to_number": _rt("to_number"),
    "inc": lambda rt: lambda v: rt.to_number(v) + 1.0,
    "dec": lambda rt: lambda v: rt.to_number(v) - 1.0,
    "to_key": _rt("to_property_key"),
    "new": _rt("construct"),
    "array": lambda rt: lambda *items: rt.new_array(list(items)),
    "spread_into": lambda rt: lambda arr, it: _spread_into(rt, arr, it),
    "copy_props": lambda rt: lambda obj, src, *excluded: _copy_props(rt, obj, src, excluded),
    "apply": lambda rt: lambda f, this, args: rt.call_site_apply(f, this, args),
    "new_apply": lambda rt: lambda f, args: rt.construct(f, *args.items),
    "name_function": lambda rt: lambda f, key: rt.name_function(f, key),
    "rest_from": lambda rt: lambda arr, n: rt.new_array(arr.items[int(n):]),
    "take": lambda rt: lambda it, n, rest: rt.take(it, int(n), rest),
    "tdz": lambda rt: lambda: TDZ,
    "hole": lambda rt: lambda: HOLE,
    "for_in": _rt("for_in"),
    "for_await": _rt("for_await"),
    "define_accessor": _rt("define_accessor"),
    "define_method": _rt("define_method"),
    "make_class": _rt("make_class"),
    "set_fields": _rt("set_fields"),
    "super_call": _rt("super_call"),
    "super_apply": lambda rt: lambda cls, this, args: rt.super_call(cls, this, *args.items),
    "private_name": _rt("private_name"),
    "null": lambda rt: lambda: JS_NULL,
    "nullish": lambda rt: lambda v: v is None or v is JS_NULL,
    "super_get": _rt("super_get"),
    "new_target": _rt("new_target"),
    "set_proto": _rt("set_literal_proto"),
    "regexp": lambda rt: partial(make_regexp, rt),
    "template": _rt("template_object"),
    "yield": _rt("generator_yield"),
    "yield_star": _rt("generator_yield_star"),
    "await": _rt("await_value"),
    "generator": _rt("generator_function"),
    "async": _rt("async_function"),
    "check_object": _rt("require_object_coercible"),
    "import_module": _rt("import_module"),
    "dynamic_import": _rt("dynamic_import"),
    "import_binding": _rt("import_binding"),
    "import_get": _rt("import_get"),
    "export_from": _rt("export_from"),
    "module_namespace": _rt("module_namespace"),
    "export_star": _rt("export_star"),
    "check_tdz": lambda rt: lambda v, name: v if v is not TDZ else rt.tdz_error(name),
}


#: intrinsics written inline as Python expressions over their operands: the
#: number (or constant) case costs no call; anything else calls the runtime
INLINE = {
    "null": "JS_NULL", "tdz": "TDZ", "hole": "HOLE",
    "nullish": "{0} is None or {0} is JS_NULL",                          # x == null, for ?? and ?.
    "to_number": "{0} if type({0}) is float else tonum({0})",            # ToNumeric
    "inc": "{0} + 1.0 if type({0}) is float else tonum({0}) + 1.0",
    "dec": "{0} - 1.0 if type({0}) is float else tonum({0}) - 1.0",
    "gt": "{0} > {1} if type({0}) is float and type({1}) is float else ix_gt({0}, {1})",   # a > b:
    "ge": "{0} >= {1} if type({0}) is float and type({1}) is float else ix_ge({0}, {1})",  # a first
}


def _spread_into(rt, arr, iterable):
    """Append what ``...iterable`` yields to the array literal *arr* being built;
    an elision after a spread (``[...a, , b]``) arrives as HOLE and appends a hole."""
    if iterable is HOLE:
        rt.meter.alloc(8, 0)
        arr.items.append(HOLE)
        return arr
    for v in rt.iterate(iterable, True):
        rt.meter.alloc(8, 0)
        arr.items.append(v)
    return arr


def _copy_props(rt, obj, src, excluded):
    """``{...src}`` (and ``{a, ...rest} = src``: *excluded* keys left out)."""
    from .values import JsObject
    if src is None or not isinstance(src, JsObject) and type(src) is not str:
        return obj
    skip = set(rt.to_property_key(k) for k in excluded)
    if type(src) is str:
        for i, c in enumerate(src):
            rt.put(obj, str(i), c)
        return obj
    for k in rt.own_keys(src, symbols=True):
        if k not in skip and rt.is_enumerable(src, k):
            rt.put(obj, k, rt.get(src, k))
    return obj


def intrinsic_helpers(rt) -> dict:
    return {f"ix_{name}": bind(rt) for name, bind in INTRINSICS.items()}


class JsFuncGen(OneResultFuncGen):
    INTRINSICS = frozenset(INTRINSICS)

    LANGUAGE = "JavaScript"

    # data
    def op_LOAD_GLOBAL(self, pc, a, k):
        name = repr(self.fn.consts[k])
        self.line(f"r{a} = Gh.get({name})")
        self.line(f"if r{a} is None and {name} not in Gh: gmiss({name})")

    def op_STORE_GLOBAL(self, pc, k, b):
        name = repr(self.fn.consts[k])
        self.line(f"if {name} in Gh: Gh[{name}] = {self.A(b)}")
        self.line(f"else: gmiss({name})")

    def op_CLOSURE(self, pc, a, f):
        super().op_CLOSURE(pc, a, f)
        child = self.mod.module.functions[self.fn.children[f]]
        flags, length = child.kind & ((1 << KIND_BITS) - 1), child.kind >> KIND_BITS
        body = f"r{a}"
        if flags & GENERATOR:
            body = f"ix_generator({body}, {bool(flags & ASYNC)})"
        elif flags & ASYNC:
            body = f"ix_async({body})"
        if flags & CLASS:
            self.line(f"r{a} = mkclass({body}, {child.name!r}, {length}, {flags})")
        else:
            self.line(f"r{a} = JsFunction({body}, {child.name!r}, {length}, {flags}, FP)")

    def op_VARARG(self, pc, a, c):
        if c != -1:
            self.fail("VARARG with a fixed count")
        self.line(f"r{a} = new_array(list(va))")

    def op_INTRINSIC(self, pc, a, k, c, d):
        name = self.fn.consts[k]
        template = INLINE.get(name)
        if template is not None:
            self.line(f"r{a} = " + template.format(*(f"r{c + i}" for i in range(d))))
        elif name == "check_tdz":       # (value, name): the value itself unless uninitialised
            self.line(f"if r{c} is TDZ: tdz_error(r{c + 1})")
            if a != c:
                self.line(f"r{a} = r{c}")
        else:
            if name == "regexp":
                self.check_regexp(pc, c)
            super().op_INTRINSIC(pc, a, k, c, d)

    def check_regexp(self, pc: int, c: int):
        """A regular-expression literal is compiled now, so that a pattern the
        engine refuses is a compile error at its position, before anything runs.
        The lowering loads its source and flags just before (LOAD_CONST c, c+1)."""
        from .regexp import RegExpError, compile as compile_regexp
        code, consts = self.fn.code, self.fn.consts
        loads = {ins[1]: consts[ins[2]] for ins in code[max(0, pc - 2):pc] if ins[0] == Op.LOAD_CONST}
        if c in loads and c + 1 in loads:
            try:
                compile_regexp(loads[c], loads[c + 1])
            except RegExpError as e:
                raise CompileError(str(e), self.fn.spans[pc],
                                   hint="see the README's JavaScript section for the RegExp support") from None

    # objects
    def op_NEW_TABLE(self, pc, a, b, c):
        self.line(f"r{a} = new_object()")

    def op_SET_LIST(self, pc, a, b, c, d):
        self.fail("SET_LIST")

    def op_GET_FIELD(self, pc, a, b, k):
        self._member(a, f"r{b}", self.fn.consts[k])

    def op_SELF(self, pc, a, b, k):
        self.line(f"_o = r{b}")
        self.line(f"r{a + 1} = _o")
        self._member(a, "_o", self.fn.consts[k])

    def _member(self, a, obj, name: str):
        """``obj.name``.  Inline: ``length`` of a string or array, and a data
        property found on a plain object or its prototype (a method), or where a
        string or a plain array (no own named properties, Array.prototype) has its
        methods.  Past those, a name that is neither an index nor ``length`` can
        only come from a prototype chain (``getn``, which skips the generic
        ``getp``'s array and string cases)."""
        key = repr(name)
        if name == "length" or index_of_key(name) >= 0:
            if name == "length":
                self.line(f"if type({obj}) is str: r{a} = float(len({obj}))")
                self.line(f"elif type({obj}) is JsArray: r{a} = float(len({obj}.items))")
                self.line(f"elif type({obj}) is JsObject:")
            else:
                self.line(f"if type({obj}) is JsObject:")
            self.line(f"    _v = {obj}.props.get({key})")
            self.line(f"    r{a} = _v if _v is not None and type(_v) is not Accessor else getp({obj}, {key})")
            self.line(f"else: r{a} = getp({obj}, {key})")
            return
        self.line(f"_ty = type({obj})")
        self.line("if _ty is JsObject:")
        self.line(f"    _v = {obj}.props.get({key})")
        self.line(f"    if _v is None and {obj}.proto is not None and {key} not in {obj}.props: "
                  f"_v = {obj}.proto.props.get({key})")
        self.line(f"elif _ty is str: _v = SP.props.get({key})")
        self.line(f"elif _ty is JsArray and {obj}.proto is AP and not {obj}.props: _v = AP.props.get({key})")
        self.line("else: _v = None")
        self.line(f"r{a} = _v if _v is not None and type(_v) is not Accessor else getn({obj}, {key})")

    def op_GET_INDEX(self, pc, a, b, c):
        k = self.A(c)
        if c >= 0:
            self.line(f"if type(r{b}) is JsArray and type({k}) is float and 0 <= {k} < len(r{b}.items) "
                      f"and {k}.is_integer():")
            self.line(f"    r{a} = r{b}.items[int({k})]")
            self.line(f"    if r{a} is HOLE: r{a} = None")
            # a string key on an ordinary object (``counts[word]``): an own data property
            self.line(f"elif type({k}) is str and type(r{b}) is JsObject and r{b}.cls != 'String':")
            self.line(f"    _v = r{b}.props.get({k})")
            self.line(f"    r{a} = _v if _v is not None and type(_v) is not Accessor else geti(r{b}, {k})")
            self.line(f"else: r{a} = geti(r{b}, {k})")
        else:
            self.line(f"r{a} = geti(r{b}, {k})")

    def op_SET_INDEX(self, pc, a, b, c):
        k, v = self.A(b), self.A(c)
        if b >= 0:
            self.line(f"if type(r{a}) is JsArray and type({k}) is float and 0 <= {k} < len(r{a}.items) "
                      f"and {k}.is_integer() and not r{a}.frozen: r{a}.items[int({k})] = {v}")
            self.line(f"elif type({k}) is str and type(r{a}) is JsObject and not r{a}.frozen and {k} in r{a}.props "
                      f"and type(r{a}.props[{k}]) is not Accessor: r{a}.props[{k}] = {v}")
            self.line(f"else: seti(r{a}, {k}, {v})")
        else:
            self.line(f"seti(r{a}, {k}, {v})")

    def op_SET_FIELD(self, pc, a, k, c):
        key, v = repr(self.fn.consts[k]), self.A(c)
        self.line(f"_d = r{a}.props if type(r{a}) is JsObject and not r{a}.frozen else None")
        self.line(f"if _d is not None and {key} in _d and type(_d[{key}]) is not Accessor: _d[{key}] = {v}")
        self.line(f"else: setp(r{a}, {key}, {v})")

    # arithmetic
    def _arith(self, name, a, b, c):
        x, y = self.A(b), self.A(c)
        guard = self._type_guard((b, c), float)
        if name == "ADD" and str in (type(self.const_of(b)), type(self.const_of(c))):
            # concatenation with a string literal: the other operand is usually a string too
            other = x if c < 0 and type(self.const_of(c)) is str else y
            self.line(f"if type({other}) is str:")
            self.line(f"    r{a} = {x} + {y}")
            self.line(f"    strcharge(len(r{a}))")
            self.line(f"else: r{a} = add({x}, {y})")
        elif name == "ADD":
            self.line(f"r{a} = {x} + {y} if {guard} else add({x}, {y})")
        elif name in ("SUB", "MUL"):
            sym = "-" if name == "SUB" else "*"
            self.line(f"r{a} = {x} {sym} {y} if {guard} else arith({name!r}, {x}, {y})")
        elif name == "DIV":
            self.line(f"r{a} = {x} / {y} if {guard} and {y} else arith('DIV', {x}, {y})")
        elif name == "MOD":       # Python's % is JavaScript's for positive operands
            k = self.const_of(c)
            positive = " and ".join(t for t in (guard if guard != "True" else "", f"{x} > 0",
                                                "" if type(k) is float and k > 0 else f"{y} > 0") if t)
            self.line(f"r{a} = {x} % {y} if {positive} else arith('MOD', {x}, {y})")
        elif name == "IDIV":
            self.fail("IDIV")
        else:
            self.line(f"r{a} = arith({name!r}, {x}, {y})")

    def op_CONCAT(self, pc, a, b, c):
        parts = ", ".join(f"r{b + i} if type(r{b + i}) is str else tostr(r{b + i})" for i in range(c))
        self.line(f"r{a} = ''.join(({parts},))")
        self.line(f"if len(r{a}) > 64: strcharge(len(r{a}))")

    # comparison
    def op_EQ(self, pc, a, b, c):
        x, y = self.A(b), self.A(c)
        if b < 0 and c < 0:
            kx, ky = self.const_of(b), self.const_of(c)
            self.line(f"r{a} = {type(kx) is type(ky) and kx == ky}")
            return
        if b < 0:
            x, y, c = y, x, b
        if c < 0:
            k = self.const_of(c)
            if type(k) is float:
                self.line(f"r{a} = type({x}) is float and {x} == {y}")
            elif type(k) is bool:
                self.line(f"r{a} = {x} is {y}")
            else:
                self.line(f"r{a} = type({x}) is str and {x} == {y}")
            return
        self.line(f"r{a} = type({x}) is type({y}) and {x} == {y}")

    def _compare(self, name, sym, a, b, c):
        x, y = self.A(b), self.A(c)
        guard = self._type_guard((b, c), float)
        fn = "lt" if name == "LT" else "le"
        self.line(f"r{a} = {x} {sym} {y} if {guard} else {fn}({x}, {y})")

    def truth_test(self, a: int, neg: bool) -> str:
        """A boolean (what comparisons and predicates return) is tested without a call."""
        if neg:
            return f"r{a} is False or r{a} is not True and not truthy(r{a})"
        return f"r{a} is True or r{a} is not False and truthy(r{a})"

    # calls
    def _call(self, a, b, d, target: str):
        if d:
            self.fail("CALL with a spread tuple")
        args = ", ".join(f"r{a + 1 + i}" for i in range(b))
        assign = f"{target} = " if target else ""
        self.line("try:")
        self.line(f"    {assign}r{a}.fn({args})")
        self.line("except (AttributeError, TypeError) as _e:")
        self.line(f"    {assign}callx(_e, r{a}{', ' + args if args else ''})")

    def op_CALL(self, pc, a, b, c, d):
        if c not in (0, 1):
            self.fail(f"CALL with {c} results")
        self._call(a, b, d, f"r{a}" if c == 1 else "")


    # control flow

    def for_in_source(self, b, c):
        if c != 1:
            self.fail("FOR_IN with several variables")
        return f"iterate(r{b})"



JsFuncGen.HANDLERS = handler_table(JsFuncGen)
