package dev.trawl.export;

import dev.trawl.store.PageReads;
import dev.trawl.store.PageStore;
import dev.trawl.store.StoredBody;
import dev.trawl.warc.WarcExchange;
import dev.trawl.warc.WarcExport;
import dev.trawl.warc.WarcInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * {@code trawl export --format warc}: the responses a crawl stored (--store-bodies) as a gzip WARC/1.1 stream, a
 * warcinfo record first, then a response record per page, streaming one page at a time. The store keeps bodies with
 * their transfer coding undone, so a head's Transfer-Encoding line is left out of its record (a reader would look
 * for chunk lines the body does not have); the content coding (gzip) is kept as the server sent it. The requests
 * are not stored, so there are no request records.
 */
final class StoredWarc {
    private StoredWarc() {}

    static long write(PageStore store, OutputStream out, String filename, long maxBody) throws IOException {
        WarcExport export = WarcExport.start(out, filename,
                new WarcInfo("trawl/" + dev.trawl.crawl.CrawlConfig.VERSION, null, null,
                        "exported from the stored bodies of a trawl crawl"), maxBody, Instant.now());
        try {
            store.storedPages(0, page -> add(export, page, maxBody));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        export.finish();
        return export.captures();
    }

    private static void add(WarcExport export, PageReads.StoredPage page, long maxBody) {
        try {
            byte[] body = page.body().received(maxBody);
            String uri = page.finalUrl() != null ? page.finalUrl() : page.url();
            export.add(WarcExchange.complete(uri, page.fetchedAt(), null, null, headWithoutTransferCoding(page.body()),
                    body));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // unwrapped by write
        }
    }

    static byte[] headWithoutTransferCoding(StoredBody body) {
        return TRANSFER_ENCODING.matcher(body.head()).replaceAll("").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A Transfer-Encoding header line of a stored head (lines end in CRLF). */
    private static final java.util.regex.Pattern TRANSFER_ENCODING =
            java.util.regex.Pattern.compile("(?im)^Transfer-Encoding:[^\r\n]*\r\n");
}
