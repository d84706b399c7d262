#!/usr/bin/env python3
"""One newsletter digest to many subscribers, for ./bench-newsletter.

Adds COUNT confirmed subscribers to the English edition's daily list (straight into the
SQLite file: the sign-up form would take hours), logs in to the newsroom, publishes a
story through the editor form, then presses "Send this issue now" and waits for the list's
page to show the issue done, sampling the app's resident memory twice a second. Prints:
compose seconds, send seconds, messages/s, sent, failed, memory (MiB) at 10 %, 50 % and
100 % of the send and the peak, and what the SMTP server took (messages, distinct
recipients).

Usage: newsletter_bench.py BASE DATABASE APP_PID SINK_DIR EMAIL PASSWORD COUNT
Standard library only.
"""

import os
import re
import sqlite3
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from publish_latency import Client, Form, log_in  # noqa: E402


def add_subscribers(database, count):
    db = sqlite3.connect(database, timeout=60)
    now = int(time.time())
    list_id = db.execute(
        "SELECT id FROM newsletters WHERE slug = 'daily' AND edition_id = 1"
    ).fetchone()[0]
    db.execute(
        "INSERT INTO consent_texts (text, first_used_at) VALUES ('Bench consent.', ?) "
        "ON CONFLICT (text) DO NOTHING",
        (now,),
    )
    consent = db.execute("SELECT id FROM consent_texts WHERE text = 'Bench consent.'").fetchone()[0]
    start = db.execute("SELECT COALESCE(MAX(id), 0) FROM subscribers").fetchone()[0] + 1
    db.executemany(
        "INSERT INTO subscribers (id, email, edition_id, link_key, created_at) "
        "VALUES (?, ?, 1, ?, ?)",
        (
            (start + n, f"reader{n}@bench.example", f"key{n:032x}", now)
            for n in range(count)
        ),
    )
    db.executemany(
        "INSERT INTO subscriptions (subscriber_id, newsletter_id, consent_text_id, "
        "consented_at, consent_ip, confirmed_at) VALUES (?, ?, ?, ?, '192.0.2.1', ?)",
        ((start + n, list_id, consent, now, now - 60) for n in range(count)),
    )
    db.commit()
    return list_id


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def main():
    base, database, pid, sink, email, password, count = sys.argv[1:8]
    count = int(count)
    list_id = add_subscribers(database, count)
    client = Client(base)
    csrf = log_in(client, email, password)
    section = sqlite3.connect(database).execute(
        "SELECT id FROM sections WHERE slug = 'world' AND edition_id = 1"
    ).fetchone()[0]
    status, location, text = client.request(
        "POST",
        "/admin/stories?edition=1",
        {
            "csrf": csrf,
            "kind": "news",
            "headline": f"Bench digest story {time.time_ns()}",
            "section_id": str(section),
            "body": "First paragraph.\n\nSecond paragraph.",
        },
    )
    assert status == 303, f"create failed: {status} {text[:300]}"
    editor_path = location.split("?")[0]
    form = Form(client.request("GET", editor_path)[2])
    fields = [(k, v) for k, v in form.fields if k != "action"] + [("action", "publish")]
    status, _, text = client.request("POST", editor_path, fields)
    assert status == 303, f"publish failed: {status} {text[:300]}"

    started = time.perf_counter()
    status, location, text = client.request(
        "POST", f"/admin/newsletters/{list_id}/send", {"csrf": csrf}
    )
    composed = time.perf_counter() - started
    assert status == 303 and "sending" in location, f"send failed: {status} {location} {text[:300]}"
    samples = []
    peak = 0.0
    sent = failed = 0
    row = re.compile(
        r"<tr><td>[^<]*</td><td[^>]*>[^<]*</td><td>\d+</td><td>(\d+)</td><td>(\d+)</td>"
        r"<td>(\d+)</td><td>\d+</td><td>(\w+)"
    )
    while True:
        memory = rss_mib(pid)
        peak = max(peak, memory)
        _, _, page = client.request("GET", f"/admin/newsletters/{list_id}")
        match = row.search(page)
        if match:
            recipients, sent, failed, state = match.groups()
            samples.append((int(sent) / max(int(recipients), 1), memory))
            if state == "done":
                break
        if time.perf_counter() - started > 3600:
            raise SystemExit("the issue was not sent within an hour")
        time.sleep(0.5)
    elapsed = time.perf_counter() - started

    def memory_at(share):
        return next((mib for done, mib in samples if done >= share), samples[-1][1])

    with open(os.path.join(sink, "count")) as counted:
        taken, distinct = counted.read().split()
    print(
        f"{composed:.2f} {elapsed:.1f} {int(sent) / elapsed:.0f} {sent} {failed} "
        f"{memory_at(0.1):.0f} {memory_at(0.5):.0f} {memory_at(1.0):.0f} {peak:.0f} "
        f"{taken} {distinct}"
    )


if __name__ == "__main__":
    main()
