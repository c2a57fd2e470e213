"""A minimal PEP 517 / PEP 660 build backend for this package, standard
library only, so that installing needs no setuptools or wheel:

    python3 -m pip install --no-index bindings/python

It builds a wheel of the pixabots/ directory, an sdist, and an editable wheel
(a .pth file pointing at this directory). The wheel is py3-none-any, for a
libpixabots installed on the system, unless it is given a library to carry:

    python3 bindings/python/build_backend.py --library LIB OUT_DIR
    python3 -m pip wheel --no-index -C library=LIB -w OUT_DIR bindings/python

LIB is a Linux libpixabots.so.1 (the build tree's bundle/libpixabots.so.1 needs
only glibc, see cmake/Bundle.cmake); it goes into the wheel next to
pixabots/_native.py, which loads it from there. The wheel's platform tag is
read from the library itself: manylinux_2_N_ARCH when it needs nothing but
glibc, N being the newest glibc symbol version it uses, else linux_ARCH."""

import base64
import hashlib
import io
import os
import re
import struct
import sys
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent
PACKAGE = "pixabots"
SUMMARY = "Pixel-art robot avatars from 4-character IDs (ctypes binding of libpixabots)"
REQUIRES_PYTHON = ">=3.7"
# The name pixabots/_native.py loads from its own folder first.
BUNDLED_LIBRARY = "libpixabots.so.1"


def _version():
    text = (ROOT / PACKAGE / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'^__version__ = "([^"]+)"', text, re.M).group(1)


def _metadata():
    readme = ROOT / "README.md"
    lines = [
        "Metadata-Version: 2.1",
        f"Name: {PACKAGE}",
        f"Version: {_version()}",
        f"Summary: {SUMMARY}",
        "License: MIT",
        f"Requires-Python: {REQUIRES_PYTHON}",
        "Classifier: Programming Language :: Python :: 3",
        "Classifier: License :: OSI Approved :: MIT License",
        "Description-Content-Type: text/markdown",
        "",
        readme.read_text(encoding="utf-8") if readme.exists() else "",
    ]
    return "\n".join(lines)


def _sources():
    """The package's files, as (path in the archive, bytes), sorted."""
    files = []
    for path in sorted((ROOT / PACKAGE).rglob("*.py")):
        files.append((path.relative_to(ROOT).as_posix(), path.read_bytes()))
    return files


def _record_hash(data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode("ascii")
    return f"sha256={digest}"


def _write_wheel(wheel_directory, files, tag="py3-none-any", executable=()):
    """Writes the wheel of `files`; paths in `executable` get mode 0755."""
    name = f"{PACKAGE}-{_version()}"
    dist_info = f"{name}.dist-info"
    purelib = "true" if tag.endswith("-any") else "false"
    files = list(files) + [
        (f"{dist_info}/METADATA", _metadata().encode("utf-8")),
        (f"{dist_info}/WHEEL",
         (f"Wheel-Version: 1.0\nGenerator: pixabots build_backend\nRoot-Is-Purelib: {purelib}\n"
          f"Tag: {tag}\n").encode("ascii")),
    ]
    record = "".join(f"{path},{_record_hash(data)},{len(data)}\n" for path, data in files)
    record += f"{dist_info}/RECORD,,\n"
    filename = f"{name}-{tag}.whl"
    with zipfile.ZipFile(os.path.join(wheel_directory, filename), "w", zipfile.ZIP_DEFLATED) as wheel:
        for path, data in files:
            info = zipfile.ZipInfo(path, date_time=(2020, 1, 1, 0, 0, 0))
            info.external_attr = (0o755 if path in executable else 0o644) << 16
            wheel.writestr(info, data)
        wheel.writestr(zipfile.ZipInfo(f"{dist_info}/RECORD", date_time=(2020, 1, 1, 0, 0, 0)), record)
    return filename


# ---- the bundled library

# ELF e_machine values and the architecture names wheel tags use.
_MACHINES = {3: "i686", 62: "x86_64", 183: "aarch64"}
# The libraries glibc itself provides: a library needing only these runs on
# any Linux with a new enough glibc (PEP 600).
_GLIBC_LIBRARIES = {"libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1",
                    "libresolv.so.2", "libutil.so.1", "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1",
                    "ld-linux.so.2"}
_SHT_DYNAMIC, _SHT_GNU_VERNEED = 6, 0x6FFFFFFE
_DT_NEEDED, _DT_SONAME = 1, 14


class LibraryError(ValueError):
    """A library that cannot go into the wheel: the message says why."""


def elf_dependencies(data, what="the library"):
    """(architecture, soname, NEEDED libraries, {library: [version names]}) of
    an ELF shared library, read from its section headers."""
    if data[:4] != b"\x7fELF" or data[4] not in (1, 2) or data[5] not in (1, 2):
        raise LibraryError(f"{what} is not an ELF shared library: the wheel can carry a Linux "
                           f"{BUNDLED_LIBRARY} only")
    try:
        return _elf_dependencies(data, what)
    except (struct.error, IndexError, ValueError) as error:
        if isinstance(error, LibraryError):
            raise
        raise LibraryError(f"{what} is a truncated or malformed ELF file ({error})") from None


def _elf_dependencies(data, what):
    bits64, order = data[4] == 2, "<" if data[5] == 1 else ">"
    machine = struct.unpack_from(order + "H", data, 18)[0]
    if machine not in _MACHINES:
        raise LibraryError(f"{what} is for ELF machine {machine}; the wheel knows {sorted(_MACHINES.values())}")
    if bits64:
        shoff, = struct.unpack_from(order + "Q", data, 40)
        shentsize, shnum = struct.unpack_from(order + "HH", data, 58)
        header = order + "IIQQQQIIQQ"
    else:
        shoff, = struct.unpack_from(order + "I", data, 32)
        shentsize, shnum = struct.unpack_from(order + "HH", data, 46)
        header = order + "IIIIIIIIII"
    # (type, offset, size, link) of every section
    sections = []
    for index in range(shnum):
        _, kind, _, _, offset, size, link, _, _, _ = struct.unpack_from(header, data, shoff + index * shentsize)
        sections.append((kind, offset, size, link))

    def string(section, at):
        start = sections[section][1] + at
        return data[start:data.index(b"\0", start)].decode("utf-8", "replace")

    soname, needed, versions = None, [], {}
    for kind, offset, size, link in sections:
        if kind == _SHT_DYNAMIC:
            entry = order + ("qQ" if bits64 else "iI")
            for at in range(offset, offset + size, struct.calcsize(entry)):
                tag, value = struct.unpack_from(entry, data, at)
                if tag == _DT_NEEDED:
                    needed.append(string(link, value))
                elif tag == _DT_SONAME:
                    soname = string(link, value)
        elif kind == _SHT_GNU_VERNEED:
            at = offset
            while True:  # Elf_Verneed entries, each with its Elf_Vernaux list
                _, count, file, aux, following = struct.unpack_from(order + "HHIII", data, at)
                names = versions.setdefault(string(link, file), [])
                entry = at + aux
                for _ in range(count):
                    _, _, _, name, step = struct.unpack_from(order + "IHHII", data, entry)
                    names.append(string(link, name))
                    entry += step
                if not following:
                    break
                at += following
    return _MACHINES[machine], soname, needed, versions


def platform_tag(data, what="the library"):
    """The wheel platform tag the library earns: manylinux_2_N_ARCH when it needs
    glibc alone (N: its newest GLIBC_2.N symbol version), else linux_ARCH."""
    arch, soname, needed, versions = elf_dependencies(data, what)
    if soname != BUNDLED_LIBRARY:
        raise LibraryError(f"{what} has the soname {soname!r}; the binding loads {BUNDLED_LIBRARY!r}")
    names = [name for names in versions.values() for name in names]
    glibc = [re.fullmatch(r"GLIBC_2\.(\d+)(\.\d+)?", name) for name in names]
    if set(needed) <= _GLIBC_LIBRARIES and all(glibc):
        # 17: manylinux2014's floor, for a library needing no versioned symbol
        return f"manylinux_2_{max((int(match[1]) for match in glibc), default=17)}_{arch}"
    return f"linux_{arch}"


def build_platform_wheel(wheel_directory, library):
    """The wheel carrying `library` as pixabots/libpixabots.so.1."""
    path = Path(library)
    if not path.is_file():
        raise LibraryError(f"the library to bundle, {library}, is not a file: build it with "
                           "`cmake --build BUILD --target pixabots_bundle` (BUILD/bundle/libpixabots.so.1)")
    data = path.read_bytes()
    tag = platform_tag(data, str(library))
    inside = f"{PACKAGE}/{BUNDLED_LIBRARY}"
    return _write_wheel(wheel_directory, _sources() + [(inside, data)], f"py3-none-{tag}", executable={inside})


# ---- PEP 517


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    library = (config_settings or {}).get("library")
    if library:
        return build_platform_wheel(wheel_directory, library)
    return _write_wheel(wheel_directory, _sources())


def build_sdist(sdist_directory, config_settings=None):
    name = f"{PACKAGE}-{_version()}"
    filename = f"{name}.tar.gz"
    members = [(path, data) for path, data in _sources()]
    for extra in ("pyproject.toml", "build_backend.py", "README.md"):
        if (ROOT / extra).exists():
            members.append((extra, (ROOT / extra).read_bytes()))
    members.append(("PKG-INFO", _metadata().encode("utf-8")))
    with tarfile.open(os.path.join(sdist_directory, filename), "w:gz", format=tarfile.PAX_FORMAT) as sdist:
        for path, data in members:
            info = tarfile.TarInfo(f"{name}/{path}")
            info.size = len(data)
            info.mode = 0o644
            sdist.addfile(info, io.BytesIO(data))
    return filename


# ---- PEP 660 (pip install -e)


def get_requires_for_build_editable(config_settings=None):
    return []


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    return _write_wheel(wheel_directory, [(f"__editable__.{PACKAGE}.pth", f"{ROOT}\n".encode("utf-8"))])


# ---- python3 build_backend.py --library LIB OUT_DIR


def main(argv):
    import argparse

    parser = argparse.ArgumentParser(description="Builds the pixabots wheel carrying a libpixabots.so.1.")
    parser.add_argument("--library", required=True, help="the libpixabots.so.1 to carry (BUILD/bundle/...)")
    parser.add_argument("out_dir", help="where the wheel goes (made if missing)")
    args = parser.parse_args(argv)
    os.makedirs(args.out_dir, exist_ok=True)
    try:
        name = build_platform_wheel(args.out_dir, args.library)
    except LibraryError as error:
        parser.exit(1, f"build_backend.py: {error}\n")
    print(os.path.join(args.out_dir, name))


if __name__ == "__main__":
    main(sys.argv[1:])
