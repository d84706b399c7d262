"""Reads a feed on stdin with real feed readers' parsers and prints what they understood as
JSON, for the feed tests (crates/masthead/tests/api/feeds.rs): whether they found a problem
(bozo), and each entry's id, link, title, authors, categories, dates, summary, content and
media. RSS and Atom go to feedparser; JSON Feed (which feedparser 6 does not read) to
jsonfeed-util, whose parser refuses a feed or item without its required fields."""

import datetime
import json
import sys
import time

import feedparser
import jsonfeed


def iso(parsed):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed) if parsed else None


def entry(item):
    return {
        "id": item.get("id"),
        "link": item.get("link"),
        "title": item.get("title"),
        "authors": [author.get("name") for author in item.get("authors", [])],
        "author_links": [author.get("href") for author in item.get("authors", [])],
        "tags": [tag.get("term") for tag in item.get("tags", [])],
        "published": iso(item.get("published_parsed")),
        "updated": iso(item.get("updated_parsed")),
        "summary": item.get("summary"),
        "content": [content.get("value") for content in item.get("content", [])],
        "media": item.get("media_content", []),
        "enclosures": [dict(enclosure) for enclosure in item.get("enclosures", [])],
    }


def xml_feed(data):
    parsed = feedparser.parse(data)
    return {
        "bozo": bool(parsed.bozo),
        "problem": str(parsed.get("bozo_exception", "")),
        "version": parsed.get("version"),
        "title": parsed.feed.get("title"),
        "language": parsed.feed.get("language"),
        "entries": [entry(item) for item in parsed.entries],
    }


def utc(text):
    if not text:
        return None
    moment = datetime.datetime.fromisoformat(text).astimezone(datetime.timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def json_item(item):
    content = [item.content_html] if item.content_html else []
    return {
        "id": item.id,
        "link": item.url,
        "title": item.title,
        "authors": [author.name for author in item.authors or []],
        "author_links": [author.url for author in item.authors or []],
        "tags": item.tags,
        "published": utc(item.date_published),
        "updated": utc(item.date_modified),
        "summary": item.summary,
        "content": content,
        "media": [{"url": item.image}] if item.image else [],
        "enclosures": [],
    }


def json_feed(data):
    try:
        feed = jsonfeed.Feed.parse_string(data.decode("utf-8"))
    except (jsonfeed.ParseError, ValueError, KeyError, TypeError, AssertionError) as problem:
        return {"bozo": True, "problem": repr(problem), "entries": []}
    return {
        "bozo": False,
        "problem": "",
        "version": "json11",
        "title": feed.title,
        "language": feed.language,
        "entries": [json_item(item) for item in feed.items],
    }


data = sys.stdin.buffer.read()
read = json_feed if data.lstrip().startswith(b"{") else xml_feed
print(json.dumps(read(data)))
