package dev.trawl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trawl.ArchiveFiles.Record;
import dev.trawl.store.PostgresTestDatabase;
import dev.trawl.testsite.RawSite;
import dev.trawl.testsite.RecordingRelay;
import dev.trawl.testsite.TestSite;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trawl crawl --warc} end to end, on both stores: a site on the JDK HttpServer (behind a relay that keeps
 * every byte each way) and one on raw sockets (chunked, gzip, both), crawled with robots.txt, a redirect, a retried
 * 503, a 404, a PDF and a body past --max-body; the files read back with jwarc and checked record by record against
 * the bytes the servers sent and received.
 */
class WarcCrawlIT {
    private static final int MAX_BODY = 32 * 1024;
    private static final int MAX_FILE = 8 * 1024;
    private static final byte[] PDF = pdf();
    @TempDir Path dir;

    @Test
    void everyExchangeOfASqliteCrawlIsInTheArchiveAsSent() throws Exception {
        crawlAndCheck(dir.resolve("warc.db").toString());
    }

    @Test
    void everyExchangeOfAPostgresCrawlIsInTheArchiveAsSent() throws Exception {
        try (var pg = PostgresTestDatabase.create()) {
            crawlAndCheck(pg.url());
        }
    }

    private void crawlAndCheck(String db) throws Exception {
        Path warc = dir.resolve("archive");
        try (TestSite site = jdkSite(); RecordingRelay relay = new RecordingRelay(site.port()); RawSite raw = rawSite()) {
            var result = CliRunner.run("crawl", relay.url("/"), raw.url("/"), "--db", db, "--warc", warc,
                    "--warc-max-size", MAX_FILE + "B", "--max-body", MAX_BODY + "B", "--concurrency", "4", "--quiet");
            assertThat(result.exit()).as(result.toString()).isZero();
            assertThat(result.out()).containsPattern("warc: \\d+ exchanges \\(0 revisits\\) in \\d+ file\\(s\\) in " + warc);

            assertThat(ArchiveFiles.openFiles(warc)).as(result.toString()).isEmpty();
            assertThat(ArchiveFiles.files(warc)).as(result.toString()).isNotEmpty();
            List<Record> records = ArchiveFiles.read(warc);
            checkFilesAndDigests(warc, records);
            List<Record> responses = records.stream().filter(r -> r.type().equals("response")).toList();
            checkPairs(records, responses);
            checkRawSite(raw, records, responses);
            checkRelayedSite(relay, records, responses);

            assertThat(targets(responses)).contains(relay.url("/robots.txt"), raw.url("/robots.txt"));
            assertThat(responses.stream().filter(r -> r.target().equals(relay.url("/flaky"))).map(r -> status(r)))
                    .as("a retried 503 and the 200 after it").containsExactly(503, 200);
            Record pdf = only(responses, relay.url("/doc.pdf"));
            assertThat(Arrays.copyOfRange(pdf.block(), pdf.block().length - PDF.length, pdf.block().length))
                    .as("a body the crawl does not parse is read for the archive").isEqualTo(PDF);
            Record big = only(responses, relay.url("/big"));
            assertThat(big.truncated()).isEqualTo("length");
            assertThat(big.block().length - headLength(big.block())).isEqualTo(MAX_BODY);
            assertThat(responses).filteredOn(r -> !r.target().endsWith("/big")).allSatisfy(r -> assertThat(r.truncated()).isNull());

            Map<String, JsonNode> pages = CliRunner.export(db, dir.resolve("pages-" + System.nanoTime() + ".jsonl"));
            assertThat(pages.keySet()).contains(relay.url("/moved"), relay.url("/doc.pdf"), raw.url("/chunked-gzip"));
            assertThat(targets(responses)).as("the redirect hop").contains(relay.url("/c"));
            for (JsonNode page : pages.values()) {
                if (!page.get("status").isNull()) assertThat(targets(responses)).as("stored ⇒ archived").contains(page.get("url").asText());
            }
        }
    }

    /** Each file starts with a warcinfo record, stays under --warc-max-size unless it holds one capture; digests hold. */
    private static void checkFilesAndDigests(Path warc, List<Record> records) throws Exception {
        List<Path> files = ArchiveFiles.files(warc);
        assertThat(files).as("rotated at --warc-max-size").hasSizeGreaterThan(2);
        for (Path file : files) {
            List<Record> inFile = ArchiveFiles.readFile(file);
            assertThat(inFile.getFirst().type()).isEqualTo("warcinfo");
            assertThat(new String(inFile.getFirst().block(), StandardCharsets.UTF_8)).contains("software: trawl/0.1.0");
            if (inFile.size() > 3) assertThat(Files.size(file)).as("%s", file).isLessThanOrEqualTo(MAX_FILE);
        }
        for (Record r : records) {
            if (r.type().equals("warcinfo")) continue;
            assertThat(r.blockDigest()).as("%s %s", r.type(), r.target()).isEqualTo(r.computedBlockDigest());
            if (r.type().equals("response")) {
                assertThat(r.payloadDigest()).as("payload of %s", r.target()).isEqualTo(r.computedPayloadDigest());
            }
            assertThat(r.ip()).isEqualTo("127.0.0.1");
        }
    }

    /** Every response has exactly one request record, and the two name each other. */
    private static void checkPairs(List<Record> records, List<Record> responses) {
        List<Record> requests = records.stream().filter(r -> r.type().equals("request")).toList();
        assertThat(requests).hasSameSizeAs(responses);
        for (Record response : responses) {
            Record request = requestOf(records, response);
            assertThat(request.concurrentTo()).isEqualTo(response.id());
            assertThat(request.target()).isEqualTo(response.target());
        }
    }

    /** The raw site logged each exchange's exact bytes: the archive holds the same pairs, no more, no fewer. */
    private static void checkRawSite(RawSite raw, List<Record> records, List<Record> responses) {
        List<String> sent = new ArrayList<>();
        for (RawSite.Exchange e : raw.exchanges()) sent.add(pair(raw.url(e.target()), e.request(), e.response()));
        List<String> archived = new ArrayList<>();
        for (Record response : responses) {
            if (response.target().startsWith(raw.url("/"))) {
                archived.add(pair(response.target(), requestOf(records, response).block(), response.block()));
            }
        }
        assertThat(archived).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(sent).hasSizeGreaterThanOrEqualTo(6);
    }

    /**
     * Through the relay, each connection's bytes from the server are the response blocks one after another (the
     * one cut at --max-body last, as a prefix), and its bytes from the client the request blocks: every byte the
     * JDK server sent or got is in the archive, in order, exactly once.
     */
    private static void checkRelayedSite(RecordingRelay relay, List<Record> records, List<Record> responses) {
        List<byte[]> responseBlocks = new ArrayList<>();
        List<byte[]> requestBlocks = new ArrayList<>();
        for (Record response : responses) {
            if (!response.target().startsWith(relay.url("/"))) continue;
            responseBlocks.add(response.block());
            requestBlocks.add(requestOf(records, response).block());
        }
        int responsesBefore = responseBlocks.size();
        for (RecordingRelay.Connection c : relay.connections()) {
            consume(c.received().toByteArray(), responseBlocks, true);
            consume(c.sent().toByteArray(), requestBlocks, false);
        }
        assertThat(responsesBefore).isGreaterThanOrEqualTo(10);
        assertThat(responseBlocks).as("response records found in no connection").isEmpty();
        assertThat(requestBlocks).as("request records found in no connection").isEmpty();
    }

    /** Takes blocks off the front of stream in turn; only the last may leave bytes unread (when cutPrefixAllowed). */
    private static void consume(byte[] stream, List<byte[]> blocks, boolean cutPrefixAllowed) {
        int at = 0;
        while (at < stream.length) {
            byte[] found = null;
            for (byte[] block : blocks) {
                if (at + block.length <= stream.length
                        && Arrays.equals(block, 0, block.length, stream, at, at + block.length)) {
                    found = block;
                    break;
                }
            }
            assertThat(found).as("an archived block at byte %d of a %d-byte connection stream", at, stream.length).isNotNull();
            blocks.remove(found);
            at += found.length;
            if (cutPrefixAllowed && at < stream.length && isCut(found)) return;
        }
    }

    private static boolean isCut(byte[] block) {
        return new String(block, 0, headLength(block), StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT).contains("content-length: 100000");
    }

    private static Record requestOf(List<Record> records, Record response) {
        List<Record> found = records.stream().filter(r -> r.id().equals(response.concurrentTo())).toList();
        assertThat(found).as("request of %s", response.target()).hasSize(1);
        assertThat(found.getFirst().type()).isEqualTo("request");
        return found.getFirst();
    }

    private static Record only(List<Record> responses, String target) {
        List<Record> found = responses.stream().filter(r -> r.target().equals(target)).toList();
        assertThat(found).as(target).hasSize(1);
        return found.getFirst();
    }

    private static List<String> targets(List<Record> records) {
        return records.stream().map(Record::target).toList();
    }

    private static String pair(String target, byte[] request, byte[] response) {
        return target + "\n" + new String(request, StandardCharsets.ISO_8859_1) + "\n" + new String(response, StandardCharsets.ISO_8859_1);
    }

    private static int status(Record response) {
        return Integer.parseInt(new String(response.block(), 9, 3, StandardCharsets.US_ASCII));
    }

    static int headLength(byte[] message) {
        for (int i = 3; i < message.length; i++) {
            if (message[i] == '\n' && message[i - 1] == '\r' && message[i - 2] == '\n' && message[i - 3] == '\r') return i + 1;
        }
        throw new AssertionError("no end of head");
    }

    private static TestSite jdkSite() throws Exception {
        var site = TestSite.start();
        site.page("/", "home", "/a", "/b", "/moved", "/doc.pdf", "/missing", "/flaky", "/big");
        site.page("/a", "a", "/");
        site.gzipped("/b", "<title>b</title><a href=\"/a\">a</a>");
        site.redirect("/moved", 301, "/c");
        site.page("/c", "c");
        site.bytes("/doc.pdf", 200, "application/pdf", PDF);
        site.bytes("/missing", 404, "text/html", "<title>gone</title>".repeat(20).getBytes(StandardCharsets.UTF_8));
        site.sequence("/flaky", "<title>flaky</title>", 503, 200);
        site.bytes("/big", 200, "text/html", "<p>".repeat(100_000 / 3 + 1).substring(0, 100_000).getBytes(StandardCharsets.US_ASCII));
        site.bytes("/robots.txt", 200, "text/plain", "User-agent: *\nDisallow: /private\n".getBytes(StandardCharsets.US_ASCII));
        return site;
    }

    private static RawSite rawSite() throws Exception {
        byte[] html = "<title>raw</title><p>chunks and gzip</p>".repeat(40).getBytes(StandardCharsets.UTF_8);
        String type = "Content-Type: text/html; charset=utf-8\r\n";
        return RawSite.start()
                .fixed("/", RawSite.response("HTTP/1.1 200 OK", type, ("<title>raw home</title><a href=/chunked>c</a>"
                        + "<a href=/gzip>g</a><a href=/chunked-gzip>cg</a><a href=/image.png>i</a>").getBytes(StandardCharsets.UTF_8)))
                .fixed("/robots.txt", RawSite.response("HTTP/1.1 200 OK", "Content-Type: text/plain\r\n",
                        "User-agent: *\nAllow: /\n".getBytes(StandardCharsets.US_ASCII)))
                .fixed("/chunked", chunked(type, html))
                .fixed("/gzip", RawSite.response("HTTP/1.1 200 OK", type + "Content-Encoding: gzip\r\n", gzip(html)))
                .fixed("/chunked-gzip", chunked(type + "Content-Encoding: gzip\r\n", gzip(html)))
                .fixed("/image.png", RawSite.response("HTTP/1.1 200 OK", "Content-Type: image/png\r\n", PDF));
    }

    private static byte[] chunked(String headers, byte[] body) throws Exception {
        var out = new ByteArrayOutputStream();
        out.write(("HTTP/1.1 200 OK\r\n" + headers + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        for (int at = 0; at < body.length; at += 300) {
            int n = Math.min(300, body.length - at);
            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, at, n);
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.write("0\r\nX-Checksum: none\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    private static byte[] gzip(byte[] bytes) throws Exception {
        var out = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] pdf() {
        byte[] bytes = new byte[5000];
        new java.util.Random(7).nextBytes(bytes);
        byte[] magic = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(magic, 0, bytes, 0, magic.length);
        return bytes;
    }
}
