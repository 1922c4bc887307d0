package dev.trawl.warc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trawl.warc.WarcFiles.Read;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcResponse;

class WarcExportTest {
    @TempDir
    Path dir;

    @Test
    void writesWarcinfoThenTheStoredCapturesAsTheCrawlWouldHave() throws Exception {
        Path file = dir.resolve("export.warc.gz");
        List<WarcExchange> stored;
        try (LiveExchanges site = new LiveExchanges()) {
            // As a store would hand them back: no request kept for the first two, one with its request.
            WarcExchange plain = site.capture("/plain");
            WarcExchange chunked = site.capture("/chunked");
            stored = List.of(withoutRequest(plain), withoutRequest(chunked), site.capture("/gzip"));
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            WarcExport export = WarcExport.start(out, file.getFileName().toString(), WarcArchiveTest.INFO, 1L << 20,
                    Captures.T0);
            for (WarcExchange capture : stored) {
                export.add(capture);
            }
            export.addRevisit(stored.getFirst(), new Revisit(stored.getFirst().targetUri(), Captures.T0,
                    PayloadDigest.of(stored.getFirst())));
            export.finish();
            assertThat(export.captures()).isEqualTo(4);
        }

        List<Read> records = WarcFiles.read(file);
        assertThat(records).extracting(Read::type)
                .containsExactly("warcinfo", "response", "response", "request", "response", "revisit");
        assertThat(records.getFirst().header("WARC-Filename")).isEqualTo("export.warc.gz");
        assertThat(records.get(1).block()).isEqualTo(WarcFiles.concat(stored.get(0).responseHead(), stored.get(0).body()));
        assertThat(records.get(2).block()).isEqualTo(WarcFiles.concat(stored.get(1).responseHead(), stored.get(1).body()));
        assertThat(((WarcResponse) records.get(2).record()).concurrentTo()).isEmpty();
        assertThat(records.get(3).block()).isEqualTo(stored.get(2).requestHead());
        assertThat(records.get(2).header("WARC-Payload-Digest")).isEqualTo(PayloadDigest.of(stored.get(1)));
        assertThat(records.get(5).header("WARC-Refers-To-Target-URI")).isEqualTo(stored.getFirst().targetUri());
    }

    private static WarcExchange withoutRequest(WarcExchange e) {
        return new WarcExchange(e.targetUri(), e.fetchedAt(), null, null, e.responseHead(), e.body(), e.bodyLength(), e.truncation());
    }
}
