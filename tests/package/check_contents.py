#!/usr/bin/env python3
"""package_contents: what each Debian package holds and declares.

  check_contents.py DEBS_DIR BUILD_DIR PACKAGE...

PACKAGEs are the packages this build makes (cmake/Package.cmake), exactly.

- Each package holds only its kind of file: the runtime library packages
  their shared library and nothing else (libpixabots-remote1 only
  libpixabots_remote.so.1*, no renderer), the -dev packages headers, the .so
  link, the static library and CMake/pkg-config files and no ELF file, the
  tool package the two programs and their service, man pages and completions
  and no library or header. Every package has its copyright, changelogs and
  lintian overrides; every file is root's, executables 0755, the rest 0644.
- Together they hold everything `cmake --install` installs (its LICENSE files
  aside: the copyright files carry them), so an install rule without a
  packaged component cannot go unnoticed, and nothing more but Debian's files.
- Control fields: one version and architecture, Source pixabots; the -dev
  packages depend on their library at exactly that version; dpkg-shlibdeps
  found the libraries' dependencies (libpng, zlib; libcurl for remote and the
  tool); shlibs files name the packages; the settings file is a conffile.
Python 3 standard library, dpkg-deb and cmake.
"""
import io
import os
import re
import subprocess
import sys
import tarfile
import tempfile

DOCS = ("copyright", "changelog.Debian.gz", "changelog.gz")
LIB = r"usr/lib/(?:[a-z0-9_-]+/)?"  # /usr/lib or its multiarch directory


def rules(major):
    """Per package: (patterns every file must match, files that must be there)."""
    return {
        f"libpixabots{major}": ([LIB + r"libpixabots\.so\.[0-9.]+"], [LIB + rf"libpixabots\.so\.{major}"]),
        "libpixabots-dev": (
            [r"usr/include/pixabots/(pixabots\.h|pixabots\.hpp|version\.h)", LIB + r"libpixabots\.(so|a)",
             LIB + r"cmake/pixabots/pixabots(Config|ConfigVersion|Targets(-[a-z]+)?)\.cmake",
             LIB + r"pkgconfig/pixabots\.pc"],
            ["usr/include/pixabots/pixabots.h", "usr/include/pixabots/pixabots.hpp", "usr/include/pixabots/version.h",
             LIB + r"libpixabots\.so", LIB + r"libpixabots\.a", LIB + r"cmake/pixabots/pixabotsConfig\.cmake",
             LIB + r"pkgconfig/pixabots\.pc"]),
        f"libpixabots-remote{major}": ([LIB + r"libpixabots_remote\.so\.[0-9.]+"],
                                       [LIB + rf"libpixabots_remote\.so\.{major}"]),
        "libpixabots-remote-dev": (
            [r"usr/include/pixabots/remote\.hp?p?", LIB + r"libpixabots_remote\.(so|a)",
             LIB + r"cmake/pixabots/pixabotsRemoteTargets(-[a-z]+)?\.cmake", LIB + r"pkgconfig/pixabots-remote\.pc"],
            ["usr/include/pixabots/remote.h", "usr/include/pixabots/remote.hpp", LIB + r"libpixabots_remote\.so",
             LIB + r"libpixabots_remote\.a", LIB + r"cmake/pixabots/pixabotsRemoteTargets\.cmake",
             LIB + r"pkgconfig/pixabots-remote\.pc"]),
        "pixabots": (
            ["usr/bin/pixabots", "usr/libexec/pixabots/pixabots-remote", "usr/lib/systemd/system/pixabots.service",
             r"usr/lib/sysusers\.d/pixabots\.conf", "etc/default/pixabots", r"usr/share/man/man1/pixabots[a-z-]*\.1\.gz",
             "usr/share/bash-completion/completions/pixabots", "usr/share/zsh/vendor-completions/_pixabots",
             r"usr/share/fish/vendor_completions\.d/pixabots\.fish"],
            ["usr/bin/pixabots", "usr/lib/systemd/system/pixabots.service",
             r"usr/lib/sysusers\.d/pixabots\.conf", "etc/default/pixabots", r"usr/share/man/man1/pixabots\.1\.gz",
             r"usr/share/man/man1/pixabots-serve\.1\.gz", "usr/share/bash-completion/completions/pixabots",
             "usr/share/zsh/vendor-completions/_pixabots", r"usr/share/fish/vendor_completions\.d/pixabots\.fish"]),
    }


def run(*args):
    return subprocess.run(args, check=True, capture_output=True).stdout


def members(deb):
    """(path without ./, TarInfo, first 20 bytes of a regular file)."""
    with tarfile.open(fileobj=io.BytesIO(run("dpkg-deb", "--fsys-tarfile", deb))) as tar:
        for m in tar.getmembers():
            if m.isdir():
                continue
            head = tar.extractfile(m).read(20) if m.isfile() else b""
            yield m.name[2:] if m.name.startswith("./") else m.name, m, head


def elf_kind(head):
    """'exec' or 'dyn' (e_type; PIE executables are dyn too), or None."""
    if head[:4] != b"\x7fELF":
        return None
    return {2: "exec", 3: "dyn"}.get(int.from_bytes(head[16:18], "little"), "other")


def check_package(deb, fields, major, problems):
    package = fields["Package"]
    patterns, required = rules(major)[package]
    own = [rf"usr/share/doc/{re.escape(package)}/({'|'.join(map(re.escape, DOCS))})",
           rf"usr/share/lintian/overrides/{re.escape(package)}"]
    files = {}
    for path, info, head in members(deb):
        files[path] = info
        if not any(re.fullmatch(p, path) for p in patterns + own):
            problems.append(f"{package}: holds {path}, which is not its kind of file")
        if info.uname != "root" or info.gname != "root":
            problems.append(f"{package}: {path} belongs to {info.uname}:{info.gname}, not root:root")
        kind = elf_kind(head)
        if info.isfile():
            wanted = 0o755 if path.startswith(("usr/bin/", "usr/libexec/")) else 0o644
            if info.mode & 0o7777 != wanted:
                problems.append(f"{package}: {path} has mode {info.mode & 0o7777:o}, not {wanted:o}")
        if package.endswith("-dev") and kind:
            problems.append(f"{package}: holds the ELF file {path}; a -dev package holds no binaries")
        if package == "pixabots" and path.startswith(("usr/bin/", "usr/libexec/")) and not kind:
            problems.append(f"{package}: {path} is not an ELF program")
        if re.fullmatch(LIB + r"lib.*\.so\.[0-9]+\.[0-9]+\.[0-9]+", path) and kind != "dyn":
            problems.append(f"{package}: {path} is not a shared object")
    for want in required + [rf"usr/share/doc/{re.escape(package)}/{re.escape(d)}" for d in DOCS]:
        if not any(re.fullmatch(want, p) for p in files):
            problems.append(f"{package}: has no {want}")
    return set(files)


def check_fields(all_fields, version, major, problems):
    arch = run("dpkg", "--print-architecture").decode().strip()
    by_name = {f["Package"]: f for f in all_fields}
    for f in all_fields:
        name = f["Package"]
        for key, want in (("Version", version), ("Architecture", arch), ("Source", "pixabots")):
            if f.get(key) != want:
                problems.append(f"{name}: {key} is {f.get(key)!r}, not {want!r}")

    def depends(name, *wanted):
        if name not in by_name:
            return  # a package this build does not make (remote generation off), or reported missing
        field = by_name[name].get("Depends", "")
        for want in wanted:
            if not re.search(want, field):
                problems.append(f"{name}: Depends {field!r} lacks {want}")

    exact = re.escape(f"(= {version})")
    depends(f"libpixabots{major}", r"libpng16-16 ", r"zlib1g ", r"libc6 ")
    depends("libpixabots-dev", rf"(^|, )libpixabots{major} {exact}", "libpng-dev", "zlib1g-dev")
    depends(f"libpixabots-remote{major}", r"libcurl", r"libc6 ")
    depends("libpixabots-remote-dev", rf"(^|, )libpixabots-remote{major} {exact}",
            rf"(^|, )libpixabots-dev {exact}", r"libcurl4-openssl-dev \| libcurl-dev")
    depends("pixabots", r"systemd \| systemd-standalone-sysusers \| systemd-sysusers", r"libpng16-16 ")
    if f"libpixabots-remote{major}" in by_name:
        depends("pixabots", r"libcurl")  # its pixabots-remote helper


def control_file(deb, name):
    with tempfile.TemporaryDirectory() as d:
        subprocess.run(["dpkg-deb", "--control", deb, d], check=True)
        path = os.path.join(d, name)
        return open(path, encoding="utf-8").read() if os.path.exists(path) else None


def installed_files(build):
    """What `cmake --install` puts under a prefix, as paths under /usr."""
    with tempfile.TemporaryDirectory() as prefix:
        subprocess.run(["cmake", "--install", build, "--prefix", prefix], check=True, capture_output=True)
        found = set()
        for folder, _, names in os.walk(prefix):
            for n in names:
                found.add("usr/" + os.path.relpath(os.path.join(folder, n), prefix))
    return found


def main():
    debs_dir, build, expected = sys.argv[1], sys.argv[2], sys.argv[3:]
    cache = open(os.path.join(build, "CMakeCache.txt"), encoding="utf-8").read()
    project_version = re.search(r"^CMAKE_PROJECT_VERSION:STATIC=(.*)$", cache, re.M).group(1)
    major = project_version.split(".")[0]
    debs = sorted(os.path.join(debs_dir, n) for n in os.listdir(debs_dir) if n.endswith(".deb"))
    problems = []
    all_fields, packaged = [], set()
    for deb in debs:
        fields = dict(re.findall(r"^([A-Za-z-]+): (.*)$", run("dpkg-deb", "--field", deb).decode(), re.M))
        all_fields.append(fields)
        if fields["Package"] not in expected or fields["Package"] not in rules(major):
            problems.append(f"{os.path.basename(deb)}: an unexpected package {fields['Package']}")
            continue
        packaged |= check_package(deb, fields, major, problems)
    names = {f["Package"] for f in all_fields}
    for want in expected:
        if want not in names:
            problems.append(f"no package {want} in {debs_dir}")
    # The Debian revision is the packaging's; the upstream part is the project's.
    version = all_fields[0]["Version"] if all_fields else ""
    if not version.startswith(project_version + "-"):
        problems.append(f"version {version!r} is not the project's {project_version} with a Debian revision")
    check_fields(all_fields, version, major, problems)

    for name, lib in ((f"libpixabots{major}", "libpixabots"), (f"libpixabots-remote{major}", "libpixabots_remote")):
        deb = next((d for d in debs if os.path.basename(d).startswith(name + "_")), None)
        shlibs = control_file(deb, "shlibs") if deb else None
        if deb and shlibs != f"{lib} {major} {name} (>= {version})\n":
            problems.append(f"{name}: shlibs is {shlibs!r}")
        triggers = control_file(deb, "triggers") if deb else ""
        if deb and "activate-noawait ldconfig" not in (triggers or ""):
            problems.append(f"{name}: no ldconfig trigger")
    tool = next((d for d in debs if os.path.basename(d).startswith("pixabots_")), None)
    if tool and (control_file(tool, "conffiles") or "").split() != ["/etc/default/pixabots"]:
        problems.append("pixabots: conffiles does not list /etc/default/pixabots alone")

    # Everything installed is packaged, and the packages add only Debian's files.
    installed = {p for p in installed_files(build) if not re.fullmatch(r"usr/share/doc/pixabots/LICENSE.*", p)}
    debian_only = re.compile(r"usr/share/(doc|lintian)/.*|usr/lib/systemd/system/.*|usr/lib/sysusers\.d/.*|etc/.*")
    for path in sorted(installed - packaged):
        problems.append(f"cmake --install installs {path}, which no package holds (an install rule without a packaged COMPONENT?)")
    for path in sorted(packaged - installed):
        if not debian_only.fullmatch(path):
            problems.append(f"a package holds {path}, which cmake --install does not install")

    for p in problems:
        print(p)
    if problems:
        return 1
    print(f"check_contents: {len(debs)} packages, {len(packaged)} files, every file where it belongs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
