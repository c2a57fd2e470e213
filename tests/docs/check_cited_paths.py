#!/usr/bin/env python3
"""Fails naming every repository path that a comment or a document cites but
the tree does not have, so renames and deletions cannot leave stale pointers.

  check_cited_paths.py ROOT

Read: comments of the sources under src/, include/, tests/, bench/, cmake/,
scripts/ and tools/ (// and /* */ in C, C++ and JavaScript, # in CMake, Python
and shell), and the whole text of README.md, DEVELOPERS.md, docs/*.md and the
Markdown files under those folders. A cited path is a word starting with one of the top-level folders
below and a slash (`src/...`, `docs/...md`); a relative Markdown link
`[text](target)` is resolved from its document's folder. A path exists if it is
in the tree, or is generated from a `.in` template beside it (version.h).
Paths with wildcards or placeholders (`*`, `{`, `<`, `...`, `X`-style names
in capitals) are not files and are skipped, and so are paths git ignores
(what scripts generate) and the MCP method names tools/list and tools/call.
Python 3 standard library and git.
"""
import os
import re
import subprocess
import sys

FOLDERS = ("src", "docs", "tests", "include", "cmake", "bench", "scripts", "tools", "bindings", "sprites")
SCANNED = ("src", "include", "tests", "bench", "cmake", "scripts", "tools")
SKIPPED_DIRS = {"data", "corpus", "node_modules", "__pycache__", "target"}
C_LIKE = (".c", ".h", ".cpp", ".hpp", ".cc", ".in", ".mjs", ".js", ".rs")
HASH_COMMENTS = (".cmake", ".py", ".sh", ".txt", ".map")
PATH = re.compile(r"(?<![\w./-])(?:" + "|".join(FOLDERS) + r")/[\w./*{}<>+-]*")
LINK = re.compile(r"\]\(([^)\s]+)\)")
NOT_PATHS = {"tools/list", "tools/call"}  # MCP method names


def comments(path, text):
    if path.endswith(C_LIKE):
        # Strings first, so "//" inside a string literal does not start a comment.
        pattern = re.compile(r'"(?:\\.|[^"\\\n])*"|//[^\n]*|/\*.*?\*/', re.S)
        return [(m.start(), m.group()) for m in pattern.finditer(text) if not m.group().startswith('"')]
    if path.endswith(HASH_COMMENTS):
        return [(m.start(), m.group()) for m in re.finditer(r"#[^\n]*", text)]
    return []


def cleaned(cited):
    cited = re.sub(r":\d+$", "", cited.rstrip(".,;:)'`\""))
    return cited.rstrip(".,;:")


def placeholder(cited):
    return any(mark in cited for mark in ("*", "{", "<", "...")) or re.search(r"/[A-Z]+(\.|$)", cited)


def exists(root, relative):
    full = os.path.normpath(os.path.join(root, relative))
    if os.path.exists(full) or os.path.exists(full + ".in"):
        return True
    # What a script generates into an ignored folder (bench/peer/node_modules).
    for candidate in (relative, relative.rstrip("/") + "/"):
        ignored = subprocess.run(["git", "-C", root, "check-ignore", "-q", "--no-index", candidate], capture_output=True)
        if ignored.returncode == 0:
            return True
    return False


def sources(root):
    for top in SCANNED:
        for folder, dirs, files in os.walk(os.path.join(root, top)):
            dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS)
            for name in sorted(files):
                yield os.path.relpath(os.path.join(folder, name), root)


def documents(root):
    names = ["README.md", "DEVELOPERS.md"]
    names += sorted("docs/" + n for n in os.listdir(os.path.join(root, "docs")) if n.endswith(".md"))
    return [n for n in names if os.path.isfile(os.path.join(root, n))]


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "."
    missing = []

    def check(name, text, offset, cited, base=None):
        line = text.count("\n", 0, offset) + 1
        if placeholder(cited) or cited in NOT_PATHS:
            return
        relative = os.path.join(base, cited) if base else cited
        if not exists(root, relative):
            missing.append(f"{name}:{line}: cites {cited}, which is not in the repository")

    files = [(n, "source") for n in sources(root)] + [(n, "document") for n in documents(root)]
    for name, role in files:
        try:
            with open(os.path.join(root, name), encoding="utf-8") as f:
                text = f.read()
        except UnicodeDecodeError:
            continue  # binary data
        if name.endswith(".md"):
            for m in PATH.finditer(text):
                check(name, text, m.start(), cleaned(m.group()))
            for m in LINK.finditer(text):
                target = m.group(1).split("#")[0]
                if target and not re.match(r"^[a-z]+:", target):
                    check(name, text, m.start(), target, os.path.dirname(name))
            continue
        for start, comment in comments(name, text):
            for m in PATH.finditer(comment):
                check(name, text, start + m.start(), cleaned(m.group()))

    for problem in missing:
        print(problem)
    if missing:
        print(f"{len(missing)} cited path(s) missing: fix the reference or restore the file")
        return 1
    print(f"every cited path exists ({len(files)} files read)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
