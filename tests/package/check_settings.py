#!/usr/bin/env python3
"""package_settings_example: the example settings the package installs as
/etc/default/pixabots (packaging/debian/pixabots.default) name every setting of
`pixabots serve` (the table in src/server/config.cpp, whose keys become
PIXABOTS_<KEY> variables) once, and nothing else.

  check_settings.py CONFIG_CPP DEFAULT_FILE
"""
import re
import sys


def main():
    config, example = sys.argv[1], sys.argv[2]
    with open(config, encoding="utf-8") as f:
        table = re.search(r"settings\(\) \{(.*?)\};", f.read(), re.S)
    if not table:
        print(f"{config}: no settings() table found")
        return 1
    keys = re.findall(r'\{"([a-z-]+)", "', table.group(1))
    wanted = ["PIXABOTS_" + k.upper().replace("-", "_") for k in keys]
    with open(example, encoding="utf-8") as f:
        named = re.findall(r"^#?(PIXABOTS_[A-Z_]+)=", f.read(), re.M)
    problems = [f"{example}: does not name {v}" for v in wanted if v not in named]
    problems += [f"{example}: names {v}, which is no setting of pixabots serve" for v in named if v not in wanted]
    problems += [f"{example}: names {v} {named.count(v)} times" for v in sorted(set(named)) if named.count(v) > 1]
    for p in problems:
        print(p)
    if problems:
        return 1
    print(f"check_settings: the example names all {len(wanted)} settings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
