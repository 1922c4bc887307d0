package dev.trawl.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trawl.fetch.CapturedExchange;
import dev.trawl.warc.PayloadDigest;
import dev.trawl.warc.Revisit;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRevisit;

/** The crawl's sink: each captured exchange becomes records, a revisit when the task names an unchanged earlier capture. */
class WarcRecorderTest {
    private static final String URL = "http://127.0.0.1:8080/page";
    private static final Instant EARLIER = Instant.parse("2026-11-01T10:00:00Z");
    @TempDir Path dir;

    private static CapturedExchange exchange(String body, CapturedExchange.Cut cut) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " + bytes.length + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = "GET /page HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        return new CapturedExchange(URL, Instant.now(), InetAddress.getLoopbackAddress(), request, head, bytes, bytes.length, cut);
    }

    @Test
    void anUnchangedPayloadNamedByTheTaskIsARevisitAndEverythingElseAResponse() throws Exception {
        List<String> notes = new CopyOnWriteArrayList<>();
        CrawlListener listener = new CrawlListener() {
            @Override
            public void archiveNote(String line) {
                notes.add(line);
            }
        };
        var config = CrawlConfig.builder(List.of(URL)).warc(dir).build();
        WarcRecorder recorder = WarcRecorder.open(config, "{\"seeds\":[]}", listener);
        CapturedExchange page = exchange("<title>same</title>", CapturedExchange.Cut.NONE);
        String digest = PayloadDigest.ofEntity(page.body(), page.bodyLength());
        var previous = new Revisit(URL, EARLIER, digest);

        recorder.captured(page); // unbound: a first capture
        ScopedValue.where(WarcRecorder.PREVIOUS_CAPTURE, previous).call(() -> {
            recorder.captured(page); // unchanged: revisit
            recorder.captured(exchange("<title>changed</title>", CapturedExchange.Cut.NONE));
            recorder.captured(new CapturedExchange(page.url(), page.startedAt(), page.ip(), page.request(),
                    page.responseHead(), page.body(), 5, CapturedExchange.Cut.TIME)); // the same page, cut at --timeout
            return null;
        });
        notes.add(recorder.close());

        List<String> types = new ArrayList<>();
        List<WarcRecord> records = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir); WarcReader reader = new WarcReader(files.findFirst().orElseThrow())) {
            for (WarcRecord r : reader) {
                types.add(r.type());
                records.add(r);
            }
        }
        assertThat(types).containsExactly("warcinfo", "request", "response", "request", "revisit", "request", "response",
                "request", "response");
        WarcRevisit revisit = (WarcRevisit) records.get(4);
        assertThat(revisit.refersToDate()).contains(EARLIER);
        assertThat(revisit.payloadDigest().map(Object::toString)).contains(digest);
        assertThat(records.get(8).headers().first("WARC-Truncated")).as("a cut body is never a revisit").contains("time");
        assertThat(records.getFirst().headers().first("WARC-Filename")).isPresent();
        assertThat(notes).containsExactly("warc: 4 exchanges (1 revisits) in 1 file(s) in " + dir);
    }
}
