"""The offline install paths, each into a temporary directory whose copy
of the package then renders and decodes an ID: the wheel build_backend.py
makes (standard library only), unpacked as an installer would; and
`pip install --no-index` of a copy of bindings/python. The second needs pip
(Debian: python3-pip) and nothing else; without pip it fails, it does not skip."""

import base64
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
import zipfile
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[1]

PROGRAM = r"""
import pixabots, sys
assert pixabots.__file__.startswith(sys.argv[1]), pixabots.__file__
with pixabots.Context() as ctx:
    width, height, pixels = pixabots.decode_png(ctx.render("2156", size=64))
    assert (width, height, len(pixels)) == (64, 64, 64 * 64 * 4)
    try:
        ctx.render("2156", size=20)
    except ValueError as error:
        assert "32 and 1920" in str(error), error
    else:
        raise AssertionError("size 20 was accepted")
print("installed pixabots", pixabots.__version__, "renders with library", pixabots.version())
"""


def run_installed(testcase, site):
    env = dict(os.environ)
    env["PYTHONPATH"] = str(site)  # the installed copy, not the source tree
    run = subprocess.run([sys.executable, "-c", PROGRAM, str(site)], capture_output=True, text=True, env=env)
    testcase.assertEqual(run.returncode, 0, run.stdout + run.stderr)
    testcase.assertIn("renders with library", run.stdout)


class InstallTest(unittest.TestCase):
    def test_the_wheel_holds_the_package_and_a_valid_record(self):
        sys.path.insert(0, str(SOURCE))
        try:
            import build_backend
        finally:
            sys.path.remove(str(SOURCE))
        with tempfile.TemporaryDirectory() as temp:
            name = build_backend.build_wheel(temp)
            self.assertRegex(name, r"^pixabots-[0-9.]+-py3-none-any\.whl$")
            site = Path(temp) / "site"
            with zipfile.ZipFile(Path(temp) / name) as wheel:
                names = wheel.namelist()
                self.assertIn("pixabots/__init__.py", names)
                self.assertIn("pixabots/_native.py", names)
                record = next(n for n in names if n.endswith(".dist-info/RECORD"))
                for line in wheel.read(record).decode().splitlines():
                    path, digest, size = line.rsplit(",", 2)
                    if path == record:
                        continue
                    data = wheel.read(path)
                    expected = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
                    self.assertEqual((digest, int(size)), (f"sha256={expected}", len(data)), path)
                wheel.extractall(site)  # what an installer does with a pure-Python wheel
            run_installed(self, site)

    def test_pip_installs_offline_and_the_package_renders(self):
        found = subprocess.run([sys.executable, "-m", "pip", "--version"], capture_output=True)
        self.assertEqual(found.returncode, 0, f"pip not found for {sys.executable}: install Debian's python3-pip")
        with tempfile.TemporaryDirectory() as temp:
            source = Path(temp) / "src"
            # A copy, so that the test never writes into the source tree.
            shutil.copytree(SOURCE, source, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__"))
            site = Path(temp) / "site"
            install = subprocess.run(
                [sys.executable, "-m", "pip", "install", "--no-index",
                 "--disable-pip-version-check", "--no-warn-script-location", "--target", str(site), str(source)],
                capture_output=True, text=True,
            )
            self.assertEqual(install.returncode, 0, install.stdout + install.stderr)
            run_installed(self, site)


if __name__ == "__main__":
    unittest.main()
