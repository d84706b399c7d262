#!/usr/bin/env python3
"""A real SMTP server for the tests (aiosmtpd, from PyPI): listens on 127.0.0.1:PORT and
writes each message it receives to DIR/NNNNNN.json, parsed by Python's own email package
(envelope, headers, the plain-text and HTML parts), and the raw message beside it.

    python3 tools/smtp_sink.py PORT DIR [--fail-first N | --count-only]

With --fail-first N it answers the first N messages with a temporary failure (451), so that
tests can see the outbox retry. With --count-only (for ./bench-newsletter) it keeps nothing
but writes how many messages it took, and how many distinct recipients, to DIR/count.
"""
import asyncio
import email
import email.policy
import itertools
import json
import os
import sys

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, folder, fail_first, count_only=False):
        self.folder = folder
        self.fail_first = fail_first
        self.count_only = count_only
        self.taken = 0
        self.recipients = set()
        # Restarted on the same folder, it numbers on after what is there.
        done = [name for name in os.listdir(folder) if name.endswith(".json")]
        self.count = itertools.count(len(done) + 1)

    async def handle_DATA(self, server, session, envelope):
        if self.count_only:
            self.taken += 1
            self.recipients.update(envelope.rcpt_tos)
            with open(os.path.join(self.folder, "count.tmp"), "w") as out:
                out.write(f"{self.taken} {len(self.recipients)}\n")
            os.replace(os.path.join(self.folder, "count.tmp"), os.path.join(self.folder, "count"))
            return "250 OK"
        if self.fail_first > 0:
            self.fail_first -= 1
            return "451 4.3.0 try again later"
        number = next(self.count)
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        parts = {"text/plain": None, "text/html": None}
        for part in message.walk():
            kind = part.get_content_type()
            if kind in parts and parts[kind] is None:
                parts[kind] = part.get_content()
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "headers": [[name, str(value)] for name, value in message.items()],
            "text": parts["text/plain"],
            "html": parts["text/html"],
        }
        base = os.path.join(self.folder, f"{number:06d}")
        with open(base + ".eml", "wb") as raw:
            raw.write(envelope.content)
        with open(base + ".tmp", "w", encoding="utf-8") as out:
            json.dump(record, out)
        os.replace(base + ".tmp", base + ".json")
        return "250 OK"


def main():
    port, folder = int(sys.argv[1]), sys.argv[2]
    fail_first = int(sys.argv[4]) if len(sys.argv) > 4 and sys.argv[3] == "--fail-first" else 0
    count_only = sys.argv[3:4] == ["--count-only"]
    controller = Controller(Sink(folder, fail_first, count_only), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    try:
        asyncio.get_event_loop().run_forever()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
