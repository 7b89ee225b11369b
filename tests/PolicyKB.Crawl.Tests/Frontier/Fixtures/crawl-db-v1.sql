-- crawl.db as the crawler before re-check periods wrote it (no checked_at column), with one finished run.
CREATE TABLE runs (id INTEGER PRIMARY KEY AUTOINCREMENT, site TEXT NOT NULL, started TEXT NOT NULL, finished TEXT);
CREATE TABLE pages (
    url TEXT PRIMARY KEY, site TEXT NOT NULL, kind INTEGER NOT NULL, parent TEXT, link_text TEXT,
    seq INTEGER NOT NULL, fetched_run INTEGER, done_run INTEGER, etag TEXT, last_modified TEXT,
    snapshot TEXT, content_type TEXT, site_url TEXT, document_id TEXT, error TEXT);
CREATE INDEX pages_due ON pages (site, kind, seq);
CREATE INDEX pages_parent ON pages (parent);
CREATE TABLE fetch_log (id INTEGER PRIMARY KEY AUTOINCREMENT, run INTEGER NOT NULL, url TEXT NOT NULL,
    at TEXT NOT NULL, outcome TEXT NOT NULL, http INTEGER NOT NULL, attempts INTEGER NOT NULL, bytes INTEGER NOT NULL, error TEXT);
INSERT INTO runs (id, site, started, finished) VALUES (1, 'ndrc', '2026-11-01T02:00:00.0000000+00:00', '2026-11-01T02:05:00.0000000+00:00');
INSERT INTO pages (url, site, kind, seq, fetched_run, done_run, etag, snapshot, content_type, site_url, document_id)
VALUES ('https://www.ndrc.gov.cn/xxgk/zcfb/tz/202311/t20231106_1361856.html', 'ndrc', 1, 2, 1, 1, 'W/"6548a1f2-3c1d"',
        '5f2b9c', 'text/html; charset=utf-8', 'https://www.ndrc.gov.cn/xxgk/zcfb/tz/202311/t20231106_1361856.html', 'd0148916185b2d96cd9c');
INSERT INTO pages (url, site, kind, seq, done_run) VALUES ('https://www.ndrc.gov.cn/xxgk/zcfb/tz/', 'ndrc', 0, 1, 1);
