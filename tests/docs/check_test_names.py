#!/usr/bin/env python3
"""Fails naming file:line of every Catch2 test case under tests/ whose name
catch_discover_tests (Catch2 v2's CatchAddTests.cmake) cannot hand back to
Catch, so that ctest would run another test, every other test or none at all,
and a test that runs nothing passes.

  check_test_names.py ROOT

What breaks, found by experiment with Catch2 2.13 and CMake 3.25:
  ;          the name is cut into list items: the pieces match nothing, pass
  [ ] unbalanced  CMake's list splitting counts brackets, so the next test
             names (a lone ] swallows all of them) join this one and match nothing
  \\          Catch reads it as an escape and matches another name or none
  ]==]       ends the bracket argument of the generated add_test
  ~ - " exclude: at the start  a negation, an option or a quoted spec
  * at the start or end        a wildcard, so other tests run under this name
Commas and balanced brackets are escaped by CatchAddTests.cmake and are fine.
Names are read from TEST_CASE, TEST_CASE_METHOD, SCENARIO and their
template forms; SECTION names never reach ctest. Python 3 standard library
only.
"""
import os
import re
import sys

MACRO = re.compile(r"\b(TEST_CASE_METHOD|TEMPLATE_TEST_CASE(?:_SIG)?|TEMPLATE_PRODUCT_TEST_CASE(?:_SIG)?"
                   r"|TEMPLATE_LIST_TEST_CASE|TEST_CASE|SCENARIO)\s*\(")
LITERAL = re.compile(r'\s*(?:u8|u|U|L)?"((?:[^"\\\n]|\\.)*)"', re.S)
ESCAPES = {"n": "\n", "t": "\t", "\\": "\\", '"': '"', "'": "'", "?": "?", "0": "\0"}


def unescape(body):
    return re.sub(r"\\(.)", lambda m: ESCAPES.get(m.group(1), "\\" + m.group(1)), body)


def names(text):
    """Yields (offset, name) for each test case macro whose name is a literal."""
    for m in MACRO.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if text[line_start:m.start()].lstrip().startswith(("//", "#")):
            continue
        pos = m.end()
        if m.group(1) == "TEST_CASE_METHOD":  # the fixture comes first
            comma = text.find(",", pos)
            if comma < 0:
                continue
            pos = comma + 1
        parts = []
        while (lit := LITERAL.match(text, pos)) is not None:  # "a" "b" is one name
            parts.append(unescape(lit.group(1)))
            pos = lit.end()
        if parts:
            name = "".join(parts)
            yield m.start(), ("Scenario: " + name) if m.group(1) == "SCENARIO" else name


def problems_of(name):
    found = []
    if ";" in name:
        found.append("';' cuts it into pieces that match no test")
    if name.count("[") != name.count("]"):
        found.append("unbalanced '[' ']' join the next tests' names to it")
    if "\\" in name:
        found.append("Catch reads '\\' as an escape")
    if "]==]" in name:
        found.append("']==]' ends the generated add_test's bracket argument")
    for lead in ("~", "-", '"', "exclude:"):
        if name.startswith(lead):
            found.append(f"a leading {lead!r} is a negation, an option or a quote")
    if name.startswith("*") or name.endswith("*"):
        found.append("a leading or trailing '*' is a wildcard")
    return found


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "."
    count = 0
    failures = []
    for folder, dirs, files in os.walk(os.path.join(root, "tests")):
        dirs[:] = sorted(dirs)
        for file in sorted(files):
            if not file.endswith((".cpp", ".hpp")):
                continue
            path = os.path.join(folder, file)
            with open(path, encoding="utf-8") as f:
                text = f.read()
            for offset, name in names(text):
                count += 1
                for problem in problems_of(name):
                    line = text.count("\n", 0, offset) + 1
                    failures.append(f"{os.path.relpath(path, root)}:{line}: {name!r}: {problem}")
    for failure in failures:
        print(failure)
    if failures:
        print("Rename them: catch_discover_tests hands ctest a name that runs another test or none, "
              "and a test that runs nothing passes.")
        return 1
    if count == 0:
        print("no test cases found under tests/: the checker is out of date")
        return 1
    print(f"{count} test case names, each one ctest can run")
    return 0


if __name__ == "__main__":
    sys.exit(main())
