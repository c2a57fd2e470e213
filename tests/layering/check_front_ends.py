#!/usr/bin/env python3
"""Fails when a front end reaches around the library's front door.

  check_front_ends.py ROOT calls|includes|sources

The front ends are src/cli, src/server, src/mcp and src/generate (issue 14:
they call the core's request layer or the public API).

calls     no `capi::` and no `core::detail` in any of their files: the C ABI's
          adaptor and the core's insides are not theirs to call.
includes  every quoted #include names a public header (include/pixabots/...),
          the file's own front end, src/io (the output-file writer the library
          compiles for them), or a library the front end links and hosts
          (below); not the library's private src/ headers (draw/, text/,
          render/, codecs/, capi/, ...). Third-party headers use <...>.
sources   no front end's CMake files compile another front end's sources, or
          any file outside its folder: each links the others as libraries.

Python 3 standard library only.
"""
import os
import re
import sys

FRONT_ENDS = ("cli", "server", "mcp", "generate")

# Libraries of their own a front end links, whose headers it may include:
# `pixabots` hosts serve (pixabots_server), mcp (pixabots_mcp), generate's
# local kinds, and remote generation (libpixabots_remote, pixabots_generator);
# MCP checks tool arguments with the JSON-Schema validator (pixabots_jsonschema)
# and its remote tools use libpixabots_remote.
HOSTED = {
    "cli": ("server", "mcp", "generate", "remote"),
    "server": (),
    "mcp": ("jsonschema", "remote"),
    "generate": (),
}
SHARED = ("pixabots", "io")  # include/pixabots/..., src/io

FORBIDDEN_CALLS = re.compile(r"capi::|core::detail")
QUOTED_INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
SOURCE_SUFFIXES = (".cpp", ".hpp", ".h", ".c", ".cc", ".inc")


def files_of(root, front_end):
    base = os.path.join(root, "src", front_end)
    for parent, _, names in os.walk(base):
        for name in sorted(names):
            yield os.path.join(parent, name)


def read(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()


def line_of(text, offset):
    return text.count("\n", 0, offset) + 1


def check_calls(root):
    problems = []
    for front_end in FRONT_ENDS:
        for path in files_of(root, front_end):
            text = read(path)
            for m in FORBIDDEN_CALLS.finditer(text):
                problems.append(f"{os.path.relpath(path, root)}:{line_of(text, m.start())}: uses {m.group(0)}")
    return problems


def check_includes(root):
    problems = []
    for front_end in FRONT_ENDS:
        allowed = (front_end,) + SHARED + HOSTED[front_end]
        for path in files_of(root, front_end):
            if not path.endswith(SOURCE_SUFFIXES):
                continue
            text = read(path)
            for m in QUOTED_INCLUDE.finditer(text):
                header = m.group(1)
                first = header.split("/", 1)[0]
                here = os.path.join(os.path.dirname(path), header)
                if "/" not in header and os.path.exists(here):
                    continue  # a file beside it (a generated or local header)
                if first not in allowed:
                    problems.append(
                        f"{os.path.relpath(path, root)}:{line_of(text, m.start())}: includes \"{header}\", "
                        f"not a public header (pixabots/...), src/{front_end} or a library src/{front_end} links "
                        f"({', '.join(SHARED[1:] + HOSTED[front_end]) or 'none'})")
    return problems


# A source path in a CMake file: a word ending in a C/C++ suffix.
CMAKE_SOURCE = re.compile(r"[\w${}./-]+\.(?:cpp|cc|c)\b")


def check_sources(root):
    problems = []
    for front_end in FRONT_ENDS:
        folder = os.path.join(root, "src", front_end)
        for path in files_of(root, front_end):
            if not (path.endswith(".cmake") or os.path.basename(path) == "CMakeLists.txt"):
                continue
            text = read(path)
            text = re.sub(r"#[^\n]*", "", text)  # comments name files without compiling them
            for m in CMAKE_SOURCE.finditer(text):
                source = m.group(0)
                resolved = source.replace("${PROJECT_SOURCE_DIR}", root).replace("${CMAKE_SOURCE_DIR}", root)
                resolved = resolved.replace("${CMAKE_CURRENT_SOURCE_DIR}", os.path.dirname(path))
                # Generated from the folder's own files (the server's OpenAPI document).
                resolved = resolved.replace("${CMAKE_CURRENT_BINARY_DIR}", os.path.dirname(path))
                if "${" in resolved:
                    problems.append(f"{os.path.relpath(path, root)}: cannot tell where {source} is; "
                                    "name front-end sources relative to their folder")
                    continue
                if not os.path.isabs(resolved):
                    resolved = os.path.join(os.path.dirname(path), resolved)
                resolved = os.path.normpath(resolved)
                if os.path.commonpath([resolved, folder]) != folder:
                    problems.append(f"{os.path.relpath(path, root)}:{line_of(text, m.start())}: compiles "
                                    f"{os.path.relpath(resolved, root)}, outside src/{front_end}")
    return problems


CHECKS = {"calls": check_calls, "includes": check_includes, "sources": check_sources}


def main(argv):
    if len(argv) != 3 or argv[2] not in CHECKS:
        print(__doc__, file=sys.stderr)
        return 2
    root = os.path.abspath(argv[1])
    problems = CHECKS[argv[2]](root)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} front-end boundary problem(s) ({argv[2]})")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
