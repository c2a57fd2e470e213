#!/usr/bin/env python3
"""Holds many half-sent requests open and times normal requests beside them.

Opens --conns connections (round robin over --sources, each socket bound to that source
address so that a per-address connection cap sees several clients), sends the start of a
request on each ("GET / HTTP/1.1\\r\\nHo") and then, if --drip is set, one more header byte
per connection every --drip seconds, never finishing the headers. Meanwhile it sends
--requests normal requests from 127.0.0.1, one at a time, each on a new connection, and
times each to its last byte. Everything is bounded: connects and requests time out after
--timeout seconds, the whole probe after --deadline seconds.

Prints one line: key=value pairs (opened, refused: not connected within --timeout,
still_open: held connections the server had not closed at the end, ok, failed,
median_ms, max_ms of the normal requests).
"""
import argparse
import errno
import select
import socket
import statistics
import threading
import time


def normal_request(host, port, path, timeout):
    """Seconds to a complete answer to one GET, or None if it failed or timed out."""
    start = time.monotonic()
    try:
        with socket.create_connection((host, port), timeout=timeout) as s:
            s.settimeout(max(0.01, timeout - (time.monotonic() - start)))
            s.sendall(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
            data = b""
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
                if time.monotonic() - start > timeout:
                    return None
    except OSError:
        return None
    if not data.startswith(b"HTTP/1.1 200"):
        return None
    head, _, body = data.partition(b"\r\n\r\n")
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:") and len(body) < int(line.split(b":")[1]):
            return None
    return time.monotonic() - start


def is_open(sock):
    """True if the server has neither closed nor reset the connection."""
    try:
        return sock.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) != b""
    except BlockingIOError:
        return True
    except OSError:
        return False


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--path", default="/")
    p.add_argument("--conns", type=int, default=1000)
    p.add_argument("--sources", default="127.0.0.1", help="comma-separated source addresses")
    p.add_argument("--drip", type=float, default=0, help="seconds between header bytes; 0: send nothing more")
    p.add_argument("--requests", type=int, default=20)
    p.add_argument("--interval", type=float, default=0.25, help="seconds between normal requests")
    p.add_argument("--timeout", type=float, default=5)
    p.add_argument("--deadline", type=float, default=60)
    a = p.parse_args()
    end = time.monotonic() + a.deadline
    sources = a.sources.split(",")

    # All connects at once, non-blocking: a server with a short accept queue must not turn
    # the setup itself into minutes of connect timeouts.
    pending, refused = [], 0
    for i in range(a.conns):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            s.bind((sources[i % len(sources)], 0))
            s.setblocking(False)
            if s.connect_ex((a.host, a.port)) not in (0, errno.EINPROGRESS):
                raise OSError
            pending.append(s)
        except OSError:
            refused += 1
            s.close()
    held = []
    poller = select.poll()
    for s in pending:
        poller.register(s, select.POLLOUT)
    by_fd = {s.fileno(): s for s in pending}
    connect_end = time.monotonic() + min(a.timeout, a.deadline)
    while by_fd and time.monotonic() < connect_end:
        for fd, _ in poller.poll(100):
            s = by_fd.pop(fd)
            poller.unregister(fd)
            try:
                if s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR) != 0:
                    raise OSError
                s.send(b"GET / HTTP/1.1\r\nHo")
                held.append(s)
            except OSError:
                refused += 1
                s.close()
    for s in by_fd.values():  # never connected
        refused += 1
        s.close()

    stop = threading.Event()

    def drip():
        # Never the end of the headers: a name that grows by one byte per tick.
        while not stop.wait(a.drip):
            for s in held:
                try:
                    s.send(b"s")
                except OSError:
                    pass

    dripper = threading.Thread(target=drip, daemon=True) if a.drip > 0 else None
    if dripper:
        dripper.start()
    times, failed = [], 0
    for _ in range(a.requests):
        if time.monotonic() > end:
            break
        t = normal_request(a.host, a.port, a.path, a.timeout)
        if t is None:
            failed += 1
        else:
            times.append(t * 1000)
        time.sleep(a.interval)
    stop.set()
    still_open = sum(is_open(s) for s in held)
    for s in held:
        s.close()
    median = f"{statistics.median(times):.1f}" if times else "-"
    worst = f"{max(times):.1f}" if times else "-"
    print(f"opened={len(held)} refused={refused} still_open={still_open} ok={len(times)} "
          f"failed={failed} median_ms={median} max_ms={worst}")


if __name__ == "__main__":
    main()
