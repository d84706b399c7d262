#!/usr/bin/env python3
"""The search benchmark (issue 13), for ./bench-search.

For each archive size (the large-archive benchmark's generated archives in
target/bench-archive/N, made by it or here and reused), on SQLite and then on PostgreSQL,
with the page cache off and one app process:

- `masthead reindex`: the time to build the whole index, and per 100,000 stories;
- the index's size on disk per story (SQLite: the FTS5 table's pages and the snippet
  text, from dbstat; PostgreSQL: pg_total_relation_size of search_terms and search_docs);
- latency of the reader search page, median and p99 measured by the client, for one-word,
  two-word, phrase and Arabic queries (~100 sequential requests per kind, rotating over
  a dozen queries of that kind, after a few warm-ups);
- throughput: wrk -t2 -c64 rotating over the one-word queries, against WordPress's search
  of the same stories measured in the same run (tools/wordpress_bench.py: WordPress 6.1,
  PHP 8.2, Apache and MariaDB from Debian's packages, up to WORDPRESS_MOST stories), and
  against DESIGN.md's figure for it on 2,000 posts (11 requests/s).

The latencies and the first throughput are of searches run every time (the node's cache
of popular searches off, MASTHEAD__SEARCH_CACHE_ENTRIES=0); the second throughput is of
the same dozen one-word searches as popular ones, kept by the node until the index changes.

Prints one Markdown table and writes it to target/bench-search.md.

Usage: search_bench.py --binary PATH [--postgres URL] [--port N] [--seconds S]
                       [--no-wordpress] SIZE...
Standard library only (plus the wrk, sqlite3 and psql commands, and WordPress's).
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import archive_bench as archive  # noqa: E402  (the generated archives, the app, wrk)
import wordpress_bench as wordpress  # noqa: E402

TABLE = "target/bench-search.md"
REQUESTS = 100  # sequential requests per kind of query
WARMUPS = 5
WORDPRESS_SEARCH = 11.0  # requests/s on 2,000 posts, DESIGN.md
# The largest archive WordPress is measured on: a search of its 1,000,000 posts would scan
# about 10 GB (about 30 s each), past what a run can wait for.
WORDPRESS_MOST = 100_000

# Queries of each kind, over the demo generator's subjects, places and words (so that each
# finds stories in any archive size).
QUERIES = {
    "one word": ["ceasefire", "elections", "tourism", "football", "energy", "istanbul",
                 "museum", "budget", "diplomats", "harvest", "festival", "inflation"],
    "two words": ["ceasefire proposal", "trade corridor", "football club", "energy prices",
                  "istanbul metro", "museum exhibition", "visa deal", "judicial reform",
                  "tourism season", "school meals", "media law", "rental regulation"],
    "phrase": ['"ceasefire proposal"', '"trade corridor"', '"judicial reform"',
               '"media law"', '"visa facilitation"', '"school meal"', '"maritime borders"',
               '"consumer protection"', '"rental regulation"', '"water-sharing framework"',
               '"new cultural centre"', '"autumn harvest"'],
    "Arabic": ["الانتخابات", "وقف إطلاق النار", "إسطنبول", "الممر التجاري", "التأشيرات",
               "أنقرة", "المترو", "الإصلاحات القضائية", "الحصاد", "امتحان القبول",
               "الإقامة", "المدينة"],
}


def path_of(kind, query):
    prefix = "/ar" if kind == "Arabic" else ""
    return f"{prefix}/search?q={urllib.parse.quote(query)}"


def latencies(port, paths):
    """(median ms, p99 ms, statuses) of ~REQUESTS sequential GETs rotating over paths."""
    for path in paths[:WARMUPS]:
        archive.get(port, path)
    times, statuses = [], set()
    for n in range(REQUESTS):
        status, seconds, _ = archive.get(port, paths[n % len(paths)])
        statuses.add(status)
        times.append(seconds * 1000)
    return statistics.median(times), archive.p99(times), statuses


def reindex(binary, arguments, log_path):
    """Seconds `masthead reindex` took (its own figure), and its output."""
    started = time.time()
    done = subprocess.run([binary, "reindex", *arguments], capture_output=True, text=True)
    with open(log_path, "w") as out:
        out.write(done.stdout + done.stderr)
    if done.returncode != 0:
        raise RuntimeError(f"masthead reindex failed; see {log_path}")
    found = re.search(r"Indexed (\d+) stories in ([\d.]+) s", done.stdout)
    return (float(found.group(2)) if found else time.time() - started), int(found.group(1))


def sqlite_index_bytes(db):
    rows = archive.Sql(sqlite_file=db).rows(
        "SELECT COALESCE(SUM(pgsize), 0) FROM dbstat "
        "WHERE name LIKE 'search%' OR name LIKE 'sqlite_autoindex_search%'")
    return int(rows[0][0])


def postgres_index_bytes(url):
    return int(archive.Sql(postgres_url=url).value(
        "SELECT pg_total_relation_size('search_terms') + pg_total_relation_size('search_docs')"))


def measure(app, folder, seconds):
    result = {}
    for kind, queries in QUERIES.items():
        paths = [path_of(kind, query) for query in queries]
        median, tail, statuses = latencies(app.port, paths)
        result[kind] = (median, tail)
        if statuses != {200}:
            result.setdefault("bad", []).append(f"{kind}: HTTP {sorted(statuses)}")
        archive.log(f"  {kind}: median {median:.1f} ms, p99 {tail:.1f} ms")
    paths = [path_of("one word", query) for query in QUERIES["one word"]]
    rps, tail, bad, errors = archive.load(app.port, paths, folder, seconds)
    result["rps"] = rps
    result["wrk_p99"] = tail
    if bad or errors:
        result.setdefault("bad", []).append(f"wrk: {bad} non-2xx {errors}")
    archive.log(f"  wrk: {rps:.0f} requests/s, p99 {tail}")
    return result


def measure_popular(app, folder, seconds):
    """Requests/s of the one-word searches kept as popular ones (each asked once first)."""
    paths = [path_of("one word", query) for query in QUERIES["one word"]]
    for path in paths:
        archive.get(app.port, path)
    rps, tail, bad, errors = archive.load(app.port, paths, folder, seconds)
    archive.log(f"  wrk, popular searches kept: {rps:.0f} requests/s, p99 {tail}")
    problems = [f"wrk popular: {bad} non-2xx {errors}"] if bad or errors else []
    return rps, problems


def serve(binary, arguments, log_path, port, keep_popular=False):
    settings = {} if keep_popular else {"MASTHEAD__SEARCH_CACHE_ENTRIES": "0"}
    app = archive.App([binary, "serve", *arguments, "--addr", f"127.0.0.1:{port}"],
                      log_path, port, settings)
    app.wait_ready(600)
    return app


def measure_both(binary, arguments, folder, port, seconds):
    """measure() with every search run, then measure_popular() with popular ones kept."""
    app = serve(binary, arguments, os.path.join(folder, "serve-search.log"), port)
    result = measure(app, folder, seconds)
    app.stop()
    app = serve(binary, arguments, os.path.join(folder, "serve-popular.log"), port, True)
    result["popular_rps"], problems = measure_popular(app, folder, seconds)
    app.stop()
    if problems:
        result.setdefault("bad", []).extend(problems)
    return result


def run_size(binary, size, port, postgres, seconds, rows, with_wordpress):
    folder = os.path.abspath(os.path.join(archive.WORK, str(size)))
    archive.generate(binary, size, folder, port)
    db = os.path.join(folder, "masthead.db")

    archive.log(f"{size}: SQLite: reindex")
    took, stories = reindex(binary, ["--data", folder], os.path.join(folder, "reindex.log"))
    index_bytes = sqlite_index_bytes(db)
    result = measure_both(binary, ["--data", folder], folder, port, seconds)
    result.update(backend="SQLite", size=size, stories=stories, reindex=took,
                  index_bytes=index_bytes)
    rows.append(result)

    wordpress_rps = None
    if with_wordpress and size <= WORDPRESS_MOST:
        archive.log(f"{size}: WordPress on the same stories")
        paths = [path_of("one word", query) for query in QUERIES["one word"]]
        wordpress_rps, problems = wordpress.measure(size, db, folder, port + 1, paths, seconds)
        result.setdefault("bad", []).extend(problems)
    result["wordpress_rps"] = wordpress_rps

    if postgres is None:
        return
    name = f"masthead_search_{size}_{os.getpid()}"
    url = postgres.rsplit("/", 1)[0] + "/" + name
    server = archive.Sql(postgres_url=postgres)
    server.rows(f"DROP DATABASE IF EXISTS {name}")
    server.rows(f"CREATE DATABASE {name}")
    archive.databases.append((server, name))
    pg_folder = os.path.join(folder, "pg-search")
    shutil.rmtree(pg_folder, ignore_errors=True)
    os.makedirs(pg_folder)
    archive.log(f"{size}: copying to PostgreSQL ({name}) ...")
    subprocess.run([binary, "copy", "--from", folder, "--to", url], check=True,
                   capture_output=True)
    archive.log(f"{size}: PostgreSQL: reindex")
    took, stories = reindex(binary, ["--data", folder, "--database-url", url],
                            os.path.join(pg_folder, "reindex.log"))
    index_bytes = postgres_index_bytes(url)
    result = measure_both(binary, ["--data", folder, "--database-url", url], pg_folder, port,
                          seconds)
    archive.drop(server, name)
    result.update(backend="PostgreSQL", size=size, stories=stories, reindex=took,
                  index_bytes=index_bytes, wordpress_rps=wordpress_rps)
    rows.append(result)


def table(rows):
    kinds = list(QUERIES)
    head = ["stories", "database", "reindex", "per 100k", "index / story"]
    head += [f"{kind} median / p99" for kind in kinds]
    head += ["WordPress req/s (same stories)", "req/s (one word)", "× WordPress",
             "× 11/s", "req/s (popular, kept)", "× WordPress", "× 11/s"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in rows:
        per_100k = row["reindex"] / max(row["stories"], 1) * 100_000
        cells = [f"{row['stories']:,}", row["backend"], f"{row['reindex']:.1f} s",
                 f"{per_100k:.0f} s", f"{row['index_bytes'] / max(row['stories'], 1) / 1024:.1f} KB"]
        cells += [f"{row[kind][0]:.1f} / {row[kind][1]:.1f} ms" for kind in kinds]
        measured = row.get("wordpress_rps")
        cells.append(f"{measured:.2f}" if measured else "–")
        for rps in (row["rps"], row["popular_rps"]):
            times = f"{rps / measured:,.0f}×" if measured else "–"
            cells += [f"{rps:,.0f}", times, f"{rps / WORDPRESS_SEARCH:,.0f}×"]
        lines.append("| " + " | ".join(cells) + " |")
    problems = [f"{row['size']} {row['backend']}: {bad}" for row in rows
                for bad in row.get("bad", [])]
    if problems:
        lines.append("")
        lines.extend(f"- problem: {problem}" for problem in problems)
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--binary", default="target/release/masthead")
    parser.add_argument("--postgres", help="a PostgreSQL server URL; none skips PostgreSQL")
    parser.add_argument("--port", type=int, default=18942)
    parser.add_argument("--seconds", type=int, default=10, help="wrk duration")
    parser.add_argument("--no-wordpress", action="store_true",
                        help="skip measuring WordPress on the same stories")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    if not archive.port_free(args.port):
        sys.exit(f"something answers on 127.0.0.1:{args.port} already (MASTHEAD_BENCH_PORT)")

    archive.stop_on_signals()
    rows = []
    try:
        for size in args.sizes:
            run_size(binary, size, args.port, args.postgres, args.seconds, rows,
                     not args.no_wordpress)
    finally:
        archive.cleanup()
        if rows:
            text = table(rows) + "\n"
            os.makedirs(os.path.dirname(TABLE), exist_ok=True)
            with open(TABLE, "w") as out:
                out.write(text)
            print()
            print(text)
            archive.log(f"(saved to {TABLE})")


if __name__ == "__main__":
    main()
