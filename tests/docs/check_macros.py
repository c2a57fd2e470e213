#!/usr/bin/env python3
"""Fails naming every preprocessor macro of ours that the code tests or CMake
defines but DEVELOPERS.md's "Macros" section does not name, and every feature
switch not spelled PIXABOTS_WITH_<FEATURE>, so the scheme stays one scheme.

  check_macros.py ROOT

Macros read: PIXABOTS_* and PXB_* in #if / #ifdef / #ifndef / #elif lines of
src/, include/, tests/ and bench/ (include guards, names ending in _H or _HPP,
excepted), and in target_compile_definitions / add_compile_definitions of
every CMakeLists.txt and *.cmake outside build folders. A feature switch is a
definition with a value of 0 or 1 (PIXABOTS_REMOTE=1): features are defined or
not, never set to 0 or 1. Python 3 standard library only.
"""
import os
import re
import sys

SOURCES = ("src", "include", "tests", "bench")
MACRO = re.compile(r"\b((?:PIXABOTS|PXB)_[A-Z0-9_]+)\b")
CONDITIONAL = re.compile(r"^\s*#\s*(?:if|ifdef|ifndef|elif)\b(.*)$", re.M)
DEFINITIONS = re.compile(r"(?:target_compile_definitions|add_compile_definitions)\s*\(([^)]*)\)", re.S)
SKIPPED_DIRS = {"data", "corpus", "node_modules", "target", "__pycache__"}


def files(root, tops, suffixes):
    for top in tops:
        for folder, dirs, names in os.walk(os.path.join(root, top)):
            dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS and not d.startswith("build"))
            for name in sorted(names):
                if name.endswith(suffixes) or name in suffixes:
                    yield os.path.relpath(os.path.join(folder, name), root)


def documented(root):
    with open(os.path.join(root, "DEVELOPERS.md"), encoding="utf-8") as f:
        text = f.read()
    m = re.search(r"^## Macros\n(.*?)(?=^## |\Z)", text, re.S | re.M)
    if not m:
        return None
    return set(MACRO.findall(m.group(1)))


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "."
    names = documented(root)
    if names is None:
        print('DEVELOPERS.md has no "## Macros" section')
        return 1
    used = {}  # macro -> first place
    problems = []
    for name in files(root, SOURCES, (".c", ".h", ".cpp", ".hpp")):
        with open(os.path.join(root, name), encoding="utf-8") as f:
            text = f.read()
        for m in CONDITIONAL.finditer(text):
            line = text.count("\n", 0, m.start()) + 1
            for macro in MACRO.findall(m.group(1)):
                if not macro.endswith(("_H", "_HPP")):
                    used.setdefault(macro, f"{name}:{line}")
    cmake = [n for n in files(root, ["."], ("CMakeLists.txt", ".cmake")) if "node_modules" not in n]
    for name in cmake:
        with open(os.path.join(root, name), encoding="utf-8") as f:
            text = f.read()
        for m in DEFINITIONS.finditer(text):
            line = text.count("\n", 0, m.start()) + 1
            for item in re.findall(r"\b((?:PIXABOTS|PXB)_[A-Z0-9_]+)(=[^\s)]*)?", m.group(1)):
                macro, value = item
                used.setdefault(macro, f"{name}:{line}")
                if value in ("=0", "=1"):
                    problems.append(f"{name}:{line}: {macro}{value} is a switch set to a value: a feature is "
                                    f"PIXABOTS_WITH_<FEATURE>, defined or not")
    for macro, where in sorted(used.items(), key=lambda item: item[1]):
        if macro not in names:
            problems.append(f"{where}: {macro} is not named in DEVELOPERS.md \"Macros\"")
    for problem in problems:
        print(problem)
    if problems:
        return 1
    print(f"{len(used)} macros, each named in DEVELOPERS.md \"Macros\"")
    return 0


if __name__ == "__main__":
    sys.exit(main())
