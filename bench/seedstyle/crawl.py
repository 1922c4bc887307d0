#!/usr/bin/env python3
"""The seed-style crawler of issue 13, as a tutorial would write it: asyncio + aiohttp + asyncpg + lxml.

    crawl.py SEED_URL DSN [--concurrency 64]

64 workers share one asyncio queue and one aiohttp session (at most 64 connections); each takes a URL, GETs
it, parses HTML with lxml, stores url, status and title with one INSERT per page through an asyncpg pool, and
queues every link on the seed's host (scheme and host:port equal, fragment dropped) not seen before. It stops
when the queue is drained. Prints "pages=N" (rows inserted) at the end.
"""
import argparse
import asyncio
from urllib.parse import urldefrag, urljoin, urlsplit

import aiohttp
import asyncpg
import lxml.html

SCHEMA = "CREATE TABLE IF NOT EXISTS pages (url text PRIMARY KEY, status int, title text)"


def links_and_title(base, body):
    doc = lxml.html.fromstring(body)
    title = doc.findtext(".//title")
    hrefs = [urldefrag(urljoin(base, href))[0] for href in doc.xpath("//a/@href")]
    return title, hrefs


async def worker(queue, seen, origin, session, pool, counts):
    while True:
        url = await queue.get()
        try:
            async with session.get(url, allow_redirects=False) as response:
                status = response.status
                body = await response.read()
                html = "html" in response.headers.get("Content-Type", "")
            title = None
            if status == 200 and html and body:
                title, hrefs = links_and_title(url, body)
                for href in hrefs:
                    parts = urlsplit(href)
                    if (parts.scheme, parts.netloc) == origin and href not in seen:
                        seen.add(href)
                        queue.put_nowait(href)
            async with pool.acquire() as db:
                await db.execute("INSERT INTO pages (url, status, title) VALUES ($1, $2, $3)", url, status, title)
            counts["pages"] += 1
        except (aiohttp.ClientError, asyncio.TimeoutError) as error:
            counts["errors"] += 1
            print(f"seedstyle: {url}: {error!r}")
        finally:
            queue.task_done()


async def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("seed")
    ap.add_argument("dsn")
    ap.add_argument("--concurrency", type=int, default=64)
    args = ap.parse_args()
    seed = urldefrag(args.seed)[0]
    origin = (urlsplit(seed).scheme, urlsplit(seed).netloc)
    pool = await asyncpg.create_pool(args.dsn, min_size=1, max_size=args.concurrency)
    await pool.execute(SCHEMA)
    queue = asyncio.Queue()
    seen = {seed}
    queue.put_nowait(seed)
    counts = {"pages": 0, "errors": 0}
    connector = aiohttp.TCPConnector(limit=args.concurrency)
    async with aiohttp.ClientSession(connector=connector) as session:
        workers = [asyncio.create_task(worker(queue, seen, origin, session, pool, counts))
                   for _ in range(args.concurrency)]
        await queue.join()
        for task in workers:
            task.cancel()
        await asyncio.gather(*workers, return_exceptions=True)
    await pool.close()
    print(f"pages={counts['pages']} errors={counts['errors']}")


if __name__ == "__main__":
    asyncio.run(main())
