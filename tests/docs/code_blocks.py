#!/usr/bin/env python3
"""Compiles the C and C++ code blocks of README.md and docs/*.md, so an example
that stops compiling (or starts warning) fails a test naming its file and line.

  code_blocks.py list ROOT                 one "FILE LINE LANG" per block, for CMake
  code_blocks.py block ROOT FILE:LINE --compiler gcc|clang [--include DIR]... [--library LIB]...
  code_blocks.py source PATH --std c++17 --compiler gcc|clang [--include DIR]... [--library LIB]... [--run]

How a block is compiled (a block's kind is read from its text):
  - it defines main: a whole program, compiled and linked against the LIBs;
  - it defines other functions (a line at column 0 ending in `) {` or `)`
    followed by `{`): compiled only (-c);
  - otherwise it is statements: its #include lines stay at the top and the
    rest becomes the body of `int main(void)`, then it is compiled and linked.
An HTML comment on the line before the fence changes that:
  <!-- compile: skip (why) -->          not compiled; the test is reported skipped
  <!-- compile: given DECLARATIONS -->  DECLARATIONS come first in the body, for
                                        names the example uses without declaring
C blocks are C99, C++ blocks C++20; both with -Wall -Wextra -Werror -pedantic.
Python 3 standard library only.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

SKIPPED = 77  # ctest's SKIP_RETURN_CODE for this test
LANGUAGES = {"c": "c", "cpp": "c++", "c++": "c++", "cxx": "c++"}
FENCE = re.compile(r"^(\s*)(```+|~~~+)\s*([\w+#-]*)")
DIRECTIVE = re.compile(r"^\s*<!--\s*compile:\s*(skip|given)\b\s*(.*?)\s*-->\s*$")
STANDARDS = {"c": "-std=c99", "c++": "-std=c++20"}
FLAGS = ["-Wall", "-Wextra", "-Werror", "-pedantic"]


def documents(root):
    names = ["README.md"] + sorted("docs/" + n for n in os.listdir(os.path.join(root, "docs")) if n.endswith(".md"))
    return [n for n in names if os.path.isfile(os.path.join(root, n))]


def blocks(root, name):
    """(line of the opening fence, language, code, directive) of each C/C++ block."""
    with open(os.path.join(root, name), encoding="utf-8") as f:
        lines = f.read().split("\n")
    found = []
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        indent, fence, info = m.group(1), m.group(2), m.group(3).lower()
        end = i + 1
        while end < len(lines) and not lines[end].strip().startswith(fence):
            end += 1
        if info in LANGUAGES:
            previous = lines[i - 1] if i > 0 else ""
            d = DIRECTIVE.match(previous)
            code = "\n".join(line[len(indent):] if line.startswith(indent) else line for line in lines[i + 1:end])
            found.append((i + 1, LANGUAGES[info], code, (d.group(1), d.group(2)) if d else None))
        i = end + 1
    return found


FUNCTION_HEAD = re.compile(r"^[A-Za-z_][\w:<>,\s\*&]*\b[A-Za-z_]\w*\s*\([^;]*\)\s*(const\s*)?(noexcept\s*)?(\{.*)?$")
STATEMENT_KEYWORDS = re.compile(r"^(if|for|while|switch|do|else|return|case|default)\b")


def kind(code):
    """'program', 'definitions' or 'statements'."""
    if re.search(r"\bmain\s*\(", code):
        return "program"
    lines = code.split("\n")
    for i, line in enumerate(lines):
        if not line[:1].isalpha() and line[:1] != "_" or STATEMENT_KEYWORDS.match(line):
            continue
        m = FUNCTION_HEAD.match(line.rstrip())
        if not m:
            continue
        following = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if m.group(3) is not None or following.startswith("{"):
            return "definitions"
    return "statements"


def translation_unit(language, code, given):
    """The source to compile for a block, and whether to link it."""
    k = kind(code)
    if k != "statements":
        return code + "\n", k == "program"
    lines = code.split("\n")
    head = [line for line in lines if line.lstrip().startswith("#")]
    body = [line for line in lines if not line.lstrip().startswith("#")]
    signature = "int main(void)" if language == "c" else "int main()"
    parts = head + ["", signature + " {"]
    if given:
        parts.append("  " + given)
    parts += ["  " + line if line else line for line in body] + ["  return 0;", "}", ""]
    return "\n".join(parts), True


def compile_source(source, language, std, compiler, includes, libraries, run, label):
    driver = {("c", "gcc"): "gcc", ("c", "clang"): "clang", ("c++", "gcc"): "g++", ("c++", "clang"): "clang++"}
    cc = driver[(language, compiler)]
    suffix = ".c" if language == "c" else ".cpp"
    with tempfile.TemporaryDirectory() as work:
        path = os.path.join(work, "block" + suffix)
        with open(path, "w", encoding="utf-8") as f:
            f.write(source)
        command = [cc, std] + FLAGS + ["-I" + d for d in includes] + [path]
        link = bool(libraries)
        if link:
            out = os.path.join(work, "program")
            command += ["-o", out] + libraries
            command += ["-Wl,-rpath," + os.path.dirname(os.path.abspath(lib)) for lib in libraries]
        else:
            command += ["-c", "-o", os.path.join(work, "block.o")]
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            numbered = "\n".join(f"{n:4} | {line}" for n, line in enumerate(source.split("\n"), 1))
            sys.stderr.write(f"{label}: does not {'build' if link else 'compile'} with {cc} {std} {' '.join(FLAGS)}\n"
                             f"{result.stderr}\nas compiled:\n{numbered}\n")
            return 1
        if run:
            result = subprocess.run([out], capture_output=True, text=True)
            if result.returncode != 0:
                sys.stderr.write(f"{label}: exited with {result.returncode}\n{result.stdout}{result.stderr}\n")
                return 1
    print(f"{label}: ok ({cc} {std}{', linked' if link else ', compiled only'})")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    listing = sub.add_parser("list")
    listing.add_argument("root")
    for name in ("block", "source"):
        p = sub.add_parser(name)
        p.add_argument("root" if name == "block" else "path")
        if name == "block":
            p.add_argument("where", help="FILE:LINE of the opening fence, FILE relative to ROOT")
        else:
            p.add_argument("--std", required=True, help="e.g. c++17")
            p.add_argument("--run", action="store_true", help="run the program; it must exit 0")
        p.add_argument("--compiler", choices=["gcc", "clang"], required=True)
        p.add_argument("--include", action="append", default=[])
        p.add_argument("--library", action="append", default=[], help="a library to link whole programs against")
    args = parser.parse_args()

    if args.command == "list":
        for name in documents(args.root):
            for line, language, _, _ in blocks(args.root, name):
                print(name, line, language)
        return 0

    if args.command == "source":
        language = "c" if args.path.endswith(".c") else "c++"
        with open(args.path, encoding="utf-8") as f:
            source = f.read()
        label = f"{os.path.basename(args.path)} as {args.std}"
        return compile_source(source, language, "-std=" + args.std, args.compiler, args.include, args.library,
                              args.run, label)

    name, _, line = args.where.rpartition(":")
    matches = [b for b in blocks(args.root, name) if str(b[0]) == line]
    if not matches:
        sys.stderr.write(f"{args.where}: no c or cpp code block opens on this line any more; re-run cmake "
                         "to list the blocks again\n")
        return 1
    _, language, code, directive = matches[0]
    if directive and directive[0] == "skip":
        print(f"{args.where}: skipped: {directive[1] or '(no reason given)'}")
        return SKIPPED
    given = directive[1] if directive and directive[0] == "given" else ""
    source, link = translation_unit(language, code, given)
    return compile_source(source, language, STANDARDS[language], args.compiler, args.include,
                          args.library if link else [], False, args.where)


if __name__ == "__main__":
    sys.exit(main())
