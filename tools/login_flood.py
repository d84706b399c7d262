#!/usr/bin/env python3
"""A flood of wrong passwords at Masthead's login form, for ./bench.

Opens CONNECTIONS keep-alive connections, each from its own loopback address
(127.NET.x.y, NET 1 unless --net says, so that the per-address limit does not stop the
flood at once; with --addresses N, the connections share N addresses), and sends
wrong passwords for random emails on each until SECONDS have passed (or, with --once,
one login per connection, all at the same moment). Prints the count of each status, the
CPU time the client itself used (it shares the machine with the server), and with --pid
that process's resident memory (VmRSS) before and at its peak during the flood, in MiB.

Usage: login_flood.py BASE_URL CONNECTIONS SECONDS [--once] [--pid PID] [--net NET]
                      [--addresses N]
Standard library only; every address it sends from is on this machine's loopback.
"""

import asyncio
import collections
import re
import secrets
import sys
import time
import urllib.parse


async def login_form(host, port):
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(f"GET /admin/login HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
    await writer.drain()
    status, headers, body = await read_response(reader)
    writer.close()
    cookie = re.search(r"masthead_login=([^;]+)", headers).group(1)
    token = re.search(r'name="csrf" value="([^"]+)"', body).group(1)
    return cookie, token


async def read_response(reader):
    head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1")
    status = int(head.split(" ", 2)[1])
    length = re.search(r"(?i)content-length: *(\d+)", head)
    body = await reader.readexactly(int(length.group(1))) if length else b""
    return status, head, body.decode("utf-8", "replace")


# Emails no earlier run guessed: failures count per account for an hour.
RUN = secrets.token_hex(4)


async def flood(host, port, address, index, cookie, token, deadline, once, counts):
    reader, writer = await asyncio.open_connection(host, port, local_addr=(address, 0))
    sent = 0
    while True:
        email = f"guess{RUN}-{index}-{sent}@flood.example"
        form = urllib.parse.urlencode({"email": email, "password": "wrong", "csrf": token})
        writer.write(
            (
                f"POST /admin/login HTTP/1.1\r\nHost: {host}\r\n"
                f"Cookie: masthead_login={cookie}\r\n"
                "Content-Type: application/x-www-form-urlencoded\r\n"
                f"Content-Length: {len(form)}\r\n\r\n{form}"
            ).encode()
        )
        await writer.drain()
        try:
            status, _, _ = await read_response(reader)
        except (asyncio.IncompleteReadError, ConnectionError):
            counts["closed"] += 1
            break
        counts[status] += 1
        sent += 1
        if once or time.monotonic() > deadline:
            break
    writer.close()


def resident_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


async def peak_memory(pid, stop):
    peak = 0
    while not stop.is_set():
        peak = max(peak, resident_kib(pid))
        await asyncio.sleep(0.02)
    return peak


async def main():
    base, connections, seconds = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    once = "--once" in sys.argv
    pid = sys.argv[sys.argv.index("--pid") + 1] if "--pid" in sys.argv else None
    net = int(sys.argv[sys.argv.index("--net") + 1]) if "--net" in sys.argv else 1
    shared = int(sys.argv[sys.argv.index("--addresses") + 1]) if "--addresses" in sys.argv else None
    addresses = [f"127.{net}.{n // 250}.{n % 250 + 1}" for n in range(shared or connections)]
    url = urllib.parse.urlsplit(base)
    cookie, token = await login_form(url.hostname, url.port)
    counts = collections.Counter()
    before = resident_kib(pid) if pid else 0
    stop = asyncio.Event()
    watcher = asyncio.create_task(peak_memory(pid, stop)) if pid else None
    deadline = time.monotonic() + seconds
    await asyncio.gather(
        *(
            flood(url.hostname, url.port, addresses[index % len(addresses)], index, cookie, token,
                  deadline, once, counts)
            for index in range(connections)
        )
    )
    stop.set()
    summary = " ".join(f"{status}:{count}" for status, count in sorted(counts.items(), key=str))
    summary += f" client_cpu_s:{time.process_time():.2f}"
    if watcher:
        summary += f" rss_before_mib:{before / 1024:.0f} rss_peak_mib:{await watcher / 1024:.0f}"
    print(summary)


asyncio.run(main())
