"""The container image end to end (packaging/container, docs/container.md).

Builds the image from the source tree with packaging/container/build-image.sh
(the host's ccache lent to its build stage), loads the archive it writes, and
runs it as docs/container.md does: read-only with nothing writable mounted,
every capability dropped, configured by environment, its port published on a
free loopback port. Then checks: /healthz answers; a PNG is byte for byte this
build's `pixabots render`; absolute URLs follow the Host the request sent;
podman's health check reports healthy; the server runs as the image's
unprivileged user and cannot write its file system; the PIXABOTS_* variable
reached it; SIGTERM (podman stop) ends it cleanly with status 0. The container
is removed whatever happens; every wait is bounded.

  container_test.py --source DIR --work DIR --cli PATH
"""

import argparse
import hashlib
import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

PACKAGES = "podman runc uidmap mmdebstrap"
IMAGE_USER_ID = "10001"


def fail(message):
    raise SystemExit(f"container_test: FAIL: {message}")


def run(*args, timeout=60, check=True):
    """Runs a command, bounded; its output as text."""
    done = subprocess.run(args, capture_output=True, text=True, timeout=timeout)
    if check and done.returncode != 0:
        fail(f"{' '.join(args)} exited {done.returncode}:\n{done.stdout}{done.stderr}")
    return done


def get(url, host=None):
    """GET url (with this Host header, if given): status and body."""
    request = urllib.request.Request(url, headers={"Host": host} if host else {})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def wait_for(what, seconds, probe):
    """Calls probe until it returns a true value, at most `seconds`."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            result = probe()
            if result:
                return result
        except (OSError, http.client.HTTPException):
            pass
        if time.monotonic() > deadline:
            fail(f"{what} within {seconds} s")
        time.sleep(0.2)


def build_image(source, work, version):
    started = time.monotonic()
    out = os.path.join(work, "image")
    shutil.rmtree(out, ignore_errors=True)
    done = subprocess.run([os.path.join(source, "packaging/container/build-image.sh"), source, out],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=1500)
    print(done.stdout[-4000:])
    if done.returncode != 0:
        fail(f"build-image.sh exited {done.returncode}")
    arch = run("dpkg", "--print-architecture").stdout.strip()
    expected = f"pixabots-image_{version}_{arch}.tar"
    if os.listdir(out) != [expected]:
        fail(f"build-image.sh wrote {os.listdir(out)} into {out}, expected only {expected}")
    print(f"container_test: image built in {time.monotonic() - started:.1f} s")
    return os.path.join(out, expected)


def load_image(archive, version):
    """The archive build-image.sh wrote, loaded: the image the test runs."""
    loaded = run("podman", "load", "--input", archive, timeout=300).stdout
    image = f"localhost/pixabots:{version}"
    if image not in loaded:
        fail(f"podman load {archive} loaded {loaded.strip()!r}, expected {image}")
    labels = json.loads(run("podman", "image", "inspect", "--format", "{{json .Labels}}", image).stdout)
    if labels.get("org.opencontainers.image.version") != version:
        fail(f"org.opencontainers.image.version is {labels.get('org.opencontainers.image.version')!r}, "
             f"expected {version}")
    return image


def check_container(name, image, cli):
    run("podman", "run", "--detach", "--name", name, "--read-only", "--read-only-tmpfs=false",
        "--cap-drop=ALL", "--security-opt=no-new-privileges", "--env", "PIXABOTS_LOG_FORMAT=json",
        "--publish", "127.0.0.1::8080", image)
    # podman picked a free loopback port for the container's 8080.
    published = run("podman", "port", name, "8080/tcp").stdout.strip()
    if not published.startswith("127.0.0.1:"):
        fail(f"port 8080 published as {published!r}, expected on 127.0.0.1")
    base = f"http://{published}"

    wait_for("/healthz answering 200", 30, lambda: get(base + "/healthz") == (200, b'{"status":"ok"}'))

    status, png = get(base + "/api/pixabot/2156?size=256")
    with tempfile.TemporaryDirectory() as tmp:
        expected_path = os.path.join(tmp, "2156.png")
        run(cli, "render", "2156", "--size", "256", "-o", expected_path)
        with open(expected_path, "rb") as f:
            expected = f.read()
    if status != 200 or png != expected:
        fail(f"/api/pixabot/2156?size=256 answered {status} with {len(png)} bytes, "
             f"not the {len(expected)} bytes of `pixabots render 2156 --size 256`")

    status, body = get(base + "/api/pixabot/2156?format=json", host="bots.example.test:4321")
    reply = json.loads(body)
    if status != 200 or reply.get("png") != "http://bots.example.test:4321/api/pixabot/2156?size=128":
        fail(f"the JSON's png URL does not follow the request's Host: {status} {body!r}")

    # Without systemd, podman runs no interval timer: the check runs on demand.
    health = run("podman", "healthcheck", "run", name, check=False)
    state = run("podman", "inspect", "--format", "{{.State.Health.Status}}", name).stdout.strip()
    if health.returncode != 0 or state != "healthy":
        fail(f"health check: exit {health.returncode} ({health.stdout.strip()}), status {state!r}")
    # It can fail too: nothing listens on port 1.
    unhealthy = run("podman", "exec", "--env", "PIXABOTS_PORT=1", name, "/usr/local/bin/pixabots-healthcheck",
                    check=False)
    if unhealthy.returncode == 0:
        fail("the health check passes with nothing listening on its port (PIXABOTS_PORT=1)")

    status_lines = run("podman", "exec", name, "cat", "/proc/1/status").stdout.splitlines()
    ids = {line.split(":")[0]: line.split()[1:] for line in status_lines if line.startswith(("Uid:", "Gid:"))}
    if ids != {"Uid": [IMAGE_USER_ID] * 4, "Gid": [IMAGE_USER_ID] * 4}:
        fail(f"the server runs as {ids}, expected uid and gid {IMAGE_USER_ID}")
    for path in ("/", "/tmp"):
        touched = run("podman", "exec", name, "touch", path.rstrip("/") + "/written", check=False)
        if touched.returncode == 0 or "Read-only file system" not in touched.stderr:
            fail(f"{path} is writable in the container: {touched.stderr.strip()!r}")

    logs = run("podman", "logs", name)
    logs = logs.stdout + logs.stderr
    if '"request":"GET /api/pixabot/2156?size=256 HTTP/1.1","status":200' not in logs:
        fail(f"no JSON access log line (PIXABOTS_LOG_FORMAT=json) for the PNG request:\n{logs}")

    started = time.monotonic()
    run("podman", "stop", "--time", "20", name, timeout=40)
    took = time.monotonic() - started
    exit_code = run("podman", "inspect", "--format", "{{.State.ExitCode}}", name).stdout.strip()
    if exit_code != "0" or took > 15:
        fail(f"podman stop: exit status {exit_code} after {took:.1f} s, expected 0 well within the 20 s")
    print(f"container_test: stopped by SIGTERM in {took:.1f} s, exit status 0")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--source", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--cli", required=True)
    args = parser.parse_args()
    missing = [tool for tool in ("podman", "runc", "mmdebstrap") if not shutil.which(tool)]
    if missing:
        fail(f"{', '.join(missing)} not found: install Debian's {PACKAGES} "
             "(scripts/install-deps.sh package)")
    os.environ.setdefault("CONTAINERS_CONF", os.path.join(args.source, "packaging/container/containers.conf"))
    # SIGTERM and Ctrl-C leave through `finally`; after a SIGKILL the next run
    # removes the container (its name is the build tree's).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("container_test: terminated"))

    started = time.monotonic()
    with open(os.path.join(args.source, "CMakeLists.txt")) as f:
        version = re.search(r"^project\(pixabots VERSION ([^ )]+)", f.read(), re.MULTILINE).group(1)
    image = load_image(build_image(args.source, args.work, version), version)
    name = "pixabots-test-" + hashlib.sha256(os.path.realpath(args.work).encode()).hexdigest()[:12]
    run("podman", "rm", "--force", "--ignore", name)
    try:
        check_container(name, image, args.cli)
    finally:
        run("podman", "rm", "--force", "--time", "0", name, check=False)
    print(f"container_test: ok ({time.monotonic() - started:.1f} s)")


if __name__ == "__main__":
    main()
