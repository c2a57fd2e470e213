"""A minimal PEP 517 / PEP 660 build backend for this pure-Python package,
standard library only, so that installing needs no setuptools or wheel:

    python3 -m pip install --no-index bindings/python

It builds a py3-none-any wheel of the pixabots/ directory, an sdist, and an
editable wheel (a .pth file pointing at this directory)."""

import base64
import hashlib
import io
import os
import re
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent
PACKAGE = "pixabots"
SUMMARY = "Pixel-art robot avatars from 4-character IDs (ctypes binding of libpixabots)"
REQUIRES_PYTHON = ">=3.7"


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


def _write_wheel(wheel_directory, files):
    name = f"{PACKAGE}-{_version()}"
    dist_info = f"{name}.dist-info"
    files = list(files) + [
        (f"{dist_info}/METADATA", _metadata().encode("utf-8")),
        (f"{dist_info}/WHEEL",
         b"Wheel-Version: 1.0\nGenerator: pixabots build_backend\nRoot-Is-Purelib: true\nTag: py3-none-any\n"),
    ]
    record = "".join(f"{path},{_record_hash(data)},{len(data)}\n" for path, data in files)
    record += f"{dist_info}/RECORD,,\n"
    filename = f"{name}-py3-none-any.whl"
    with zipfile.ZipFile(os.path.join(wheel_directory, filename), "w", zipfile.ZIP_DEFLATED) as wheel:
        for path, data in files:
            wheel.writestr(zipfile.ZipInfo(path, date_time=(2020, 1, 1, 0, 0, 0)), data)
        wheel.writestr(zipfile.ZipInfo(f"{dist_info}/RECORD", date_time=(2020, 1, 1, 0, 0, 0)), record)
    return filename


# ---- PEP 517


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
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
