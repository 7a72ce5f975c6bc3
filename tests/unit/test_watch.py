"""``llmspell watch`` as a user meets it: a real process watching a real
folder, the spell edited under it — each save runs it again, a broken save is
reported and the watch goes on, the policy file counts too."""
import os
import queue
import subprocess
import sys
import threading

import pytest

TIMEOUT = 30        # seconds for each expected line: a bound for a stuck watch, not a speed test


class Watch:
    """``llmspell watch`` in a subprocess; its stderr lines arrive on a queue."""

    def __init__(self, folder, *args):
        self.p = subprocess.Popen([sys.executable, "-m", "llmspell", "watch", *args], cwd=folder,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.lines: queue.Queue = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self):
        for line in self.p.stderr:
            self.lines.put(line.rstrip("\n"))

    def next_summary(self) -> list[str]:
        """The stderr lines up to and including the next run's summary line."""
        got = []
        while True:
            try:
                line = self.lines.get(timeout=TIMEOUT)
            except queue.Empty:
                self.p.kill()
                pytest.fail(f"no summary line within {TIMEOUT} s; stderr so far: {got}")
            got.append(line)
            if line.startswith("── "):
                return got

    def wait_watching(self):
        line = self.lines.get(timeout=TIMEOUT)
        assert line.startswith("watching "), line

    def finish(self) -> str:
        out, _ = self.p.communicate(timeout=TIMEOUT)
        assert self.p.returncode == 0
        return out


def test_each_save_runs_the_spell_again_and_a_broken_save_is_reported(tmp_path):
    spell = tmp_path / "s.lua"
    spell.write_text('print("one")\n')
    w = Watch(tmp_path, "--max-runs", "4", "--max-instructions", "1000", "s.lua")
    first = w.next_summary()
    assert first[-1].startswith("── ok · 4 instructions · ") and "0 tokens · $0.0000 · " in first[-1]
    w.wait_watching()
    spell.write_text('print("two"\n')                            # a save in the middle of an edit
    broken = w.next_summary()
    assert broken[0].startswith("s.lua:2:1: syntax error: ')' expected")
    assert broken[-1].startswith("── syntax error · ")
    spell.write_text('local t = {}\nfor i = 1, 1e9 do t[i] = i end\n')
    limited = w.next_summary()
    assert "LimitExceeded: instructions (1000) at s.lua:2:" in limited[0]
    assert limited[-1].startswith("── LimitExceeded · ")
    spell.write_text('print("three")\n')
    assert w.next_summary()[-1].startswith("── ok · ")
    assert w.finish() == "one\nthree\n"


def test_the_policy_file_counts_as_part_of_the_spell(tmp_path):
    data = tmp_path / "x.txt"
    data.write_text("hello")
    (tmp_path / "s.lua").write_text(f'print(pcall(tools.file_read, "{data}"))\n')
    w = Watch(tmp_path, "--max-runs", "2", "s.lua")
    w.next_summary()
    w.wait_watching()
    (tmp_path / "llmspell.toml").write_text(f'[permissions]\nread = ["{os.path.realpath(tmp_path)}"]\n')
    w.next_summary()
    first, second = w.finish().splitlines()
    assert first.startswith("false\t") and "permission denied: needs read:" in first
    assert second == "true\thello"


def test_flags_are_those_of_run():
    p = subprocess.run([sys.executable, "-m", "llmspell", "watch", "--help"], capture_output=True, text=True)
    assert p.returncode == 0
    for flag in ("--max-instructions", "--allow-read", "--config", "--arg", "--max-runs", "--no-clear"):
        assert flag in p.stdout


def test_a_module_the_spell_loads_is_watched_in_any_language(tmp_path):
    """A save of a module (here JavaScript, in a subfolder, of a Lua spell)
    runs the spell again; a module that is missing is picked up when it
    appears; an unrelated file is not a reason to run."""
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "words.js").write_text("export const shout = (s) => s.toUpperCase();\n")
    (tmp_path / "s.lua").write_text('print(require("lib.words").shout("one"))\nprint(require("extra").n)\n')
    w = Watch(tmp_path, "--max-runs", "4", "s.lua")
    first = w.next_summary()
    assert "module 'extra' not found" in "\n".join(first) and first[-1].startswith("── runtime error")
    w.wait_watching()
    (tmp_path / "extra.tengo").write_text("export {n: 7}\n")         # the missing module appears
    assert w.next_summary()[-1].startswith("── ok")
    (tmp_path / "notes.txt").write_text("not a module\n")            # no run for this one
    (tmp_path / "lib" / "words.js").write_text("export const shout = (s) => s.toUpperCase() + '!';\n")
    assert w.next_summary()[-1].startswith("── ok")
    (tmp_path / "extra.tengo").write_text("export {n: 8}\n")
    assert w.next_summary()[-1].startswith("── ok")
    assert w.finish() == "ONE\nONE\n7\nONE!\n7\nONE!\n8\n"
