"""The built-in tools every run has: files, HTTP, a calculator, the clock, JSON, text.

Each tool is declared with :func:`~.tools.builtin_tool`: a one-line
description and a JSON-schema of its parameters (both are sent to models by
agents), a handler ``(call, args) -> plain data`` and, for the tools that
reach outside the run, the capability it needs.  :func:`~.tools.run_tool` has
validated the arguments against the schema and checked that capability before
a handler runs; a handler's :class:`~.host.BridgeFailure` becomes the script
error ``tools.NAME: message``.

Security decisions (the sandbox depends on them):

* **Paths** are resolved with :func:`os.path.realpath` (relative to the
  current directory; symlinks and ``..`` followed) *before* the capability
  ``read:<real path>`` / ``write:<real path>`` is built, so ``granted/../x``
  and a symlink in a granted folder pointing elsewhere both ask for the place
  they really reach.  The handler then works on that resolved path, never on
  the one the spell gave.  ``file_write`` through a symlink writes its target
  (and needs ``write:`` for the target).  Files are opened with
  ``O_NOFOLLOW``, so a final component turned into a symlink after the check
  fails instead of being followed.
* ``file_read`` reads regular files of at most :data:`MAX_FILE` bytes that are
  valid UTF-8 text; anything else is refused with an error saying why (a
  binary file is not silently mangled).
* ``file_write`` is destructive (it also needs ``destructive:file_write``) and
  atomic: the content goes to a new file in the target's directory which then
  replaces the target (``os.replace``), keeping an existing file's permission
  bits; ``append`` appends in place.  Content is written as the Lua string's
  exact bytes.  Missing directories are not created.
* ``file_list`` describes entries without following symlinks (type
  ``"link"``), so listing a granted folder does not reveal what lies outside.
* **HTTP** goes through urllib without proxies and without its redirect
  handling: every redirect hop is checked against the policy
  (``net:<host>:<port>``, ports 80/443 by default) before it is requested, so
  a granted server cannot bounce the spell to a host it was not granted.
  Credentials (``Authorization``, ``Cookie``) are dropped when a redirect
  changes host.  Only http and https; bodies of at most :data:`MAX_BODY`
  bytes.  Host names are checked as written: granting ``127.0.0.1`` does not
  grant ``localhost``.
* The **calculator** walks Python's ``ast`` with a whitelist and an explicit
  stack (no ``eval``, no recursion); integer results are capped at
  :data:`MAX_BITS` bits and exponents are checked before they are computed.

Everything a handler builds is metered (fuel per byte/element, memory and the
string-length limit before a string reaches the script).
"""
from __future__ import annotations

import ast
import base64
import codecs
import decimal
import fnmatch
import http.client
import json
import math
import os
import secrets
import stat
import urllib.error
import urllib.parse
import urllib.request

from .. import __version__
from ..vm.clock import VirtualClock
from ..vm.lua.los import DOUBLE, SINGLE, Tm, conversion
from ..vm.values import (
    MAXI,
    MINI,
    as_latin1,
    byte_len,
    from_latin1,
    to_bytes,
)
from .host import BridgeFailure, BridgeObject, ScriptFunction
from .tools import builtin_tool

#: largest file file_read returns, and largest HTTP response body
MAX_FILE = 10 * 1024 * 1024
MAX_BODY = 10 * 1024 * 1024
#: redirects followed before giving up
MAX_REDIRECTS = 10
#: seconds an HTTP tool waits for the server at each step unless told otherwise
DEFAULT_TIMEOUT = 30
#: largest integer (in bits) the calculator computes with
MAX_BITS = 1024
#: deepest JSON nesting json_parse accepts (what the host can pass back, see host.to_host)
MAX_JSON_DEPTH = 64


def _string(description: str, **extra) -> dict:
    return {"type": "string", "description": description, **extra}


def _object(properties: dict, required: list) -> dict:
    return {"type": "object", "properties": properties, "required": required, "additionalProperties": False}


def _text_result(call, s: str) -> str:
    """Account for a string handed to the script (length limit, memory, fuel)."""
    n = byte_len(s)
    call.rt.meter.string(n)
    call.rt.meter.charge(n)
    return s


# -- files -------------------------------------------------------------------------------

def real_path(path: str) -> str:
    """The path a file tool really touches: absolute, symlinks and ``..`` resolved."""
    if "\0" in path:
        raise BridgeFailure("path contains a NUL byte")
    try:
        return os.path.realpath(path)
    except (OSError, ValueError) as e:
        raise BridgeFailure(f"cannot resolve path '{path}': {e}")


def _os_error(action: str, path: str, e: OSError) -> BridgeFailure:
    return BridgeFailure(f"cannot {action} '{path}': {e.strerror or e}")


PATH = _string("File path; relative paths are relative to the current directory", minLength=1)


@builtin_tool("file_read", "Read a UTF-8 text file and return its contents.",
              _object({"path": PATH}, ["path"]),
              capability=lambda args: f"read:{real_path(args['path'])}")
def file_read(call, args):
    path = real_path(args["path"])
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_CLOEXEC)
    except FileNotFoundError:
        raise BridgeFailure(f"no such file: '{path}'")
    except OSError as e:
        raise _os_error("read", path, e)
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        if stat.S_ISDIR(st.st_mode):
            raise BridgeFailure(f"'{path}' is a directory (use file_list)")
        raise BridgeFailure(f"'{path}' is not a regular file")
    with os.fdopen(fd, "rb") as f:
        if st.st_size > MAX_FILE:
            raise BridgeFailure(f"'{path}' is too large ({st.st_size:,} bytes; the limit is {MAX_FILE:,})")
        call.rt.meter.string(st.st_size)
        try:
            raw = f.read(MAX_FILE + 1)
        except OSError as e:
            raise _os_error("read", path, e)
    if len(raw) > MAX_FILE:
        raise BridgeFailure(f"'{path}' is too large (the limit is {MAX_FILE:,} bytes)")
    call.rt.meter.charge(len(raw))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise BridgeFailure(f"'{path}' is not UTF-8 text (byte 0x{raw[e.start]:02x} at offset {e.start}); "
                            "file_read reads text files only")


@builtin_tool("file_write", "Write text to a file, replacing it (or appending with append = true).",
              _object({"path": PATH,
                       "content": _string("The text to write"),
                       "append": {"type": "boolean", "default": False,
                                  "description": "Append to the file instead of replacing it"}},
                      ["path", "content"]),
              capability=lambda args: f"write:{real_path(args['path'])}", destructive=True)
def file_write(call, args):
    path = real_path(args["path"])
    data = to_bytes(args["content"])
    call.rt.meter.charge(len(data))
    folder = os.path.dirname(path)
    if os.path.isdir(path):
        raise BridgeFailure(f"'{path}' is a directory")
    if not os.path.isdir(folder):
        raise BridgeFailure(f"cannot write '{path}': directory '{folder}' does not exist")
    if args.get("append"):
        try:
            fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o666)
            with os.fdopen(fd, "wb") as f:
                f.write(data)
        except OSError as e:
            raise _os_error("append to", path, e)
    else:
        _replace(path, data)
    return {"path": path, "bytes": len(data)}


def _replace(path: str, data: bytes) -> None:
    """Atomically replace *path* with *data*: a new file in the same directory,
    written and fsynced, renamed over it — a crash leaves the old or the new
    file, never a mix.  An existing file's permission bits carry over; a new
    file gets the usual ``0666 & ~umask``."""
    folder, name = os.path.split(path)
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        mode = None
    except OSError as e:
        raise _os_error("write", path, e)
    tmp = None
    try:
        for _ in range(100):
            candidate = os.path.join(folder, f".{name}.{secrets.token_hex(6)}.tmp")
            try:
                fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
            except FileExistsError:
                continue
            tmp = candidate
            break
        else:
            raise BridgeFailure(f"cannot write '{path}': no free temporary name in '{folder}'")
        with os.fdopen(fd, "wb") as f:
            if mode is not None:
                os.fchmod(f.fileno(), mode)
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
        tmp = None
    except OSError as e:
        raise _os_error("write", path, e)
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


@builtin_tool("file_list", "List a directory's entries (name, type, size in bytes), sorted by name.",
              _object({"path": _string("Directory path; relative paths are relative to the current directory",
                                       minLength=1),
                       "pattern": _string("Only names matching this glob pattern, e.g. \"*.txt\"")},
                      ["path"]),
              capability=lambda args: f"read:{real_path(args['path'])}")
def file_list(call, args):
    """Entries: ``{name, type = "file" | "dir" | "link" | "other", size}``; size
    only for files.  Symlinks are not followed (their targets may lie outside
    what was granted).  Sorted by the names' bytes (``ls`` in the C locale)."""
    path = real_path(args["path"])
    pattern = args.get("pattern")
    meter = call.rt.meter
    out = []
    try:
        with os.scandir(path) as it:
            for entry in it:
                meter.charge(1)
                name = entry.name
                if pattern is not None and not fnmatch.fnmatchcase(name, pattern):
                    continue
                meter.alloc(byte_len(name) + 100)
                if entry.is_symlink():
                    out.append({"name": name, "type": "link"})
                elif entry.is_dir(follow_symlinks=False):
                    out.append({"name": name, "type": "dir"})
                elif entry.is_file(follow_symlinks=False):
                    out.append({"name": name, "type": "file", "size": entry.stat(follow_symlinks=False).st_size})
                else:
                    out.append({"name": name, "type": "other"})
    except FileNotFoundError:
        raise BridgeFailure(f"no such directory: '{path}'")
    except NotADirectoryError:
        raise BridgeFailure(f"'{path}' is not a directory")
    except OSError as e:
        raise _os_error("list", path, e)
    out.sort(key=lambda e: to_bytes(e["name"]))
    return out


# -- HTTP --------------------------------------------------------------------------------

def net_capability(url: str) -> str:
    """``net:<host>:<port>`` for an http(s) URL (ports 80/443 when absent)."""
    try:
        parts = urllib.parse.urlsplit(url)
        port = parts.port
    except ValueError as e:
        raise BridgeFailure(f"bad URL '{url}': {e}")
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise BridgeFailure(f"only http and https URLs are supported, got '{url}'")
    host = parts.hostname
    if not host:
        raise BridgeFailure(f"URL has no host: '{url}'")
    if ":" in host:
        host = f"[{host}]"
    return f"net:{host}:{port or (443 if scheme == 'https' else 80)}"


def _without_userinfo(url: str) -> tuple[str, dict]:
    """*url* without ``user:password@`` (the host the policy checked is the one
    connected to) and the Basic ``Authorization`` header that carries it instead."""
    parts = urllib.parse.urlsplit(url)
    if "@" not in parts.netloc:
        return url, {}
    userinfo, _, hostport = parts.netloc.rpartition("@")
    token = base64.b64encode(urllib.parse.unquote(userinfo).encode()).decode()
    return urllib.parse.urlunsplit(parts._replace(netloc=hostport)), {"Authorization": f"Basic {token}"}


def _opener() -> urllib.request.OpenerDirector:
    """urllib with only the http and https handlers: no proxies from the
    environment, no automatic redirects, and no exception for 4xx/5xx (the
    status is returned to the spell)."""
    opener = urllib.request.OpenerDirector()
    opener.add_handler(urllib.request.HTTPHandler())
    opener.add_handler(urllib.request.HTTPSHandler())
    return opener


REDIRECTS = (301, 302, 303, 307, 308)
CREDENTIALS = ("authorization", "cookie", "proxy-authorization")
METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]
URL = _string("The http:// or https:// URL", minLength=1)
HEADERS = {"type": "object", "additionalProperties": {"type": "string"},
           "description": "Request headers, name -> value"}
TIMEOUT = {"type": "number", "exclusiveMinimum": 0, "maximum": 300, "default": DEFAULT_TIMEOUT,
           "description": "Seconds to wait for the server at each step (connect, each read)"}


def fetch(call, method: str, url: str, headers: dict, body: str | None, timeout: float) -> dict:
    """One request and its redirects, each hop's host checked against the policy.

    Result: ``{status, headers = {lower-case name -> value (repeats joined by ", ")},
    body = text}``; the body is decoded with the response's charset (UTF-8
    when none or unknown), undecodable bytes becoming U+FFFD."""
    headers = {k: v for k, v in headers.items()}
    if not any(k.lower() == "user-agent" for k in headers):
        headers["User-Agent"] = f"llmspell/{__version__}"
    data = to_bytes(body) if body is not None else None
    opener = _opener()
    meter = call.rt.meter
    for _ in range(MAX_REDIRECTS + 1):
        call.host.require(net_capability(url))
        left = meter.time_left()
        try:
            target, auth = _without_userinfo(url)
            request = urllib.request.Request(target, data=data, headers={**headers, **auth}, method=method)
            response = opener.open(request, timeout=timeout if left is None else max(0.001, min(timeout, left)))
        except TimeoutError:
            meter.check_time()              # the run's deadline, rather than the request's own timeout
            raise BridgeFailure(f"{method} {url} failed: timed out after {timeout} s")
        except urllib.error.URLError as e:
            if isinstance(e.reason, TimeoutError):
                meter.check_time()
            raise BridgeFailure(f"{method} {url} failed: {e.reason}")
        except (OSError, http.client.HTTPException, ValueError) as e:
            raise BridgeFailure(f"{method} {url} failed: {e}")
        with response:
            status = response.status
            location = response.headers.get("Location")
            if status in REDIRECTS and location:
                target = urllib.parse.urljoin(url, location)
                if status == 303 or (status in (301, 302) and method == "POST"):
                    method = "GET" if method != "HEAD" else "HEAD"
                    data = None
                    headers = {k: v for k, v in headers.items()
                               if k.lower() not in ("content-type", "content-length")}
                if urllib.parse.urlsplit(target).netloc.lower() != urllib.parse.urlsplit(url).netloc.lower():
                    headers = {k: v for k, v in headers.items() if k.lower() not in CREDENTIALS}
                url = target
                continue
            try:
                raw = response.read(MAX_BODY + 1)
            except (OSError, http.client.HTTPException) as e:
                raise BridgeFailure(f"{method} {url} failed while reading the response: {e}")
            if len(raw) > MAX_BODY:
                raise BridgeFailure(f"{method} {url}: response body larger than {MAX_BODY:,} bytes")
            out_headers: dict = {}
            for name, value in response.headers.items():
                name = name.lower()
                out_headers[name] = f"{out_headers[name]}, {value}" if name in out_headers else value
            charset = response.headers.get_content_charset() or "utf-8"
            try:
                codecs.lookup(charset)
            except LookupError:
                charset = "utf-8"
            text = raw.decode(charset, "replace")
            return {"status": status, "headers": out_headers, "body": _text_result(call, text)}
    raise BridgeFailure(f"{method} {url}: too many redirects (more than {MAX_REDIRECTS})")


@builtin_tool("http_get", "Fetch a URL with HTTP GET; returns status, headers and body text.",
              _object({"url": URL, "headers": HEADERS, "timeout": TIMEOUT}, ["url"]),
              capability=lambda args: net_capability(args["url"]))
def http_get(call, args):
    return fetch(call, "GET", args["url"], args.get("headers") or {}, None,
                 args.get("timeout", DEFAULT_TIMEOUT))


@builtin_tool("http_request", "Send an HTTP request (any method, optional body); returns status, headers and body.",
              _object({"url": URL,
                       "method": {"type": "string", "enum": METHODS, "description": "The HTTP method"},
                       "headers": HEADERS,
                       "body": _string("The request body"),
                       "timeout": TIMEOUT},
                      ["url", "method"]),
              capability=lambda args: net_capability(args["url"]))
def http_request(call, args):
    return fetch(call, args["method"], args["url"], args.get("headers") or {}, args.get("body"),
                 args.get("timeout", DEFAULT_TIMEOUT))


# -- calculator --------------------------------------------------------------------------

def _bad(message: str):
    raise BridgeFailure(message)


def _round(x, ndigits=0):
    """Round half away from zero, on the number's shortest decimal spelling
    (``round(2.675, 2)`` is 2.68, as written); one argument gives an integer."""
    if type(ndigits) is float and ndigits.is_integer():
        ndigits = int(ndigits)
    if type(ndigits) is not int or abs(ndigits) > 400:
        _bad("round: the number of digits must be an integer between -400 and 400")
    d = decimal.Decimal(repr(x)) if type(x) is float else decimal.Decimal(x)
    with decimal.localcontext(decimal.Context(prec=1000)):
        q = d.quantize(decimal.Decimal(1).scaleb(-ndigits), rounding=decimal.ROUND_HALF_UP)
    return int(q) if ndigits <= 0 else float(q)


def _log(x, base=None):
    return math.log(x) if base is None else math.log(x, base)


#: name -> (fewest arguments, most arguments or None, function)
FUNCTIONS = {
    "sqrt": (1, 1, math.sqrt), "abs": (1, 1, abs), "min": (1, None, min), "max": (1, None, max),
    "round": (1, 2, _round), "floor": (1, 1, math.floor), "ceil": (1, 1, math.ceil),
    "log": (1, 2, _log), "exp": (1, 1, math.exp), "sin": (1, 1, math.sin), "cos": (1, 1, math.cos),
    "tan": (1, 1, math.tan),
}
CONSTANTS = {"pi": math.pi, "e": math.e}
OPERATORS = frozenset((ast.Add, ast.Sub, ast.Mult, ast.Div, ast.FloorDiv, ast.Mod, ast.Pow))
FORBIDDEN = {ast.BitXor: "^", ast.BitAnd: "&", ast.BitOr: "|", ast.LShift: "<<", ast.RShift: ">>",
             ast.MatMult: "@"}
ALLOWED = ("numbers, + - * / // % **, parentheses, pi, e and the functions "
           + ", ".join(FUNCTIONS))


def _checked(v):
    """Keep every intermediate number finite and of bounded size."""
    if type(v) is int:
        if v.bit_length() > MAX_BITS:
            _bad("result too large")
    elif type(v) is float:
        if not math.isfinite(v):
            _bad("result too large" if math.isinf(v) else "result is not a number")
    else:
        _bad("result is not a real number")
    return v


def _binary(op, a, b):
    if op in (ast.Div, ast.FloorDiv, ast.Mod) and b == 0:
        _bad("division by zero")
    if op is ast.Add:
        return a + b
    if op is ast.Sub:
        return a - b
    if op is ast.Mult:
        return a * b
    if op is ast.Div:
        return a / b
    if op is ast.FloorDiv:
        return a // b
    if op is ast.Mod:
        return a % b
    # **: integers exactly when the result is small enough, otherwise floats
    if type(a) is int and type(b) is int and b >= 0:
        if abs(a) > 1 and (a.bit_length() - 1) * b >= MAX_BITS:
            _bad("result too large")
        return a ** b
    if a == 0 and b < 0:
        _bad("division by zero")
    return math.pow(a, b)


def _apply(name: str, args: list):
    low, high, fn = FUNCTIONS[name]
    if len(args) < low or (high is not None and len(args) > high):
        want = f"{low}" if low == high else f"{low} to {high}" if high else f"at least {low}"
        _bad(f"{name}() takes {want} argument(s), got {len(args)}")
    return fn(*args)


def calculate(expression: str, charge=lambda n: None):
    """The value of an arithmetic *expression* (Python syntax, see :data:`ALLOWED`).

    The tree is walked with an explicit stack, so nesting costs no Python recursion."""
    try:
        tree = ast.parse(expression.strip(), mode="eval")
    except (SyntaxError, ValueError) as e:
        raise BridgeFailure(f"invalid expression: {getattr(e, 'msg', None) or e}")
    values: list = []
    stack: list = [(tree.body, False)]
    while stack:
        node, ready = stack.pop()
        charge(1)
        t = type(node)
        if t is ast.Constant:
            v = node.value
            if type(v) not in (int, float):
                _bad(f"only numbers are allowed, got {ast.unparse(node)}")
            values.append(_checked(v))
        elif t is ast.Name:
            if node.id in CONSTANTS:
                values.append(CONSTANTS[node.id])
            elif node.id in FUNCTIONS:
                _bad(f"'{node.id}' is a function: call it, as in {node.id}(x)")
            else:
                _bad(f"unknown name '{node.id}' (allowed: {ALLOWED})")
        elif t is ast.BinOp:
            if type(node.op) not in OPERATORS:
                hint = " (use ** for powers)" if type(node.op) is ast.BitXor else ""
                _bad(f"operator '{FORBIDDEN.get(type(node.op), '?')}' is not allowed{hint} (allowed: {ALLOWED})")
            if ready:
                b, a = values.pop(), values.pop()
                try:
                    values.append(_checked(_binary(type(node.op), a, b)))
                except OverflowError:
                    _bad("result too large")
                except ValueError:
                    _bad("math domain error")
            else:
                stack += [(node, True), (node.right, False), (node.left, False)]
        elif t is ast.UnaryOp and type(node.op) in (ast.USub, ast.UAdd):
            if ready:
                v = values.pop()
                values.append(-v if type(node.op) is ast.USub else v)
            else:
                stack += [(node, True), (node.operand, False)]
        elif t is ast.Call and type(node.func) is ast.Name and node.func.id in FUNCTIONS and not node.keywords \
                and not any(type(a) is ast.Starred for a in node.args):
            if ready:
                n = len(node.args)
                args = values[len(values) - n:]
                del values[len(values) - n:]
                try:
                    values.append(_checked(_apply(node.func.id, args)))
                except OverflowError:
                    _bad(f"{node.func.id}(): result too large")
                except (ValueError, ZeroDivisionError):
                    _bad(f"{node.func.id}(): math domain error")
            else:
                stack.append((node, True))
                stack += [(a, False) for a in reversed(node.args)]
        elif t is ast.Call:
            _bad(f"only these functions can be called: {', '.join(FUNCTIONS)}")
        else:
            _bad(f"'{ast.unparse(node)}' is not allowed (allowed: {ALLOWED})")
    result = values.pop()
    if type(result) is int and not MINI <= result <= MAXI:
        try:
            return float(result)
        except OverflowError:
            _bad("result too large")
    return result


@builtin_tool("calculator", "Evaluate an arithmetic expression such as \"2 * (3 + sqrt(16)) ** 2\".",
              _object({"expression": _string(
                  "Arithmetic in Python syntax: numbers, + - * / // % ** (power), parentheses, "
                  "pi, e, and sqrt abs min max round floor ceil log exp sin cos tan",
                  minLength=1, maxLength=1000)}, ["expression"]))
def calculator(call, args):
    """A number: an integer when the exact result is one and fits in 64 bits
    (``7 // 2`` is 3), a float otherwise (``/`` always gives a float)."""
    return calculate(args["expression"], call.rt.meter.charge)


# -- the clock ---------------------------------------------------------------------------

def strftime(fmt: str, t: int) -> str:
    """C-locale ``strftime`` of epoch second *t* in UTC: the conversions of Lua's
    ``os.date`` (shared with vm/lua/los.py so both print the same)."""
    tm = Tm(t)
    out = []
    i, n = 0, len(fmt)
    while i < n:
        j = fmt.find("%", i)
        if j != i:
            j = n if j < 0 else j
            out.append(fmt[i:j])
            i = j
            continue
        c = fmt[i + 1:i + 2]
        if c and c.isascii() and ord(c) in SINGLE:
            out.append(conversion(c, tm, False))
            i += 2
        elif fmt[i + 1:i + 3].isascii() and fmt[i + 1:i + 3].encode() in DOUBLE:
            out.append(conversion(fmt[i + 2], tm, False))
            i += 3
        else:
            raise BridgeFailure(f"invalid conversion '%{c}' in format (see strftime)")
    return "".join(out)


@builtin_tool("datetime", "The current date and time in UTC: epoch seconds, ISO 8601, and formatted with strftime.",
              _object({"format": _string("strftime format for 'formatted', default \"%Y-%m-%d %H:%M:%S\"",
                                         maxLength=1000)}, []))
def datetime(call, args):
    """``{epoch, iso, formatted}`` of the run's virtual clock (the time ``os.time``
    sees: whole seconds, UTC).  Deterministic: the same spell gets the same time."""
    rt = call.rt
    clock = getattr(rt, "clock", None)
    if clock is None:
        clock = rt.clock = VirtualClock(rt.meter, rt.policy.clock_start)
    t = math.floor(clock.now())
    fmt = args.get("format", "%Y-%m-%d %H:%M:%S")
    rt.meter.charge(len(fmt))
    return {"epoch": t, "iso": strftime("%Y-%m-%dT%H:%M:%SZ", t), "formatted": _text_result(call, strftime(fmt, t))}


# -- JSON --------------------------------------------------------------------------------

def _json_depth_ok(text: str) -> bool:
    """Whether *text* nests arrays/objects at most MAX_JSON_DEPTH deep (checked
    before parsing: the json module's parser recurses in C)."""
    if text.count("[") + text.count("{") <= MAX_JSON_DEPTH:
        return True
    depth = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > MAX_JSON_DEPTH:
                return False
        elif ch in "]}":
            depth -= 1
    return True


def _json_int(s: str):
    """JSON integers outside Lua's 64-bit range become floats (as Lua reads such a numeral)."""
    if len(s) <= 18:
        return int(s)
    v = int(s) if len(s) < 400 else None
    return v if v is not None and MINI <= v <= MAXI else float(s)


def _no_constant(name: str):
    raise ValueError(f"{name} is not JSON")


@builtin_tool("json_parse", "Parse JSON text into a value (object, array, string, number, boolean).",
              _object({"text": _string("The JSON text")}, ["text"]))
def json_parse(call, args):
    """JSON null becomes nil (so it disappears from tables); integers outside
    64 bits become floats; NaN/Infinity are refused; duplicate keys: the last wins."""
    text = args["text"]
    call.rt.meter.charge(len(text))
    if not _json_depth_ok(text):
        raise BridgeFailure(f"invalid JSON: nested more than {MAX_JSON_DEPTH} levels deep")
    try:
        return json.loads(text, parse_int=_json_int, parse_constant=_no_constant)
    except json.JSONDecodeError as e:
        raise BridgeFailure(f"invalid JSON at line {e.lineno} column {e.colno} (char {e.pos}): {e.msg}")
    except ValueError as e:
        raise BridgeFailure(f"invalid JSON: {e}")


def _unencodable(o):
    kind = "function" if isinstance(o, ScriptFunction) else o.kind if isinstance(o, BridgeObject) \
        else type(o).__name__
    raise TypeError(f"cannot encode a {kind} as JSON")


@builtin_tool("json_stringify", "Encode a value (table, string, number, boolean) as JSON text.",
              _object({"value": {"description": "The value to encode"},
                       "indent": {"type": "integer", "minimum": 0, "maximum": 16,
                                  "description": "Spaces per indentation level; omit for compact output"}},
                      ["value"]))
def json_stringify(call, args):
    """Keys keep the table's order (array part, then insertion order) — not
    sorted; non-string keys become strings; an empty table is ``{}``; non-ASCII
    text is written as is; without ``indent`` the output has no spaces."""
    indent = args.get("indent")
    indent = int(indent) if indent is not None else None
    encoder = json.JSONEncoder(ensure_ascii=False, allow_nan=False, indent=indent, default=_unencodable,
                               separators=(",", ": ") if indent is not None else (",", ":"))
    limit = call.rt.meter.limits.max_string
    parts, size = [], 0
    try:
        for chunk in encoder.iterencode(args["value"]):
            size += len(chunk)
            if size > limit:
                call.rt.meter.string(size)
            parts.append(chunk)
    except (TypeError, ValueError) as e:
        message = str(e)
        if "JSON compliant" in message:
            message = "cannot encode NaN or infinity as JSON"
        raise BridgeFailure(message)
    return _text_result(call, "".join(parts))


# -- text --------------------------------------------------------------------------------

@builtin_tool("text_length", "Count the characters, words and lines of a text.",
              _object({"text": _string("The text to measure")}, ["text"]))
def text_length(call, args):
    """characters: UTF-8 characters (an invalid byte counts as one); words:
    runs of non-whitespace (Unicode whitespace); lines: newline-terminated
    lines plus a last unterminated one (``"a\\nb"`` and ``"a\\nb\\n"`` are 2)."""
    text = args["text"]
    call.rt.meter.charge(len(text))
    lines = text.count("\n") + (1 if text and not text.endswith("\n") else 0)
    return {"characters": len(text), "words": len(text.split()), "lines": lines}


@builtin_tool("text_replace", "Replace every occurrence of a plain string (not a pattern) in a text.",
              _object({"text": _string("The text"),
                       "find": _string("The string to find (plain text)", minLength=1),
                       "replace": _string("What to put in its place")},
                      ["text", "find", "replace"]))
def text_replace(call, args):
    """Matches bytes, as Lua strings are bytes (so a lone byte of a UTF-8
    character can be replaced too); the result's size is metered before it is built."""
    text, find, replace = (as_latin1(args[k]) for k in ("text", "find", "replace"))
    call.rt.meter.charge(len(text))
    size = len(text) + text.count(find) * (len(replace) - len(find))
    call.rt.meter.string(size)
    return from_latin1(text.replace(find, replace))


@builtin_tool("text_split", "Split a text at every occurrence of a plain separator string.",
              _object({"text": _string("The text"),
                       "separator": _string("The separator (plain text)", minLength=1)},
                      ["text", "separator"]))
def text_split(call, args):
    """A list of the pieces, empty ones included (``"a,,b"`` gives ``a``, ``""``,
    ``b``; an empty text gives one empty piece).  Splits at bytes, like text_replace."""
    text, sep = as_latin1(args["text"]), as_latin1(args["separator"])
    call.rt.meter.charge(len(text))
    pieces = text.split(sep)
    call.rt.meter.alloc(len(text) + 49 * len(pieces), len(pieces))
    return [from_latin1(p) for p in pieces]
