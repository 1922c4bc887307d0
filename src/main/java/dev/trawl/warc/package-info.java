/**
 * WARC/1.1 archives of a crawl (issue 11): {@link dev.trawl.warc.WarcArchive} for {@code trawl crawl --warc DIR},
 * {@link dev.trawl.warc.WarcExport} for {@code trawl export --format warc}, {@link dev.trawl.warc.PayloadDigest} for
 * the SHA-1 of a page's payload that the crawl stores and compares on a recrawl. jwarc builds and serializes the
 * records; this package decides what goes in them, where the files go, and how they survive a crash.
 *
 * <p>Records. Per exchange, a {@code request} record (the request bytes as sent) and a {@code response} record (the
 * status line, headers and body as received, content and transfer coding kept), linked both ways by
 * {@code WARC-Concurrent-To}, with {@code WARC-IP-Address} when known, {@code WARC-Block-Digest} (SHA-1 of the
 * block) and {@code WARC-Payload-Digest} (SHA-1 of the entity body: chunk framing removed, content coding kept), and
 * {@code WARC-Truncated} when the body was cut. An unchanged page on a recrawl is a {@code revisit} record
 * (identical-payload-digest profile; server-not-modified for a 304) holding the response head only. Every record is
 * its own gzip member.
 *
 * <p>Files. {@code PREFIX-YYYYMMDDHHMMSS-NNNNN.warc.gz}, each starting with a {@code warcinfo} record, written as
 * {@code NAME.warc.gz.open} and renamed when complete (rotation, end of crawl), after being forced to disk.
 *
 * <p>Bounds, all set in {@link dev.trawl.warc.WarcArchiveConfig}: a record's body is at most {@code maxBodyBytes}
 * (the crawl's --max-body, default 10 MB; the response head is bounded by the fetcher's header limit); encoded
 * records waiting for the writer at most {@code queueBytes} (32 MB); a file at most {@code maxFileBytes} (1 GB)
 * unless one capture alone is larger.
 *
 * <p>No nulls unless documented.
 */
package dev.trawl.warc;
