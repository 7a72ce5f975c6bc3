"""Differential tests of vm/js/regexp.py against node (V8), plus its metering.

Every expected match and error message comes from node: one node process per module
reads JSON lines, each a pattern with inputs; for every (input, start) it answers what
``re.exec`` gives with ``lastIndex = start`` under the ``g`` flag (our ``search``) and
under ``y`` (our ``exec_at``), as flat capture indices from the ``d`` flag's
``indices``, or the SyntaxError's message.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from llmspell.vm.js import regexp as R

NODE = shutil.which("node")
needs_node = pytest.mark.skipif(NODE is None, reason="node is the reference")

NODE_SCRIPT = r"""
const rl = require("readline").createInterface({input: process.stdin});
const flat = m => m === null ? null : m.indices.flatMap(p => p === undefined ? [-1, -1] : p);
rl.on("line", line => {
  const {p, f, cases} = JSON.parse(line);
  let out;
  try {
    new RegExp(p, f);  // errors as the script would see them, flags as given
    const g = new RegExp(p, f + "gd"), y = new RegExp(p, f + "yd");
    out = {res: cases.map(([s, i]) => {
      g.lastIndex = i; y.lastIndex = i;
      return [flat(g.exec(s)), flat(y.exec(s))];
    })};
  } catch (e) { out = {err: e.message}; }
  process.stdout.write(JSON.stringify(out) + "\n");
});
"""


class Node:
    """A node process answering one JSON line per request."""

    def __init__(self):
        self.proc = subprocess.Popen([NODE, "-e", NODE_SCRIPT], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True, encoding="utf-8")

    def ask(self, pattern, flags, cases):
        self.proc.stdin.write(json.dumps({"p": pattern, "f": flags, "cases": cases}) + "\n")
        self.proc.stdin.flush()
        return json.loads(self.proc.stdout.readline())

    def close(self):
        self.proc.stdin.close()
        self.proc.wait(timeout=10)


@pytest.fixture(scope="module")
def node():
    n = Node()
    yield n
    n.close()


def no_charge(units):
    pass


def ours(pattern, flags, cases):
    """The same answer shape as NODE_SCRIPT's, from this engine."""
    try:
        prog = R.compile(pattern, flags)
    except R.RegExpError as e:
        return {"err": str(e)}
    return {"res": [[R.search(prog, s, i, no_charge), R.exec_at(prog, s, i, no_charge)] for s, i in cases]}


def u16(s):
    """A Python string as the VM stores it: one character per UTF-16 code unit."""
    b = s.encode("utf-16-le", "surrogatepass")
    return "".join(chr(b[i] | b[i + 1] << 8) for i in range(0, len(b), 2))


def check(node, pattern, flags, cases):
    pattern, cases = u16(pattern), [[u16(s), i] for s, i in cases]
    expected = node.ask(pattern, flags, cases)
    if "err" in expected:
        expected["err"] = u16(expected["err"])
    got = ours(pattern, flags, cases)
    assert got == expected, f"/{pattern}/{flags} on {cases!r}"


# (pattern, flags, input, start): every feature the engine claims, compared with node.
CASES = [
    # literals, alternation, groups
    ("abc", "", "xxabcx", 0), ("abc", "", "xxabcx", 3), ("a|ab|abc", "", "abc", 0), ("(a|ab)(c|bcd)", "", "abcd", 0),
    ("(?:a|b)+", "", "xabbay", 0), ("", "", "abc", 1), ("()", "", "x", 0), ("(a)|b", "", "b", 0),
    ("(?<year>\\d{4})-(?<mo>\\d\\d)", "", "on 2024-05-01", 0), ("x(?:)y", "", "xy", 0), ("a||b", "", "b", 0),
    # quantifiers
    ("a*", "", "aaa", 0), ("a*?", "", "aaa", 0), ("a+?b", "", "aaab", 0), ("a{2}", "", "aaaa", 1),
    ("a{2,}", "", "aaaaa", 0), ("a{2,3}", "", "aaaaa", 0), ("a{2,3}?", "", "aaaaa", 0), ("a{0}b", "", "ab", 0),
    ("(ab){1,2}?c", "", "ababc", 0), ("(a|b)*?c", "", "abbac", 0), ("x{1,}?y", "", "xxxy", 0),
    ("a??b", "", "ab", 0), ("(a?)*?b", "", "aab", 0), ("[ab]{3,}", "", "abxababba", 0),
    ("a{,5}", "", "a{,5}", 0), ("a{1", "", "a{1", 0), ("x{2147483648}", "", "x", 0),
    # JS capture semantics: reset each iteration, empty-loop check
    ("(z)((a+)?(b+)?(c))*", "", "zaacbbbcac", 0), ("(a)|\\1b", "", "b", 0), ("(?:(a)|b)*", "", "ab", 0),
    ("(?:(a)|(b))+", "", "abab", 0), ("(a*)*", "", "b", 0), ("(a*)+", "", "b", 0), ("(a|)*b", "", "aab", 0),
    ("(?:a?)*?b", "", "ab", 0), ("(?:x|(?:))+y", "", "xxy", 0), ("((a)|b)+", "", "ab", 0),
    ("(?:(a)|b)(?:(c)|d)*", "", "acd", 0), ("(a\\1)", "", "aa", 0), ("(?:(\\2)(a))+", "", "aa", 0),
    ("(()|a)+b", "", "aab", 0), ("(a){0}", "", "a", 0), ("(a?){3}", "", "aa", 0),
    # backreferences
    ("(a)\\1", "", "aa", 0), ("(a)?\\1b", "", "b", 0), ("\\1(a)", "", "aa", 0), ("(?<q>['\"]).*?\\k<q>", "", "say 'hi\" there'", 0),
    ("(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)\\10", "", "abcdefghijj", 0), ("(a)\\2", "", "a\x02", 0), ("(x)\\1", "i", "xX", 0),
    ("(\\w+)\\s\\1", "", "hello hello world", 0), ("(?<a>.)\\k<a>", "", "xyzzy", 0), ("(.)\\1", "iu", "\u017fs", 0),
    # character classes and escapes
    ("[a-c]+", "", "xxabcd", 0), ("[^a-c]+", "", "abcxyz", 0), ("[]", "", "a", 0), ("[^]", "", "\n", 0),
    ("[a-]", "", "-", 0), ("[-a]", "", "-", 0), ("[\\d-z]+", "", "1-z", 0), ("[a\\-z]+", "", "-", 0),
    ("[\\w.]+@\\w+", "", "mail me: a.b@c", 0), ("\\d+", "", "ab 123 4", 0), ("\\D+", "", "12ab3", 0),
    ("\\w+", "", "..foo_1!", 0), ("\\W+", "", "ab, cd", 0), ("\\s+", "", "a \t\n\v\f\r\xa0\u2028\ufeff\u3000b", 0),
    ("\\S+", "", "  xy  ", 0), ("[\\s\\S]+", "", "a\nb", 0), ("[\\b]", "", "a\bb", 0),
    ("\\t\\n\\v\\f\\r", "", "\t\n\v\f\r", 0), ("\\0", "", "a\x00", 0), ("\\x41\\u0042", "", "AB", 0),
    ("\\cJ", "", "\n", 0), ("\\c", "", "\\c", 0), ("\\c1", "", "\\c1", 0), ("[\\c1]", "", "\x11", 0),
    ("[\\c_]", "", "\x1f", 0), ("[\\c]", "", "c", 0), ("\\/", "", "a/b", 0), ("\\q\\e", "", "qe", 0),
    ("\\8\\9", "", "89", 0), ("\\12", "", "\n", 0), ("\\101", "", "A", 0), ("\\400", "", " 0", 0),
    ("[\\101-\\103]+", "", "ABCD", 0), ("[\\8]", "", "8", 0), ("\\x4", "", "x4", 0), ("\\u12", "", "u12", 0),
    ("\\u{3}", "", "uuu", 0), ("\\k", "", "k", 0), ("\\p{L}", "", "p{L}", 0), ("]", "", "a]", 0),
    ("{", "", "a{", 0), ("}", "", "}", 0), ("a{b", "", "a{b", 0), ("x{1,2", "", "x{1,2", 0),
    # anchors and boundaries
    ("^a", "", "ba", 0), ("^a", "m", "b\na", 0), ("a$", "", "a\nb", 0), ("a$", "m", "a\nb", 0),
    ("^$", "m", "a\n\nb", 0), ("^", "m", "a\r\nb", 2), ("$", "", "abc", 0), ("^abc", "", "abc", 1),
    ("\\bfoo\\b", "", "a foo.", 0), ("\\Bo\\B", "", "foo", 0), ("\\b", "", "  ", 0), ("\\B", "", "", 0),
    ("^\\d+$", "m", "ab\n42\ncd", 0), ("(?:^|,)x", "", "a,x", 0),
    # dot
    (".+", "", "ab\ncd", 0), (".+", "s", "ab\ncd", 0), (".", "", "\u2028a", 0), ("a.c", "", "a\rc abc", 0),
    # lookarounds
    ("a(?=b)", "", "acab", 0), ("a(?!b)", "", "abac", 0), ("(?=(a+))a*b\\1", "", "baaabac", 0),
    ("(?=(a+?))(\\1)", "", "aaa", 0), ("(?!(a))\\1b", "", "b", 0), ("(?<=\\$)\\d+", "", "cost $42", 0),
    ("(?<!\\$)\\b\\d+", "", "$4 and 5", 0), ("(?<=(\\d+)(\\d+))$", "", "1053", 0), ("(?<=\\1(a))b", "", "aab", 0),
    ("(?<=a(?=b)b)c", "", "abc", 0), ("(?<=^|,)\\w", "", "a,b", 1), ("(?<=(?<!x)a)b", "", "xabab", 0),
    ("(?=a)*a", "", "a", 0), ("(?=(a))?a", "", "a", 0), ("(?=(a)){2}a", "", "a", 0), ("(?<=a{2,3})b", "", "aaab", 0),
    ("(?<=([ab]+)([bc]+))$", "", "abbc", 0), ("(?<=(?:a|ab))c", "", "abc", 0), ("x(?=y)(?!yz)", "", "xyz xy", 0),
    ("(?<=\\b)\\w", "", " ab", 1), ("(?<=a.)c", "s", "a\nc", 0),
    # case-insensitive
    ("abc", "i", "xABC", 0), ("[a-z]+", "i", "ABC", 0), ("[^a-z]", "i", "Az1", 0), ("\\u212a", "i", "k", 0),
    ("\\u212a", "iu", "k", 0), ("\\u00b5", "i", "\u039c", 0), ("\u00e9", "i", "\u00c9", 0), ("\u1e9e", "i", "\u00df", 0),
    ("\u1e9e", "iu", "\u00df", 0), ("\\w", "iu", "\u017f", 0), ("\\W", "iu", "\u017f", 0), ("[^\\W]", "iu", "\u212a", 0),
    ("\\bs", "iu", "\u017f", 0), ("\u03c3", "i", "\u03a3\u03c2", 0), ("[\u0400-\u04ff]+", "i", "\u0416\u0436", 0),
    ("ǆ", "i", "ǅ", 0), ("ǆ", "iu", "ǅ", 0), ("(?<=A)b", "i", "ab", 0), ("[k]", "iu", "\u212a", 0),
    ("\\u{10400}", "iu", "\U00010428", 0), ("[\\u{10400}]", "iu", "\U00010428", 0),
    # unicode mode
    (".", "u", "\U0001F600", 0), (".", "", "\U0001F600", 0), ("^.$", "u", "\U0001F600", 0), ("\\u{1F600}", "u", "x\U0001F600", 0),
    ("\\uD83D\\uDE00", "u", "\U0001F600", 0), ("\\uD83D", "u", "\U0001F600", 0), ("\\uD83D", "", "\U0001F600", 0),
    ("\\uDE00", "u", "\U0001F600", 0), ("\\uDE00", "", "\U0001F600", 0), ("[\U0001F600-\U0001F64F]", "u", "a\U0001F603", 0),
    ("[^a]", "u", "\U0001F600", 0), ("\U0001F600+", "u", "\U0001F600\U0001F600", 0), ("\U0001F600+", "", "\U0001F600\ude00", 0),
    # a start inside a surrogate pair (u): V8 first backs up to the pair, reads no half pair
    ("\\B", "u", "A\U0001F600", 1), ("\\B", "u", "A\U0001F600", 2), ("\\B.", "u", "A\U0001F600!", 1),
    ("(?<=\\uD83D)", "u", "\U0001F600", 0), ("(?!\\uD83D)", "u", "\U0001F600", 0), ("\\B(?<=.)", "u", "A\U0001F600!", 1),
    ("\U0001F600", "u", "\U0001F600", 1), ("\U0001F600\U0001F600\U0001F600", "u", "\U0001F600" * 3, 1),
    ("(.)\\1", "u", "\U0001F600\U0001F600", 1), ("\U0001F600", "iu", "\U0001F600", 1),
    (".", "u", "\U0001F600", 1), ("\\S", "u", "a\U0001F600", 2), ("", "u", "\U0001F600", 1), ("(?<=.)x", "u", "\U0001F600x", 0),
    ("\\p{L}+", "u", "1\u00e9t\u00e9!", 0), ("\\p{Lu}", "u", "ab\u00c9", 0), ("\\P{L}+", "u", "ab12c", 0),
    ("\\p{Nd}+", "u", "x\u0663\u0664", 0), ("\\p{N}", "u", "\u00bd", 0), ("\\p{P}+", "u", "a!?,b", 0),
    ("\\p{S}", "u", "a+", 0), ("\\p{Letter}", "u", "1b", 0), ("\\p{Number}", "u", "a\u2167", 0),
    ("\\p{Script=Latin}+", "u", "\u03b1abc", 0), ("\\p{sc=Greek}+", "u", "a\u03b1\u03b2", 0),
    ("\\p{Script=Cyrillic}", "u", "a\u0416", 0), ("\\p{Script=Han}+", "u", "a\u4e2d\u6587", 0),
    ("[\\p{Lu}\\d]+", "u", "aB1c", 0), ("\\p{Lu}", "iu", "a", 0), ("\\p{Any}", "u", "\U0001F600", 0),
    ("\\p{ASCII}+", "u", "\u00e9ab\u00e9", 0), ("\\P{Assigned}", "u", "a\u0378", 0), ("\\p{gc=Ll}", "u", "Aa", 0),
    ("\\p{General_Category=Decimal_Number}", "u", "a5", 0), ("[^\\p{L}]", "u", "ab1", 0),
    ("\\u{61}", "u", "a", 0), ("[\\u{61}-\\u{63}]+", "u", "abcd", 0), ("\\-", "", "-", 0), ("[\\-]", "u", "-", 0),
    # sticky and start offsets
    ("b", "", "abab", 1), ("b", "", "abab", 2), ("a", "", "abab", 4), ("a", "", "abab", 5), ("x*", "", "abc", 3),
    # backtracking-heavy but fine
    ("(a|b)*c", "", "ababababababc", 0), ("^(\\w+\\s?)*$", "", "hello world foo", 0), ("(x+x+)+y", "", "xxxxy", 0),
    (".*?b", "", "aaab", 0), (".*b", "", "abab", 0), ("a.*?z|a.*", "", "abcdef", 0), ("<(\\w+)>.*?</\\1>", "", "<a><b>x</b></a>", 0),
    ("(\\d+)\\s*([+\\-*/])\\s*(\\d+)", "", "calc: 12 * 34", 0), ("[^\"]*\"", "", "abc\"def", 0),
]

# Syntax errors (and constructs the engine refuses): node's message must be ours exactly.
ERRORS = [
    ("(", ""), (")", ""), ("a)", ""), ("[", ""), ("[a-", ""), ("*", ""), ("a**", ""), ("+a", ""), ("?", ""),
    ("a{2,1}", ""), ("{1}", ""), ("x{1}{2}", ""), ("\\", ""), ("a\\", "u"), ("(?<a>x)(?<a>y)", ""),
    ("\\k<b>(?<a>x)", ""), ("\\k<a>", "u"), ("(?a)", ""), ("(?<1a>x)", ""), ("(?<>a)", ""), ("(?<a", ""),
    ("[b-a]", ""), ("[z-a]", "u"), ("^*", ""), ("$+", ""), ("\\b*", ""), ("(?<=a)*", ""), ("(?<!a)+", ""),
    ("(?=a)*", "u"), ("a{1", "u"), ("]", "u"), ("}", "u"), ("{", "u"), ("\\1(a)\\2", "u"), ("[\\1]", "u"),
    ("\\00", "u"), ("\\k", "u"), ("\\k<a", "u"), ("(?<a>.)\\k", ""), ("[\\k](?<a>.)", ""), ("\\p{Foo}", "u"),
    ("[\\p{Foo}]", "u"), ("\\p", "u"), ("\\p{L", "u"), ("\\-", "u"), ("[\\B]", "u"),
    ("\\c", "u"), ("\\c1", "u"), ("\\x1", "u"), ("\\u12", "u"), ("\\u{110000}", "u"), ("\\u{61", "u"),
    ("[\\d-a]", "u"), ("\\q", "u"), ("a", "x"), ("a", "gg"), ("a", "uu"), ("a", "G"), ("(?<a>x)\\k<b>", ""),
    ("a{99999999999,1}", ""), ("\\8", "u"),
]


@needs_node
@pytest.mark.parametrize("pattern,flags,text,start", CASES)
def test_matches_like_node(node, pattern, flags, text, start):
    check(node, pattern, flags, [[text, start]])


def test_table_is_large():
    assert len(CASES) >= 150


@needs_node
@pytest.mark.parametrize("pattern,flags", ERRORS)
def test_syntax_errors_like_node(node, pattern, flags):
    expected = node.ask(pattern, flags, [])
    assert "err" in expected, f"node accepts /{pattern}/{flags}"
    check(node, pattern, flags, [])


@pytest.mark.parametrize("pattern,flags,construct", [
    ("\\p{Emoji}", "u", "\\p{Emoji}"), ("\\p{Script=Arabic}", "u", "\\p{Script=Arabic}"),
    ("\\p{scx=Latin}", "u", "\\p{scx=Latin}"), ("[a]", "v", "v (unicodeSets) flag"),
])
def test_unsupported_constructs_are_named(pattern, flags, construct):
    with pytest.raises(R.RegExpError, match="unsupported") as e:
        R.compile(pattern, flags)
    assert construct in str(e.value)


# -- generated patterns ---------------------------------------------------------------------

ATOMS = ["a", "b", ".", "[ab]", "[^a]", "\\b", "\\B", "^", "$", "\\1", "\\2", "A", "\\w", "\\s", "\\W", "[a-z]",
         "\u017f", "\u212a", "\u00e9", "\U0001F600", "\\uD83D", "[^\\s]", "\\k<n>", "{", "]", "\\d", "[\\w-]"]
QUANTS = ["", "", "", "*", "+", "?", "*?", "+?", "??", "{2}", "{0,2}", "{1,}?", "{1,3}"]


def _pattern():
    leaf = st.sampled_from(ATOMS)

    def grow(inner):
        group = st.tuples(st.sampled_from(["(", "(?:", "(?=", "(?!", "(?<=", "(?<!", "(?<n>"]), inner).map(
            lambda t: t[0] + t[1] + ")")
        term = st.tuples(st.one_of(inner, group), st.sampled_from(QUANTS)).map("".join)
        seq = st.lists(term, min_size=1, max_size=3).map("".join)
        return st.one_of(seq, st.lists(seq, min_size=2, max_size=3).map("|".join))

    return st.recursive(leaf, grow, max_leaves=6)


TEXTS = st.lists(st.text(alphabet="abAKks \n\u017f\u212a\u00e9\u00c9-\U0001F600", max_size=7), min_size=3, max_size=3)


@needs_node
@settings(max_examples=300, derandomize=True, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(pattern=_pattern(), flags=st.sampled_from(["", "i", "m", "s", "u", "iu", "ms"]), texts=TEXTS)
def test_generated_patterns_like_node(node, pattern, flags, texts):
    cases = [[t, i] for t in texts for i in range(len(u16(t)) + 1)]
    check(node, pattern, flags, cases)


# -- metering --------------------------------------------------------------------------------

class OutOfFuel(Exception):
    pass


def meter(limit):
    """A charge callback that records its calls and raises past *limit* units."""
    calls = []

    def charge(n):
        calls.append(n)
        if sum(calls) > limit:
            raise OutOfFuel

    return charge, calls


def test_catastrophic_pattern_is_stopped_by_charge():
    prog = R.compile("(a+)+$", "")
    charge, calls = meter(300_000)
    t = time.monotonic()
    with pytest.raises(OutOfFuel):
        R.search(prog, "a" * 30 + "!", 0, charge)
    assert time.monotonic() - t < 5
    assert all(n >= R.CHUNK for n in calls)     # charged in chunks, not per step
    # No state was left behind: the same program still answers.
    assert R.search(prog, "aaa", 0, no_charge) is not None


def test_charges_are_deterministic():
    prog = R.compile("(\\w+)\\s(\\w+)|x(?=y)", "i")
    text = "one two three four x y z " * 50

    def run():
        charge, calls = meter(10 ** 9)
        i, found = 0, []
        while (m := R.search(prog, text, i, charge)) is not None:
            found.append(m)
            i = max(m[1], m[0] + 1)
        return found, calls

    first, second = run(), run()
    assert first == second and sum(first[1]) > 0


def test_charge_grows_with_work():
    prog = R.compile("a*b", "")
    small, big = meter(10 ** 9), meter(10 ** 9)
    R.search(prog, "a" * 100 + "b", 0, small[0])
    R.search(prog, "a" * 10000 + "b", 0, big[0])
    assert sum(big[1]) >= 10000 > sum(small[1])


@needs_node
@pytest.mark.parametrize("pattern,text", [
    ("a*b", "a" * 200_000 + "b"), ("(?:ab)*c", "ab" * 100_000 + "c"), ("(a|b)*c", "ab" * 100_000 + "c"),
    ("x.*?y", "x" + "." * 200_000 + "y"), ("b(?<=a*b)", "a" * 200_000 + "b"), ("(?:a|b)*?c", "ab" * 100_000 + "c"),
    ("(\\w+\\s?)+$", "word " * 40_000),
])
def test_long_inputs_need_no_recursion(node, pattern, text):
    check(node, pattern, "", [[text, 0]])


def test_program_api():
    prog = R.compile("(?<y>\\d+)-(\\d+)", "gd")
    assert prog.ngroups == 2 and prog.names == {"y": 1}
    assert R.compile("(?<y>\\d+)-(\\d+)", "gd") is prog      # compiled once, shared


def test_backtrack_stack_is_bounded(monkeypatch):
    monkeypatch.setattr(R, "STACK_LIMIT", 10_000)
    with pytest.raises(R.RegExpStackOverflow, match="Maximum call stack size exceeded"):
        R.search(R.compile("(a|b)*c", ""), "ab" * 20_000, 0, no_charge)
