#!/usr/bin/env python3
"""WordPress's search on the same stories, for ./bench-search (issue 13's aim: at least 100
times WordPress's search rate, measured in the same run).

WordPress 6.1 with PHP 8.2, Apache (prefork, mod_php, OPcache on) and MariaDB, all from
Debian 12's packages, the versions DESIGN.md's peer figures name: `install()` installs
the packages that are missing. For an archive of Masthead's (target/bench-archive/N), `Site`
makes a WordPress database holding every published story as a post (headline as title,
standfirst as excerpt, the body's text as editor blocks, the publication time), served by an
Apache instance of its own on a local port, with the default theme. MariaDB's buffer pool
is raised for the run to hold the posts (a site of that size would be tuned so) and put
back afterwards.

`measure()` asks `/?s=WORD` for the benchmark's one-word queries from four clients at once
for at least a minute (`rate()`: requests under way at the end are waited for and counted),
and returns the rate.

Standard library only (plus the apt-get, mysql, php and apache2 commands).
"""

import html
import http.client
import json
import os
import shutil
import sqlite3
import subprocess
import threading
import time
import urllib.request

import archive_bench as archive

PACKAGES = ["wordpress", "apache2", "libapache2-mod-php", "php-mysql"]
WORDPRESS = "/usr/share/wordpress"
CONFIG_NAME = "masthead-bench"  # /etc/wordpress/config-masthead-bench.php
DB_USER = "masthead_bench"
BUFFER_POOL = 4 << 30  # bytes: every post of 100,000 stories, several times over
BATCH = 500  # posts per INSERT
# Clients asking WordPress at once: each search is one MariaDB query that keeps a core busy
# for the whole scan (seconds at 100,000 posts), so four keep both cores busy; more only
# queue (DESIGN.md's peers were measured with wrk -c64, whose 2-s timeout would drop every
# request of a search this long).
CLIENTS = 4
MIN_SECONDS = 60


def install():
    """Installs WordPress, Apache and PHP from Debian's packages if any is missing."""
    if os.path.exists(os.path.join(WORDPRESS, "wp-load.php")) and shutil.which("apache2"):
        return
    archive.log("installing WordPress, Apache and PHP from Debian's packages ...")
    subprocess.run(["apt-get", "install", "-y", "-q", *PACKAGES], check=True,
                   stdout=subprocess.DEVNULL,
                   env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})


def mysql(sql, database=None):
    command = ["mysql", "-uroot", "--batch", "--skip-column-names"]
    if database:
        command.append(database)
    done = subprocess.run(command, input=sql.encode(), check=True, capture_output=True)
    return done.stdout.decode().strip()


def quote(text):
    """A MariaDB string literal."""
    if text is None:
        return "''"
    escaped = (text.replace("\\", "\\\\").replace("'", "\\'").replace("\0", "\\0")
               .replace("\n", "\\n").replace("\r", "\\r"))
    return f"'{escaped}'"


def text(value):
    """Text as HTML's character data."""
    return html.escape(value, quote=False)


def runs(inlines):
    return text("".join(inline.get("text", "") for inline in inlines))


def blocks(body_json):
    """A story's body as WordPress's editor writes it, a block for each of its paragraphs,
    headings, quotes and lists: the text Masthead indexes of a body (`Body::paragraphs`)."""
    out = []
    for block in json.loads(body_json):
        kind = block.get("type")
        if kind == "paragraph":
            out.append(f"<!-- wp:paragraph -->\n<p>{runs(block['inlines'])}</p>\n"
                       "<!-- /wp:paragraph -->")
        elif kind == "heading":
            out.append(f"<!-- wp:heading -->\n<h2>{text(block['text'])}</h2>\n"
                       "<!-- /wp:heading -->")
        elif kind == "quote":
            cite = f"<cite>{text(block['cite'])}</cite>" if block.get("cite") else ""
            out.append(f"<!-- wp:quote -->\n<blockquote class=\"wp-block-quote\"><p>"
                       f"{text(block['text'])}</p>{cite}</blockquote>\n<!-- /wp:quote -->")
        elif kind == "list":
            tag = "ol" if block.get("ordered") else "ul"
            items = "".join(f"<li>{runs(item)}</li>" for item in block["items"])
            out.append(f"<!-- wp:list -->\n<{tag}>{items}</{tag}>\n<!-- /wp:list -->")
    return "\n\n".join(out)


def posts(db_path):
    """Each published story of the archive as a post's values, oldest first."""
    source = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    rows = source.execute(
        "SELECT s.id, s.headline, s.standfirst, s.slug, s.published_at, b.body "
        "FROM stories s JOIN story_bodies b ON b.story_id = s.id "
        "WHERE s.status = 'published' ORDER BY s.id")
    for story_id, headline, standfirst, slug, published_at, body in rows:
        date = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(published_at or 0))
        yield (f"({story_id}, 1, '{date}', '{date}', {quote(blocks(body))}, "
               f"{quote(headline)}, {quote(standfirst)}, 'publish', 'open', 'open', "
               f"{quote(slug[:200])}, '', '', '{date}', '{date}', '', 0, "
               f"'http://127.0.0.1/?p={story_id}', 0, 'post', '', 0)")
    source.close()


def config(database):
    with open(f"/etc/wordpress/config-{CONFIG_NAME}.php", "w") as out:
        out.write(f"""<?php
define('DB_NAME', '{database}');
define('DB_USER', '{DB_USER}');
define('DB_PASSWORD', '{DB_USER}');
define('DB_HOST', 'localhost');
define('WP_CONTENT_DIR', '/var/lib/wordpress/wp-content');
define('DISABLE_WP_CRON', true);
""")


def apache_config(folder, port):
    path = os.path.join(folder, "apache.conf")
    with open(path, "w") as out:
        out.write(f"""ServerRoot /etc/apache2
ServerName 127.0.0.1
Listen 127.0.0.1:{port}
DefaultRuntimeDir {folder}
PidFile {folder}/apache.pid
ErrorLog {folder}/apache-error.log
LogLevel warn
User www-data
Group www-data
IncludeOptional mods-enabled/*.load
IncludeOptional mods-enabled/*.conf
DocumentRoot {WORDPRESS}
SetEnv WORDPRESS_CONFIG {CONFIG_NAME}
DirectoryIndex index.php
<Directory {WORDPRESS}>
    Options FollowSymLinks
    AllowOverride None
    Require all granted
</Directory>
""")
    return path


class Site:
    """A WordPress site holding an archive's stories, served on `port`."""

    def __init__(self, size, db_path, folder, port):
        self.port = port
        self.folder = os.path.join(folder, "wordpress")
        os.makedirs(self.folder, exist_ok=True)
        self.database = f"masthead_bench_wp_{size}"
        self.url = f"http://127.0.0.1:{port}"
        self.conf = None
        self.buffer_pool = int(mysql("SELECT @@innodb_buffer_pool_size"))
        mysql(f"SET GLOBAL innodb_buffer_pool_size = {max(BUFFER_POOL, self.buffer_pool)}")
        try:
            self.make(db_path)
            self.conf = apache_config(self.folder, port)
            subprocess.run(["apache2", "-f", self.conf, "-k", "start"], check=True)
            deadline = time.time() + 30
            while archive.port_free(port) and time.time() < deadline:
                time.sleep(0.2)
            for _ in range(3):  # PHP's OPcache and MariaDB's pages warm
                urllib.request.urlopen(f"{self.url}/?s=warm", timeout=120).read()
        except BaseException:
            # Whatever failed, MariaDB's buffer pool goes back and the posts go.
            self.stop()
            raise

    def make(self, db_path):
        started = time.time()
        mysql(f"DROP DATABASE IF EXISTS {self.database}; CREATE DATABASE {self.database} "
              "CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci; "
              f"CREATE USER IF NOT EXISTS '{DB_USER}'@'localhost' IDENTIFIED BY '{DB_USER}'; "
              f"GRANT ALL ON {self.database}.* TO '{DB_USER}'@'localhost';")
        config(self.database)
        php = f"""<?php
$_SERVER['HTTP_HOST'] = '127.0.0.1';
$_SERVER['WORDPRESS_CONFIG'] = '{CONFIG_NAME}';
define('WP_INSTALLING', true);
require '{WORDPRESS}/wp-load.php';
require ABSPATH . 'wp-admin/includes/upgrade.php';
wp_install('Masthead bench', 'admin', 'admin@example.com', true, '', 'bench-password');
update_option('home', 'http://127.0.0.1:{self.port}');
update_option('siteurl', 'http://127.0.0.1:{self.port}');
"""
        # (Its welcome mail finds no sendmail here: the output is shown only on failure.)
        done = subprocess.run(["php", "-r", php.removeprefix("<?php\n")],
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"installing WordPress failed: {done.stdout}{done.stderr}")
        mysql("DELETE FROM wp_posts; DELETE FROM wp_postmeta; DELETE FROM wp_comments;",
              self.database)
        columns = ("ID, post_author, post_date, post_date_gmt, post_content, post_title, "
                   "post_excerpt, post_status, comment_status, ping_status, post_name, "
                   "to_ping, pinged, post_modified, post_modified_gmt, "
                   "post_content_filtered, post_parent, guid, menu_order, post_type, "
                   "post_mime_type, comment_count")
        loader = subprocess.Popen(["mysql", "-uroot", self.database], stdin=subprocess.PIPE)
        batch, count = [], 0
        for values in posts(db_path):
            batch.append(values)
            count += 1
            if len(batch) == BATCH:
                loader.stdin.write(f"INSERT INTO wp_posts ({columns}) VALUES "
                                   f"{','.join(batch)};\n".encode())
                batch = []
        if batch:
            loader.stdin.write(f"INSERT INTO wp_posts ({columns}) VALUES "
                               f"{','.join(batch)};\n".encode())
        loader.stdin.close()
        if loader.wait() != 0:
            raise RuntimeError("loading the posts into MariaDB failed")
        mysql(f"UPDATE wp_term_taxonomy SET count = {count} WHERE term_id = 1; "
              "INSERT IGNORE INTO wp_term_relationships (object_id, term_taxonomy_id) "
              "SELECT ID, 1 FROM wp_posts; ANALYZE TABLE wp_posts;", self.database)
        archive.log(f"  WordPress: {count} posts loaded in {time.time() - started:.0f} s")
        self.posts = count

    def stop(self):
        if self.conf:
            subprocess.run(["apache2", "-f", self.conf, "-k", "stop"], check=False)
            deadline = time.time() + 30
            while not archive.port_free(self.port) and time.time() < deadline:
                time.sleep(0.2)
        mysql(f"DROP DATABASE IF EXISTS {self.database}")
        mysql(f"SET GLOBAL innodb_buffer_pool_size = {self.buffer_pool}")


def rate(port, paths, seconds, workers):
    """Requests a second of `workers` clients, each asking `paths` in turn, one request at
    a time, until `seconds` have passed; requests under way then are finished and counted
    (wrk drops them, which undercounts a rate of seconds-long requests). Returns the rate
    and the statuses other than 200 (and the errors of clients that could not go on: their
    requests are missing from the rate)."""
    started = time.perf_counter()
    deadline = started + seconds
    done, bad = [], []

    def client(first):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
        n = first
        try:
            while time.perf_counter() < deadline:
                status, _, _ = archive.get(port, paths[n % len(paths)], connection)
                done.append(time.perf_counter())
                if status != 200:
                    bad.append(status)
                n += 1
        except (OSError, http.client.HTTPException) as error:
            bad.append(f"a client stopped: {error}")
        finally:
            connection.close()

    threads = [threading.Thread(target=client, args=(n * len(paths) // workers,))
               for n in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return len(done) / (max(done, default=deadline) - started), bad


def measure(size, db_path, folder, port, paths, seconds):
    """WordPress's search rate (requests/s) over `paths` (`/search?q=…` of Masthead's,
    asked of WordPress as `/?s=…`), and what went wrong."""
    install()
    if not archive.port_free(port):
        raise RuntimeError(f"something answers on 127.0.0.1:{port} already (WordPress's port)")
    site = Site(size, db_path, folder, port)
    try:
        wordpress_paths = [path.replace("/search?q=", "/?s=") for path in paths]
        with urllib.request.urlopen(f"{site.url}{wordpress_paths[0]}", timeout=120) as page:
            first = page.read().decode()
        if "wp-block-post-title" not in first:
            raise RuntimeError(f"WordPress found nothing for {wordpress_paths[0]}")
        rps, bad = rate(port, wordpress_paths, max(seconds, MIN_SECONDS), CLIENTS)
        archive.log(f"  WordPress ({site.posts} posts): {rps:.2f} requests/s")
        problems = [f"WordPress: {sorted(set(map(str, bad)))}"] if bad else []
        return rps, problems
    finally:
        site.stop()
