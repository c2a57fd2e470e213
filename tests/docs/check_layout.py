#!/usr/bin/env python3
"""Fails when the layout tables disagree with the tree: a folder the tree has
that a table does not mention, or an entry a table lists that is not there.

  check_layout.py ROOT

Tables: the fenced block under DEVELOPERS.md's "## Layout" (an entry is the
first word of a line that does not start with a space) and the table under
README.md's "## Layout" (entries are the backticked paths of the first column).
Folders: the top-level ones (not hidden, not ignored by git, not build output)
and, for DEVELOPERS.md, those directly under src/, tests/ and bench/; README's
overview covers the top level and src/. A folder is mentioned when the table
names it or a path under it anywhere (`bench/server` in bench/'s description
counts). Python 3 standard library and git.
"""
import os
import re
import subprocess
import sys

DEEP = ("src", "tests", "bench")


def ignored(root, relative):
    result = subprocess.run(["git", "-C", root, "check-ignore", "-q", relative + "/"], capture_output=True)
    return result.returncode == 0


def folders(root, parent=""):
    base = os.path.join(root, parent)
    names = sorted(n for n in os.listdir(base) if os.path.isdir(os.path.join(base, n)) and not n.startswith("."))
    return [os.path.join(parent, n) for n in names if not ignored(root, os.path.join(parent, n))]


def section(text, title):
    m = re.search(r"^## " + re.escape(title) + r"\n(.*?)(?=^## |\Z)", text, re.S | re.M)
    return m.group(1) if m else None


def developers_table(root):
    with open(os.path.join(root, "DEVELOPERS.md"), encoding="utf-8") as f:
        body = section(f.read(), "Layout")
    block = re.search(r"```[^\n]*\n(.*?)```", body or "", re.S)
    if not block:
        return None, None
    text = block.group(1)
    entries = [line.split()[0] for line in text.split("\n") if line and not line[0].isspace()]
    return entries, text


def readme_table(root):
    with open(os.path.join(root, "README.md"), encoding="utf-8") as f:
        body = section(f.read(), "Layout")
    if body is None:
        return None, None
    rows = [line for line in body.split("\n") if line.startswith("|") and not re.match(r"^\|[\s|:-]*$", line)]
    entries = []
    for row in rows[1:]:  # the header row names the columns
        entries += re.findall(r"`([^`]+)`", row.split("|")[1])
    return entries, "\n".join(rows)


def compare(root, name, entries, text, wanted):
    problems = []
    for entry in entries:
        path = entry.rstrip("/")
        if not os.path.exists(os.path.join(root, path)):
            problems.append(f"{name}: lists {entry}, which is not in the tree")
    top = sorted({w.split("/")[0] for w in wanted})
    mentioned = set(e.rstrip("/") for e in entries)
    mentioned |= {m.rstrip("/.") for m in re.findall(r"(?<![\w./-])(?:" + "|".join(top) + r")/[\w./-]*", text)}
    for folder in wanted:
        if not any(m == folder or m.startswith(folder + "/") for m in mentioned):
            problems.append(f"{name}: does not mention {folder}/")
    return problems


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "."
    top = [f for f in folders(root) if not f.startswith(("build", "out"))]
    deep = [sub for parent in DEEP if parent in top for sub in folders(root, parent)]
    problems = []
    entries, text = developers_table(root)
    if entries is None:
        problems.append('DEVELOPERS.md: no fenced block under "## Layout"')
    else:
        problems += compare(root, "DEVELOPERS.md layout", entries, text, top + deep)
    entries, text = readme_table(root)
    if entries is not None:
        problems += compare(root, "README.md layout", entries, text, top + [d for d in deep if d.startswith("src/")])
    for problem in problems:
        print(problem)
    if problems:
        return 1
    print(f"layout tables match the tree ({len(top)} top-level folders, {len(deep)} under {', '.join(DEEP)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
