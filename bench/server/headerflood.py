#!/usr/bin/env python3
"""Sends one request whose headers never end: --mb megabytes of small header lines.

Stops at the first of: the server answering or closing, --mb sent (then waits up to 10 s
for an answer), --deadline seconds.
A server that checks its header limits while reading answers (431/400) or closes after a
few kilobytes; one that buffers first takes all of it. Prints one line of key=value pairs:
sent_bytes, status (the answer's status line, or what ended the send), seconds.
"""
import argparse
import select
import socket
import time


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--path", default="/")
    p.add_argument("--mb", type=float, default=70)
    p.add_argument("--deadline", type=float, default=60)
    a = p.parse_args()
    limit = int(a.mb * 1024 * 1024)
    start = time.monotonic()
    lines = b"".join(b"X-%05d: v\r\n" % i for i in range(6000))  # 64 KiB per send
    sent, status = 0, "limit reached, no answer"
    with socket.create_connection((a.host, a.port), timeout=5) as s:
        s.sendall(f"GET {a.path} HTTP/1.1\r\nHost: {a.host}\r\n".encode())
        while sent < limit:
            if time.monotonic() - start > a.deadline:
                status = "deadline, no answer"
                break
            readable, writable, _ = select.select([s], [s], [], 1)
            if readable:
                try:
                    answer = s.recv(4096)
                except OSError as e:
                    answer, status = b"", f"reset ({e.strerror})"
                if answer:
                    status = answer.split(b"\r\n", 1)[0].decode("latin-1")
                elif not status.startswith("reset"):
                    status = "closed without an answer"
                break
            if writable:
                try:
                    sent += s.send(lines[: min(len(lines), limit - sent)])
                except OSError as e:
                    status = f"reset ({e.strerror})"
                    break
        if sent >= limit:
            # Everything is in the kernel's buffers: give the server time to say what it made of it.
            s.settimeout(max(0.1, min(10, a.deadline - (time.monotonic() - start))))
            try:
                answer = s.recv(4096)
                status = answer.split(b"\r\n", 1)[0].decode("latin-1") if answer else "closed without an answer"
            except socket.timeout:
                pass
            except OSError as e:
                status = f"reset ({e.strerror})"
    print(f"sent_bytes={sent} status={status.replace(' ', '_')} seconds={time.monotonic() - start:.1f}")


if __name__ == "__main__":
    main()
