#!/usr/bin/env python3
"""One request asking for the same bytes many times over, plus slow readers of the same.

Sends `Range: bytes=0-,0-,...` (--ranges ranges) for --path and reads the whole answer,
counting its bytes (at most --max-mb, within --deadline seconds). Meanwhile --slow other
connections send the same request and then read 1 KiB per second for --hold seconds, so a
server that builds the whole answer in memory keeps it there. Prints one line of key=value
pairs: status, body_bytes (of the read answer), seconds, slow (how many slow readers got in).
"""
import argparse
import socket
import threading
import time


def request(a):
    ranges = ",".join(["0-"] * a.ranges)
    return f"GET {a.path} HTTP/1.1\r\nHost: {a.host}\r\nRange: bytes={ranges}\r\nConnection: close\r\n\r\n".encode()


def slow_reader(a, connected):
    try:
        with socket.create_connection((a.host, a.port), timeout=5) as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            s.sendall(request(a))
            connected.append(1)
            end = time.monotonic() + a.hold
            while time.monotonic() < end:
                try:
                    if not s.recv(1024):
                        return
                except socket.timeout:
                    pass
                time.sleep(1)
    except OSError:
        pass


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--path", required=True)
    p.add_argument("--ranges", type=int, default=2700)
    p.add_argument("--slow", type=int, default=3)
    p.add_argument("--hold", type=float, default=20)
    p.add_argument("--max-mb", type=float, default=4096)
    p.add_argument("--deadline", type=float, default=60)
    a = p.parse_args()
    connected = []
    readers = [threading.Thread(target=slow_reader, args=(a, connected), daemon=True) for _ in range(a.slow)]
    for t in readers:
        t.start()
    start = time.monotonic()
    status, total, head = "no answer", 0, b""
    limit = int(a.max_mb * 1024 * 1024)
    try:
        with socket.create_connection((a.host, a.port), timeout=10) as s:
            s.sendall(request(a))
            s.settimeout(a.deadline)  # a server building the whole answer first is slow to start it
            while total < limit and time.monotonic() - start < a.deadline:
                chunk = s.recv(1 << 20)
                if not chunk:
                    break
                if status == "no answer":
                    head += chunk
                    if b"\r\n\r\n" in head:
                        status = head.split(b"\r\n", 1)[0].decode("latin-1")
                        total = len(head.split(b"\r\n\r\n", 1)[1])
                    continue
                total += len(chunk)
    except OSError as e:
        status = f"{status} ({e.strerror or e})"
    seconds = time.monotonic() - start
    for t in readers:
        t.join(a.hold + 10)
    print(f"status={status.replace(' ', '_')} body_bytes={total} seconds={seconds:.1f} slow={len(connected)}")


if __name__ == "__main__":
    main()
