"""The built-in tools (bridges/builtin_tools.py), driven through real Lua spells.

Expected values come from the tools' documented semantics (the module and
handler docstrings of bridges/builtin_tools.py): real paths in capabilities,
UTF-8-only file_read, atomic file_write, file_list not following symlinks,
redirects checked hop by hop, the calculator's whitelist and number rules,
the virtual clock (Policy.clock_start = 1_700_000_000 is
2023-11-14T22:13:20Z), JSON in insertion order, byte-wise text tools.
Arguments reach the spell as its varargs (``local p = ...``), so no path is
quoted into Lua source.
"""
import http.server
import json
import math
import os
import stat
import textwrap
import threading

import pytest
from llmspell.bridges import builtin_tools  # registers the built-in tools
from llmspell.bridges.tools import BUILTIN
from llmspell.ir.errors import LimitExceeded, ScriptError
from llmspell.sandbox.policy import DEFAULT_GRANTS, Limits, Policy

import llmspell

WRITE = "destructive:file_write"


def run(src, *grants, args=(), **policy):
    """Run *src* with the default grants plus *grants*; return its values."""
    return llmspell.run(textwrap.dedent(src), args=args,
                        policy=Policy(grants=DEFAULT_GRANTS + grants, **policy)).values


def error_of(src, *grants, args=()):
    """The message of the error *src* ends with."""
    with pytest.raises(ScriptError) as e:
        run(src, *grants, args=args)
    return str(e.value)


@pytest.fixture
def folder(tmp_path):
    """A real (symlink-free) folder."""
    return os.path.realpath(tmp_path)


def denied(message, capability, flag):
    return f"permission denied: needs {capability} (grant it with {flag}, or " in message


# -- the declarations -----------------------------------------------------------------------

def test_every_tool_is_declared_for_models():
    names = {"file_read", "file_write", "file_list", "http_get", "http_request", "calculator", "datetime",
             "json_parse", "json_stringify", "text_length", "text_replace", "text_split"}
    assert names <= set(BUILTIN)
    for name in names:
        tool = BUILTIN[name]
        assert tool.builtin and tool.description and "\n" not in tool.description
        params = tool.parameters
        assert params["type"] == "object" and params["additionalProperties"] is False
        assert set(params["required"]) <= set(params["properties"])
        for spec in params["properties"].values():
            assert spec["description"]
        assert tool.destructive == (name == "file_write")
        # pure tools need no capability; file and http tools do
        assert (tool.capability is None) == (name not in {"file_read", "file_write", "file_list",
                                                          "http_get", "http_request"})


def test_tools_list_shows_the_builtins():
    [listed] = run("""
        local out = {}
        for _, t in ipairs(tools.list()) do out[t.name] = t.parameters.required end
        return out
    """)
    assert listed["file_write"] == ["path", "content"]
    assert listed["http_request"] == ["url", "method"]


# -- file_read --------------------------------------------------------------------------------

def test_file_read_both_call_forms(folder):
    p = os.path.join(folder, "a.txt")
    with open(p, "w", encoding="utf-8") as f:
        f.write("héllo\nworld\n")
    assert run("""
        local p = ...
        return tools.call("file_read", {path = p}), tools.file_read(p), tools.file_read{path = p}
    """, f"read:{folder}", args=(p,)) == ["héllo\nworld\n"] * 3


def test_file_read_relative_path_resolves_against_cwd(folder, monkeypatch):
    os.mkdir(os.path.join(folder, "sub"))
    with open(os.path.join(folder, "sub", "r.txt"), "w") as f:
        f.write("relative")
    monkeypatch.chdir(folder)
    assert run('return tools.file_read("sub/r.txt")', f"read:{folder}/sub") == ["relative"]


def test_file_read_denied_without_grant_names_capability_and_flag(folder):
    p = os.path.join(folder, "a.txt")
    open(p, "w").close()
    msg = error_of("return tools.file_read(...)", args=(p,))
    assert "tools.file_read:" in msg and denied(msg, f"read:{p}", f"--allow-read={p}")
    msg = error_of('return tools.call("file_read", {path = ...})', args=(p,))
    assert "tools.call:" in msg and denied(msg, f"read:{p}", f"--allow-read={p}")


def test_file_read_dotdot_escape_is_denied(folder):
    os.mkdir(os.path.join(folder, "granted"))
    secret = os.path.join(folder, "secret.txt")
    with open(secret, "w") as f:
        f.write("s")
    msg = error_of("return tools.file_read(...)", f"read:{folder}/granted",
                   args=(f"{folder}/granted/../secret.txt",))
    assert denied(msg, f"read:{secret}", f"--allow-read={secret}")


def test_file_read_symlink_out_of_granted_folder_is_denied(folder):
    granted, outside = os.path.join(folder, "granted"), os.path.join(folder, "outside")
    os.mkdir(granted)
    os.mkdir(outside)
    secret = os.path.join(outside, "secret.txt")
    with open(secret, "w") as f:
        f.write("s")
    os.symlink(secret, os.path.join(granted, "link.txt"))
    os.symlink(outside, os.path.join(granted, "dirlink"))
    msg = error_of("return tools.file_read(...)", f"read:{granted}", args=(f"{granted}/link.txt",))
    assert denied(msg, f"read:{secret}", f"--allow-read={secret}")
    msg = error_of("return tools.file_read(...)", f"read:{granted}", args=(f"{granted}/dirlink/secret.txt",))
    assert denied(msg, f"read:{secret}", f"--allow-read={secret}")


def test_file_read_symlink_inside_granted_folder_is_followed(folder):
    with open(os.path.join(folder, "target.txt"), "w") as f:
        f.write("target")
    os.symlink("target.txt", os.path.join(folder, "link.txt"))
    assert run("return tools.file_read(...)", f"read:{folder}", args=(f"{folder}/link.txt",)) == ["target"]


def test_file_read_errors(folder, monkeypatch):
    grant = f"read:{folder}"
    missing = os.path.join(folder, "missing.txt")
    assert f"no such file: '{missing}'" in error_of("return tools.file_read(...)", grant, args=(missing,))
    assert "is a directory" in error_of("return tools.file_read(...)", grant, args=(folder,))
    binary = os.path.join(folder, "b.bin")
    with open(binary, "wb") as f:
        f.write(b"ab\xffcd")
    msg = error_of("return tools.file_read(...)", grant, args=(binary,))
    assert "is not UTF-8 text (byte 0xff at offset 2)" in msg
    big = os.path.join(folder, "big.txt")
    with open(big, "wb") as f:
        f.truncate(builtin_tools.MAX_FILE + 1)
    assert "is too large" in error_of("return tools.file_read(...)", grant, args=(big,))
    os.mkfifo(os.path.join(folder, "fifo"))
    assert "is not a regular file" in error_of("return tools.file_read(...)", grant,
                                               args=(os.path.join(folder, "fifo"),))


def test_file_read_bad_arguments():
    assert "bad arguments to tool 'file_read': 'path' is a required property" in error_of(
        "return tools.file_read()")
    assert "bad arguments to tool 'file_read' at path: 42 is not of type 'string'" in error_of(
        "return tools.file_read(42)")
    assert "Additional properties are not allowed ('bogus' was unexpected)" in error_of(
        'return tools.call("file_read", {path = "x", bogus = 1})')


# -- file_write --------------------------------------------------------------------------------

def test_file_write_replaces_atomically_and_reports_bytes(folder):
    p = os.path.join(folder, "out.txt")
    with open(p, "w") as f:
        f.write("old contents that are longer")
    os.chmod(p, 0o640)
    assert run("""
        local p = ...
        local r = tools.file_write(p, "né")
        return r, tools.call("file_write", {path = p, content = "x", append = true}), tools.file_read(p)
    """, f"write:{folder}", f"read:{folder}", WRITE, args=(p,)) == [
        {"path": p, "bytes": 3}, {"path": p, "bytes": 1}, "néx"]       # "é" is 2 bytes of UTF-8
    assert stat.S_IMODE(os.stat(p).st_mode) == 0o640                 # permission bits kept
    assert os.listdir(folder) == ["out.txt"]                          # no temporary file left


def test_file_write_writes_the_strings_exact_bytes(folder):
    p = os.path.join(folder, "raw.bin")
    run(r'tools.file_write(..., "a\255\0b")', f"write:{folder}", WRITE, args=(p,))
    with open(p, "rb") as f:
        assert f.read() == b"a\xff\x00b"


def test_file_write_new_file_gets_umask_permissions(folder):
    p = os.path.join(folder, "new.txt")
    run('tools.file_write(..., "x")', f"write:{folder}", WRITE, args=(p,))
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(os.stat(p).st_mode) == 0o666 & ~umask


def test_file_write_needs_write_and_destructive_grants(folder):
    p = os.path.join(folder, "out.txt")
    msg = error_of('tools.file_write(..., "x")', WRITE, args=(p,))
    assert denied(msg, f"write:{p}", f"--allow-write={p}")
    msg = error_of('tools.file_write(..., "x")', f"write:{folder}", args=(p,))
    assert "needs destructive:file_write" in msg
    msg = error_of('tools.file_write(..., "x")', f"read:{folder}", WRITE, args=(p,))
    assert denied(msg, f"write:{p}", f"--allow-write={p}")
    assert not os.path.exists(p)


def test_file_write_escapes_are_denied(folder):
    granted, outside = os.path.join(folder, "granted"), os.path.join(folder, "outside")
    os.mkdir(granted)
    os.mkdir(outside)
    os.symlink(outside, os.path.join(granted, "dirlink"))                     # symlinked parent
    os.symlink(os.path.join(outside, "t.txt"), os.path.join(granted, "dangling.txt"))  # link to a new file
    target = os.path.join(outside, "t.txt")
    for path in (f"{granted}/../outside/t.txt", f"{granted}/dirlink/t.txt", f"{granted}/dangling.txt"):
        msg = error_of('tools.file_write(..., "x")', f"write:{granted}", WRITE, args=(path,))
        assert denied(msg, f"write:{target}", f"--allow-write={target}"), path
    assert os.listdir(outside) == []


def test_file_write_through_symlink_inside_grant_writes_the_target(folder):
    target = os.path.join(folder, "target.txt")
    with open(target, "w") as f:
        f.write("old")
    link = os.path.join(folder, "link.txt")
    os.symlink("target.txt", link)
    assert run('return tools.file_write(..., "new")', f"write:{folder}", WRITE, args=(link,)) == [
        {"path": target, "bytes": 3}]
    assert os.path.islink(link)
    with open(target) as f:
        assert f.read() == "new"


def test_file_write_errors(folder):
    grants = (f"write:{folder}", WRITE)
    msg = error_of('tools.file_write(..., "x")', *grants, args=(f"{folder}/nodir/x.txt",))
    assert f"directory '{folder}/nodir' does not exist" in msg
    assert "is a directory" in error_of('tools.file_write(..., "x")', *grants, args=(folder,))
    assert "'content' is a required property" in error_of("tools.file_write(...)", *grants,
                                                          args=(f"{folder}/x",))
    assert "True is not of type 'string'" in error_of("tools.file_write(..., true)", *grants,
                                                      args=(f"{folder}/x",))


# -- file_list --------------------------------------------------------------------------------

def test_file_list_entries_sorted_with_types_and_sizes(folder):
    with open(os.path.join(folder, "b.txt"), "w") as f:
        f.write("12345")
    with open(os.path.join(folder, "a.md"), "w") as f:
        f.write("")
    os.mkdir(os.path.join(folder, "C"))
    os.symlink("/", os.path.join(folder, "root"))
    assert run("""
        local p = ...
        return tools.file_list(p), tools.call("file_list", {path = p, pattern = "*.txt"})
    """, f"read:{folder}", args=(folder,)) == [
        [{"name": "C", "type": "dir"},              # byte order: "C" < "a"; dirs have no size
         {"name": "a.md", "type": "file", "size": 0},
         {"name": "b.txt", "type": "file", "size": 5},
         {"name": "root", "type": "link"}],          # a symlink is not followed
        [{"name": "b.txt", "type": "file", "size": 5}]]


def test_file_list_denied_and_errors(folder):
    sub = os.path.join(folder, "sub")
    os.mkdir(sub)
    msg = error_of("return tools.file_list(...)", f"read:{sub}", args=(f"{sub}/..",))
    assert denied(msg, f"read:{folder}", f"--allow-read={folder}")
    f = os.path.join(folder, "f.txt")
    open(f, "w").close()
    assert f"'{f}' is not a directory" in error_of("return tools.file_list(...)", f"read:{folder}", args=(f,))
    assert f"no such directory: '{folder}/nope'" in error_of("return tools.file_list(...)", f"read:{folder}",
                                                             args=(f"{folder}/nope",))


# -- http ------------------------------------------------------------------------------------

class Server:
    """An HTTP server on 127.0.0.1 (port 0) recording the requests it gets."""

    def __init__(self):
        self.requests = []
        self.other = None          # the URL of another server, for cross-server redirects
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def reply(self, status, body=b"", headers=()):
                self.send_response(status)
                for k, v in headers:
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)

            def handle_any(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode() if length else None
                server.requests.append({"method": self.command, "path": self.path, "body": body,
                                        "headers": {k.lower(): v for k, v in self.headers.items()}})
                path = self.path
                if path == "/hello":
                    self.reply(200, b"hello", [("Content-Type", "text/plain"), ("X-Multi", "1"), ("X-Multi", "2")])
                elif path == "/echo":
                    echo = {"method": self.command, "body": body, "x-test": self.headers.get("X-Test")}
                    self.reply(201, json.dumps(echo).encode(), [("Content-Type", "application/json")])
                elif path == "/latin1":
                    self.reply(200, b"caf\xe9", [("Content-Type", "text/plain; charset=iso-8859-1")])
                elif path == "/to-hello":
                    self.reply(302, headers=[("Location", "/hello")])
                elif path == "/see-other":
                    self.reply(303, headers=[("Location", "/echo")])
                elif path == "/to-other":
                    self.reply(302, headers=[("Location", server.other + "/echo")])
                elif path == "/loop":
                    self.reply(302, headers=[("Location", "/loop")])
                else:
                    self.reply(404, b"not found")

            do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = handle_any

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.running = True
        threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True).start()

    def stop(self):
        if self.running:
            self.running = False
            self.httpd.shutdown()
            self.httpd.server_close()


@pytest.fixture
def servers():
    a, b = Server(), Server()
    a.other, b.other = b.url, a.url
    try:
        yield a, b
    finally:
        a.stop()
        b.stop()


def test_http_get_both_forms(servers):
    a, _ = servers
    [r1, r2] = run("""
        local base = ...
        return tools.http_get(base .. "/hello"), tools.call("http_get", {url = base .. "/hello", timeout = 5})
    """, f"net:127.0.0.1:{a.port}", args=(a.url,))
    assert r1 == r2
    assert r1["status"] == 200 and r1["body"] == "hello"
    assert r1["headers"]["content-type"] == "text/plain"
    assert r1["headers"]["x-multi"] == "1, 2"                      # repeats joined, names lower-case
    assert a.requests[0]["headers"]["user-agent"].startswith("llmspell/")


def test_http_request_method_body_headers_and_status(servers):
    a, _ = servers
    [r] = run("""
        local base = ...
        return tools.http_request{url = base .. "/echo", method = "POST", body = "payload",
                                  headers = {["X-Test"] = "yes"}}
    """, f"net:127.0.0.1:{a.port}", args=(a.url,))
    assert r["status"] == 201
    assert json.loads(r["body"]) == {"method": "POST", "body": "payload", "x-test": "yes"}
    [r] = run('return tools.http_request((...) .. "/nothing", "DELETE")', f"net:127.0.0.1:{a.port}",
              args=(a.url,))
    assert r["status"] == 404 and r["body"] == "not found"         # an error status is data, not an error


def test_http_body_decoded_with_its_charset(servers):
    a, _ = servers
    [r] = run('return tools.http_get((...) .. "/latin1")', f"net:127.0.0.1:{a.port}", args=(a.url,))
    assert r["body"] == "café"


def test_http_denied_without_grant(servers):
    a, _ = servers
    cap = f"net:127.0.0.1:{a.port}"
    msg = error_of('return tools.http_get((...) .. "/hello")', "net:127.0.0.1:1", args=(a.url,))
    assert denied(msg, cap, f"--allow-net=127.0.0.1:{a.port}")
    assert a.requests == []
    # a grant without a port covers every port of the host
    assert run('return tools.http_get((...) .. "/hello").status', "net:127.0.0.1", args=(a.url,)) == [200]


def test_http_redirects_followed_and_checked_at_every_hop(servers):
    a, b = servers
    [r] = run('return tools.http_get((...) .. "/to-hello")', f"net:127.0.0.1:{a.port}", args=(a.url,))
    assert r["status"] == 200 and r["body"] == "hello"
    # a redirect from the granted server to one that is not granted
    msg = error_of('return tools.http_get((...) .. "/to-other")', f"net:127.0.0.1:{a.port}", args=(a.url,))
    assert "tools.http_get:" in msg and denied(msg, f"net:127.0.0.1:{b.port}", f"--allow-net=127.0.0.1:{b.port}")
    assert b.requests == []


def test_http_redirect_semantics(servers):
    a, b = servers
    grants = (f"net:127.0.0.1:{a.port}", f"net:127.0.0.1:{b.port}")
    # 303 turns a POST into a GET without body
    [r] = run('return tools.http_request{url = (...) .. "/see-other", method = "POST", body = "x"}', *grants,
              args=(a.url,))
    assert json.loads(r["body"]) == {"method": "GET", "body": None, "x-test": None}
    # credentials are not carried to another host
    [r] = run("""return tools.http_get{url = (...) .. "/to-other",
                                       headers = {Authorization = "Bearer k", ["X-Test"] = "kept"}}""",
              *grants, args=(a.url,))
    assert json.loads(r["body"])["x-test"] == "kept"
    assert a.requests[-1]["headers"]["authorization"] == "Bearer k"
    assert "authorization" not in b.requests[-1]["headers"]
    msg = error_of('return tools.http_get((...) .. "/loop")', *grants, args=(a.url,))
    assert "too many redirects (more than 10)" in msg
    assert len([q for q in a.requests if q["path"] == "/loop"]) == 11


def test_http_refuses_other_schemes_and_bad_arguments():
    assert "only http and https URLs are supported, got 'file:///etc/passwd'" in error_of(
        'return tools.http_get("file:///etc/passwd")', "net:*")
    assert "URL has no host" in error_of('return tools.http_get("http:///x")', "net:*")
    assert "'FETCH' is not one of" in error_of(
        'return tools.http_request{url = "http://127.0.0.1/", method = "FETCH"}', "net:*")
    assert "0 is less than or equal to the minimum of 0" in error_of(
        'return tools.http_get{url = "http://127.0.0.1/", timeout = 0}', "net:*")


def test_http_response_size_cap(servers, monkeypatch):
    a, _ = servers
    monkeypatch.setattr(builtin_tools, "MAX_BODY", 3)
    msg = error_of('return tools.http_get((...) .. "/hello")', f"net:127.0.0.1:{a.port}", args=(a.url,))
    assert "response body larger than 3 bytes" in msg


def test_http_connection_failure_is_a_script_error(servers):
    a, _ = servers
    port = a.port
    a.stop()
    msg = error_of('return tools.http_get((...) .. "/hello")', f"net:127.0.0.1:{port}", args=(a.url,))
    assert f"GET {a.url}/hello failed:" in msg


# -- calculator --------------------------------------------------------------------------------

@pytest.mark.parametrize("expression, value, kind", [
    ("2 * (3 + sqrt(16)) ** 2", 98.0, "float"),      # sqrt gives a float
    ("1 + 2 * 3", 7, "integer"),
    ("7 // 2", 3, "integer"),
    ("7 / 2", 3.5, "float"),
    ("6 / 2", 3.0, "float"),                        # / always gives a float
    ("-7 % 3", 2, "integer"),                       # the remainder has the divisor's sign
    ("2 ** 10", 1024, "integer"),
    ("2 ** -1", 0.5, "float"),
    ("2 ** 64", 2.0 ** 64, "float"),                # exact but beyond 64 bits
    ("-(3)", -3, "integer"),
    ("round(2.5)", 3, "integer"),                   # half away from zero
    ("round(-2.5)", -3, "integer"),
    ("round(2.675, 2)", 2.68, "float"),             # on the decimal as written
    ("round(1234, -2)", 1200, "integer"),
    ("max(1, 5, 3) + min(4, 2)", 7, "integer"),
    ("floor(-1.5) + ceil(1.2)", 0, "integer"),
    ("abs(-4)", 4, "integer"),
    ("log(e) + log(8, 2)", 4.0, "float"),
    ("exp(0) + sin(0) + cos(0) + tan(0)", 2.0, "float"),
    ("pi", math.pi, "float"),
    ("1_000 * 1e3", 1e6, "float"),
])
def test_calculator_values(expression, value, kind):
    assert run("local v = tools.calculator(...) return v, math.type(v)", args=(expression,)) == [value, kind]


@pytest.mark.parametrize("expression, message", [
    ("__import__('os').system('true')", "only these functions can be called"),
    ("x + 1", "unknown name 'x'"),
    ("(1).__class__", "__class__' is not allowed"),
    ("'a' * 3", "only numbers are allowed, got 'a'"),
    ("True + 1", "only numbers are allowed, got True"),
    ("1j", "only numbers are allowed, got 1j"),
    ("10 ** 10 ** 10", "result too large"),
    ("9 ** 9 ** 9", "result too large"),
    ("2 ** 1023 * 2 ** 1023", "result too large"),
    ("1e308 * 10", "result too large"),
    ("1e999", "result too large"),
    ("exp(1000)", "exp(): result too large"),
    ("2 ^ 3", "operator '^' is not allowed (use ** for powers)"),
    ("1 << 2", "operator '<<' is not allowed"),
    ("1 / 0", "division by zero"),
    ("1 % 0", "division by zero"),
    ("0 ** -1", "division by zero"),
    ("sqrt(-1)", "sqrt(): math domain error"),
    ("(-8) ** 0.5", "math domain error"),
    ("sqrt", "'sqrt' is a function: call it, as in sqrt(x)"),
    ("sqrt(1, 2)", "sqrt() takes 1 argument(s), got 2"),
    ("max()", "max() takes at least 1 argument(s), got 0"),
    ("round(1, x=2)", "only these functions can be called"),
    ("1 < 2", "'1 < 2' is not allowed"),
    ("[1]", "'[1]' is not allowed"),
    ("1 +", "invalid expression:"),
    ("x = 1", "invalid expression:"),
])
def test_calculator_rejections(expression, message):
    msg = error_of("return tools.calculator(...)", args=(expression,))
    assert "tools.calculator: " in msg and message in msg, msg


def test_calculator_bad_arguments():
    assert "'' should be non-empty" in error_of('return tools.calculator("")')
    assert "is too long" in error_of('return tools.calculator(string.rep("1+", 600) .. "1")')
    assert "5 is not of type 'string'" in error_of("return tools.calculator(5)")


def test_calculator_long_chain_needs_no_recursion():
    # 499 nested operations: evaluated with an explicit stack
    assert run('return tools.calculator(string.rep("1+", 499) .. "1")') == [500]


# -- datetime ----------------------------------------------------------------------------------

def test_datetime_is_the_virtual_clock():
    [d, t] = run("return tools.datetime(), os.time()")
    assert d == {"epoch": 1_700_000_000, "iso": "2023-11-14T22:13:20Z", "formatted": "2023-11-14 22:13:20"}
    assert t == d["epoch"]


def test_datetime_format_matches_os_date():
    fmt = "%A %d %B %Y, %I:%M %p (day %j, week %V) %%"
    [a, b] = run("""
        local fmt = ...
        return tools.datetime{format = fmt}.formatted, os.date("!" .. fmt, tools.datetime().epoch)
    """, args=(fmt,), clock_start=86400.0 * 365 * 30 + 12345)
    assert a == b and a.startswith("Saturday 25 December 1999")


def test_datetime_bad_format():
    assert "invalid conversion '%Q' in format" in error_of('return tools.datetime{format = "%Q"}')
    assert "invalid conversion '%' in format" in error_of('return tools.datetime("50%")')


# -- JSON --------------------------------------------------------------------------------------

def test_json_parse_values():
    [first, big, kinds] = run("""
        local v = tools.json_parse('{"a": [1, 2.5, "x", true, null, {"b": null}], "big": 123456789012345678901}')
        return {v.a[1], v.a[2], v.a[3], v.a[4]}, v.big,
               {math.type(v.a[1]), math.type(v.a[2]), math.type(v.big), v.a[5] == nil, next(v.a[6]) == nil}
    """)
    assert first == [1, 2.5, "x", True]
    assert big == 123456789012345678901.0                              # beyond 64 bits: a float
    assert kinds == ["integer", "float", "float", True, True]          # null is nil


def test_json_parse_errors():
    msg = error_of('return tools.json_parse("[1,\\n  2,,]")')
    assert "invalid JSON at line 2 column 5 (char 8): Expecting value" in msg
    assert "NaN is not JSON" in error_of('return tools.json_parse("[NaN]")')
    assert "nested more than 64 levels deep" in error_of(
        'return tools.json_parse(string.rep("[", 100000) .. string.rep("]", 100000))')
    # brackets inside strings do not count as nesting
    assert run('return #tools.json_parse(\'["\' .. string.rep("[", 100) .. \'"]\')') == [1]


def test_json_stringify_keeps_order_and_indents():
    assert run("""
        local t = {zeta = 1}
        t.alpha = {1, 2, "é"}
        t.mid = true
        return tools.json_stringify{value = t},
               tools.call("json_stringify", {value = {1, {x = 1.5}}, indent = 2}),
               tools.json_stringify{value = "s\\n"}, tools.json_stringify{value = {}}
    """) == ['{"zeta":1,"alpha":[1,2,"é"],"mid":true}',
             '[\n  1,\n  {\n    "x": 1.5\n  }\n]',
             '"s\\n"', "{}"]


def test_json_round_trip():
    assert run("""
        local text = '{"b":[1,{"c":"d"}],"a":-2.5}'
        return tools.json_stringify{value = tools.json_parse(text)} == text
    """) == [True]


def test_json_stringify_errors():
    assert "cannot encode a function as JSON" in error_of("return tools.json_stringify{value = {f = print}}")
    assert "cannot encode NaN or infinity as JSON" in error_of("return tools.json_stringify{value = 0/0}")
    assert "'value' is a required property" in error_of("return tools.json_stringify{indent = 2}")
    assert "17 is greater than the maximum of 16" in error_of(
        "return tools.json_stringify{value = 1, indent = 17}")


def test_json_stringify_output_is_metered():
    with pytest.raises(LimitExceeded):
        run('return tools.json_stringify{value = {string.rep("x", 600), string.rep("y", 600)}}',
            limits=Limits(max_string=1000))


# -- text --------------------------------------------------------------------------------------

def test_text_length():
    assert run("""
        return tools.text_length("héllo wörld\\n\\nlast"), tools.text_length(""),
               tools.call("text_length", {text = "a\\nb\\n"}), tools.text_length("  spaced \\t out  ")
    """) == [{"characters": 17, "words": 3, "lines": 3}, {"characters": 0, "words": 0, "lines": 0},
             {"characters": 4, "words": 2, "lines": 2}, {"characters": 16, "words": 2, "lines": 1}]


def test_text_replace_is_plain_and_byte_wise():
    assert run(r"""
        return tools.text_replace("a.b.c", ".", "%1"), tools.call("text_replace", {text = "aaa", find = "aa", replace = "b"}),
               tools.text_replace("é", "\169", "!") == "\195!"
    """) == ["a%1b%1c", "ba", True]
    assert "'' should be non-empty" in error_of('return tools.text_replace("a", "", "b")')


def test_text_replace_result_is_metered_before_it_is_built():
    with pytest.raises(LimitExceeded):
        run('return tools.text_replace(string.rep("a", 100), "a", string.rep("b", 100))',
            limits=Limits(max_string=1000))


def test_text_split():
    assert run("""
        return tools.text_split("a,,b", ","), tools.text_split("", ","), tools.text_split("x::y::z", "::"),
               tools.call("text_split", {text = "no sep", separator = ";"})
    """) == [["a", "", "b"], [""], ["x", "y", "z"], ["no sep"]]
    assert "'separator' is a required property" in error_of('return tools.text_split("a")')
