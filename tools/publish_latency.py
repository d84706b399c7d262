#!/usr/bin/env python3
"""Publish-to-visible time across two Masthead nodes, for ./bench.

Logs in to node A's newsroom, then N times: creates a draft, publishes it through the
editor form (as a browser would), and polls node B for the story's public page until it
answers 200. Prints the median and the worst of the N times, in milliseconds, measured
from sending the publish to B's first 200.

Usage: publish_latency.py NODE_A NODE_B EMAIL PASSWORD SECTION_ID SECTION_PATH [COUNT]
Standard library only.
"""

import html.parser
import http.client
import statistics
import sys
import time
import urllib.parse


class Client:
    """One keep-alive connection to a node, with the cookies it set."""

    def __init__(self, base):
        url = urllib.parse.urlsplit(base)
        self.connection = http.client.HTTPConnection(url.hostname, url.port)
        self.cookies = {}

    def request(self, method, path, form=None):
        headers = {}
        body = None
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        text = response.read().decode()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        return response.status, response.getheader("Location", ""), text


class Form(html.parser.HTMLParser):
    """The named fields of a page's forms, as a browser sends them."""

    def __init__(self, text):
        super().__init__()
        self.fields = []
        self._textarea = None
        self._select = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "checkbox"):
            self.fields.append((name, attrs.get("value") or ""))
        elif tag == "input" and name and "checked" in attrs:
            self.fields.append((name, attrs.get("value") or "on"))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.fields.append((self._select, attrs.get("value") or ""))

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea:
            self.fields.append(tuple(self._textarea))
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self._textarea[1] += data

    def value(self, name):
        return next((value for key, value in self.fields if key == name), None)


def log_in(client, email, password):
    """Logs in to the newsroom; returns the session's CSRF token."""
    _, _, page = client.request("GET", "/admin/login")
    status, _, text = client.request(
        "POST",
        "/admin/login",
        {"email": email, "password": password, "csrf": Form(page).value("csrf")},
    )
    assert status == 303, f"login failed: {status} {text[:300]}"
    _, _, dashboard = client.request("GET", "/admin")
    return Form(dashboard).value("csrf")


def main():
    node_a, node_b, email, password, section, section_path = sys.argv[1:7]
    count = int(sys.argv[7]) if len(sys.argv) > 7 else 100
    a = Client(node_a)
    b = Client(node_b)
    csrf = log_in(a, email, password)
    times = []
    for number in range(count):
        status, location, text = a.request(
            "POST",
            "/admin/stories?edition=1",
            {
                "csrf": csrf,
                "kind": "news",
                "headline": f"Bench story {number} {time.time_ns()}",
                "section_id": section,
                "body": "First paragraph.\n\nSecond paragraph.",
            },
        )
        assert status == 303, f"create failed: {status} {text[:300]}"
        editor_path = location.split("?")[0]
        _, _, editor = a.request("GET", editor_path)
        form = Form(editor)
        fields = [(k, v) for k, v in form.fields if k != "action"]
        fields.append(("action", "publish"))
        path = f"{section_path}/{form.value('slug')}"
        started = time.perf_counter()
        status, _, text = a.request("POST", editor_path, fields)
        assert status == 303, f"publish failed: {status} {text[:300]}"
        while True:
            status, _, _ = b.request("GET", path)
            if status == 200:
                break
            if time.perf_counter() - started > 10:
                raise SystemExit(f"{path} not visible on node B after 10 s")
            time.sleep(0.002)
        times.append((time.perf_counter() - started) * 1000)
    print(f"{statistics.median(times):.1f} {max(times):.1f} {count}")


if __name__ == "__main__":
    main()
