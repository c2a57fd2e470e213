"""The platform wheel, built from the bundled library as scripts/package.sh
does (build_backend.py --library), installed the way a user installs it.

VenvInstallTest (ctest python_wheel): into an empty venv with
`pip install --no-index`, then used from another folder with a bare
environment (no LD_LIBRARY_PATH, no PIXABOTS_LIBRARY): bot 2156 as a 128 px
PNG must be byte for byte what the build tree's `pixabots render` writes.

FreshRootTest (ctest python_wheel_fresh_root): the same in a minimal Debian
root (scripts/debian-rootfs.sh: minbase, python3, python3-venv) with
libstdc++ deleted and no libpng, through chroot: the wheel needs nothing but
Python and glibc. Needs root and mmdebstrap; the root is cached as
PIXABOTS_ROOTFS (a tarball, made again when its package list changes).

Environment: PIXABOTS_BUNDLE (BUILD/bundle/libpixabots.so.1), PIXABOTS_CLI
(the pixabots program), PIXABOTS_SOURCE_DIR (the repository)."""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
BACKEND = HERE.parent / "build_backend.py"
PROGRAM = r"""
import os, sys, pixabots
library = pixabots._native.lib._name
assert library == os.path.join(os.path.dirname(pixabots.__file__), "libpixabots.so.1"), library
with pixabots.Context() as ctx:
    png = ctx.render("2156", size=128)
with open(sys.argv[1] + ".part", "wb") as out:
    out.write(png)
os.replace(sys.argv[1] + ".part", sys.argv[1])
"""
TIMEOUT = 240


def environment(name):
    value = os.environ.get(name)
    if not value:
        raise RuntimeError(f"{name} is not set: ctest sets it (bindings/python/CMakeLists.txt)")
    return value


def run(testcase, command, **kwargs):
    result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, **kwargs)
    testcase.assertEqual(result.returncode, 0, f"{command}:\n{result.stdout}{result.stderr}")
    return result.stdout


class WheelCase(unittest.TestCase):
    def setUp(self):
        self.temp = Path(tempfile.mkdtemp(prefix="pixabots-wheel-"))
        self.addCleanup(shutil.rmtree, self.temp, ignore_errors=True)
        self.reference = self.temp / "reference.png"
        run(self, [environment("PIXABOTS_CLI"), "render", "2156", "--size", "128", "-o", str(self.reference)])
        dist = self.temp / "dist"
        # The command scripts/package.sh runs.
        printed = run(self, [sys.executable, str(BACKEND), "--library", environment("PIXABOTS_BUNDLE"), str(dist)])
        self.wheel = Path(printed.strip())
        self.assertEqual(self.wheel.parent, dist)


class VenvInstallTest(WheelCase):
    def test_the_tag_is_the_newest_glibc_version_the_library_needs(self):
        match = re.fullmatch(r"pixabots-[0-9.]+-py3-none-manylinux_2_(\d+)_x86_64\.whl", self.wheel.name)
        self.assertIsNotNone(match, f"{self.wheel.name}: the bundled library needs more than glibc")
        # objdump reads the same ELF tables independently of build_backend.py.
        symbols = run(self, ["objdump", "-T", environment("PIXABOTS_BUNDLE")])
        newest = max(int(minor) for minor in re.findall(r"\(GLIBC_2\.(\d+)(?:\.\d+)?\)", symbols))
        self.assertEqual(int(match[1]), newest)
        needed = re.findall(r"NEEDED\s+(\S+)", run(self, ["objdump", "-p", environment("PIXABOTS_BUNDLE")]))
        self.assertEqual(sorted(needed), ["ld-linux-x86-64.so.2", "libc.so.6", "libm.so.6"])

    def test_anything_but_a_libpixabots_so_1_is_refused_naming_it(self):
        library = Path(environment("PIXABOTS_BUNDLE")).read_bytes()
        # name: (the file's bytes, or None for no file; what the error says)
        cases = {
            "missing.so": (None, "is not a file"),
            "text.so": (b"not a library\n", "is not an ELF shared library"),
            "truncated.so": (library[:200], "is a truncated or malformed ELF file"),
            "libpng.so": (Path("/usr/lib/x86_64-linux-gnu/libpng16.so.16").read_bytes(),
                          "has the soname 'libpng16.so.16'; the binding loads 'libpixabots.so.1'"),
        }
        for name, (data, expected) in cases.items():
            path = self.temp / name
            if data is not None:
                path.write_bytes(data)
            result = subprocess.run([sys.executable, str(BACKEND), "--library", str(path), str(self.temp / "no")],
                                    capture_output=True, text=True, timeout=TIMEOUT)
            self.assertEqual(result.returncode, 1, name)
            self.assertIn(f"{path}", result.stderr)
            self.assertIn(expected, result.stderr)
            self.assertEqual(list((self.temp / "no").glob("*.whl")), [], name)

    def test_pip_installs_it_into_an_empty_venv_and_it_renders_the_reference_bytes(self):
        venv = self.temp / "venv"
        run(self, [sys.executable, "-m", "venv", str(venv)])
        python = str(venv / "bin" / "python")
        run(self, [python, "-m", "pip", "install", "--no-index", "--disable-pip-version-check", str(self.wheel)])
        elsewhere = self.temp / "elsewhere"
        elsewhere.mkdir()
        out = self.temp / "installed.png"
        run(self, [python, "-c", PROGRAM, str(out)], cwd=elsewhere,
            env={"PATH": "/usr/bin:/bin", "HOME": str(elsewhere)})
        self.assertEqual(out.read_bytes(), self.reference.read_bytes())


class FreshRootTest(WheelCase):
    def test_a_minimal_debian_with_python_alone_installs_and_runs_it(self):
        self.assertEqual(os.geteuid(), 0, "this test makes a Debian root and chroots into it: run it as root")
        self.assertIsNotNone(shutil.which("mmdebstrap"), "mmdebstrap is missing: apt-get install mmdebstrap")
        tarball = environment("PIXABOTS_ROOTFS")
        script = Path(environment("PIXABOTS_SOURCE_DIR")) / "scripts" / "debian-rootfs.sh"
        packages = environment("PIXABOTS_ROOTFS_PACKAGES").split()
        subprocess.run([str(script), tarball, *packages], check=True, timeout=900)
        root = self.temp / "root"
        root.mkdir()
        run(self, ["tar", "-xf", tarball, "-C", str(root)])
        # apt needs libstdc++, so minbase has it: delete it, as a machine without it.
        runtime = list(root.glob("usr/lib/*-linux-gnu/libstdc++.so*"))
        self.assertTrue(runtime, "expected minbase to hold libstdc++ (apt's)")
        for path in runtime:
            path.unlink()
        self.assertEqual(list(root.glob("usr/lib/*-linux-gnu/libpng*")), [])
        shutil.copy(self.wheel, root / "tmp")
        (root / "tmp" / "render.py").write_text(PROGRAM)
        inside = (f"python3 -m venv /opt/venv && /opt/venv/bin/pip install --no-index "
                  f"--disable-pip-version-check /tmp/{self.wheel.name} && cd / && "
                  f"/opt/venv/bin/python /tmp/render.py /tmp/installed.png")
        run(self, ["chroot", str(root), "/usr/bin/env", "-i", "PATH=/usr/bin:/bin", "HOME=/root",
                   "/bin/sh", "-c", inside])
        self.assertEqual((root / "tmp" / "installed.png").read_bytes(), self.reference.read_bytes())


if __name__ == "__main__":
    unittest.main()
