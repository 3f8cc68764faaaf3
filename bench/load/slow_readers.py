#!/usr/bin/env python3
"""Slow readers for the load test (issue 13, point 2): clients that ask for large feature pages and then read them
very slowly or not at all, each from its own loopback address (127.0.0.2, 127.0.0.3, ...), so that the per-client
limits, keyed by address, do not stop them: what must hold is the streaming (bounded chunks, the connection given back
between them, a time limit on each write).

    slow_readers.py URL PATH COUNT SECONDS

Half the readers never read a byte; the other half read 256 bytes a second. Each has a 4 KB receive buffer, so the
server's writes fill up quickly. A reader whose connection ends (the server cut it, or the page was finished) opens a
new one, so COUNT connections stay open for SECONDS. Prints one summary line: connections opened, how they ended,
the status codes seen, bytes read.
"""
import socket
import sys
import threading
import time
from collections import Counter
from urllib.parse import urlsplit

RECEIVE_BUFFER = 4096
TRICKLE_BYTES = 256


def reader(index, host, port, path, stall, until, counts, lock):
    source = f"127.0.0.{2 + index % 250}"
    while time.monotonic() < until:
        ended, status, received = read_once(source, host, port, path, stall, until)
        with lock:
            counts["connections"] += 1
            counts["bytes"] += received
            counts[f"ended {ended}"] += 1
            if status:
                counts[f"status {status}"] += 1


def read_once(source, host, port, path, stall, until):
    """One request; returns how it ended, the status code if one was read, and the bytes read."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    # Before connect, so the window the server sees is small from the start.
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, RECEIVE_BUFFER)
    received = 0
    head = b""
    try:
        sock.bind((source, 0))
        sock.settimeout(5)
        sock.connect((host, port))
        sock.sendall(f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\n\r\n".encode())
        if stall:
            # Read nothing; look once a second whether the server reset the connection (SO_ERROR), and if so open another.
            while time.monotonic() < until:
                time.sleep(1)
                if sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR):
                    return "reset by server", None, 0
            return "held to the end", None, 0
        while time.monotonic() < until:
            data = sock.recv(TRICKLE_BYTES)
            if not data:
                return "closed by server", status_of(head), received
            if len(head) < 64:
                head += data[:64]
            received += len(data)
            time.sleep(1)
        return "held to the end", status_of(head), received
    except (ConnectionResetError, BrokenPipeError):
        return "reset by server", status_of(head), received
    except (socket.timeout, OSError) as error:
        return f"error {type(error).__name__}", status_of(head), received
    finally:
        sock.close()


def status_of(head):
    parts = head.split(b" ", 2)
    return parts[1].decode(errors="replace") if len(parts) > 1 and parts[0].startswith(b"HTTP/") else None


def main():
    url, path, count, seconds = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
    address = urlsplit(url)
    until = time.monotonic() + seconds
    counts, lock = Counter(), threading.Lock()
    threads = [threading.Thread(target=reader, args=(i, address.hostname, address.port, path, i % 2 == 0, until, counts, lock), daemon=True)
               for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + 30)
    details = ", ".join(f"{key} x{value}" for key, value in sorted(counts.items()) if key not in ("connections", "bytes"))
    print(f"slow readers: {count} at once, {counts['connections']} connections in {seconds:.0f} s, {counts['bytes']:,} bytes read; {details}")


if __name__ == "__main__":
    main()
