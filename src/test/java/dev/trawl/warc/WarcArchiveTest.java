package dev.trawl.warc;

import static dev.trawl.warc.WarcFiles.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trawl.warc.WarcFiles.Read;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCaptureRecord;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.Warcinfo;

class WarcArchiveTest {
    static final WarcInfo INFO = new WarcInfo("trawl/0.1.0", "test operator", "trawl-test", "--max-pages 10\n--per-host 4");

    @TempDir
    Path dir;

    @Test
    void everyRecordHoldsTheServersBytesWithDigestsThatVerify() throws Exception {
        List<WarcExchange> exchanges;
        try (LiveExchanges site = new LiveExchanges()) {
            exchanges = List.of(site.capture("/plain"), site.capture("/chunked"), site.capture("/gzip"));
        }
        assertThat(new String(exchanges.get(1).responseHead(), StandardCharsets.ISO_8859_1))
                .as("the JDK server chunks a body of unknown length").containsIgnoringCase("transfer-encoding: chunked");
        List<Path> files;
        try (WarcArchive archive = WarcArchive.open(WarcArchiveConfig.defaults(dir, INFO))) {
            for (WarcExchange exchange : exchanges) {
                archive.write(exchange);
            }
            files = archive.closeAndList();
        }

        assertThat(files).hasSize(1);
        List<Read> records = WarcFiles.read(files.getFirst());
        assertThat(records).extracting(Read::type)
                .containsExactly("warcinfo", "request", "response", "request", "response", "request", "response");
        for (int i = 0; i < exchanges.size(); i++) {
            WarcExchange sent = exchanges.get(i);
            Read request = records.get(1 + 2 * i);
            Read response = records.get(2 + 2 * i);
            assertThat(request.block()).as("request block of %s", sent.targetUri()).isEqualTo(sent.requestHead());
            assertThat(response.block()).as("response block of %s", sent.targetUri())
                    .isEqualTo(concat(sent.responseHead(), sent.body()));
            for (Read read : List.of(request, response)) {
                WarcCaptureRecord capture = (WarcCaptureRecord) read.record();
                assertThat(capture.version().toString()).isEqualTo("WARC/1.1");
                assertThat(capture.target()).isEqualTo(sent.targetUri());
                assertThat(capture.date()).isEqualTo(sent.fetchedAt().truncatedTo(ChronoUnit.MILLIS));
                assertThat(capture.ipAddress()).contains(sent.ip());
                assertThat(capture.blockDigest()).as("block digest of the %s", read.type())
                        .contains(sha1(read.block()));
                assertThat(capture.truncated().name()).isEqualTo("NOT_TRUNCATED");
            }
            assertThat(((WarcCaptureRecord) request.record()).concurrentTo()).containsExactly(response.record().id());
            assertThat(((WarcCaptureRecord) response.record()).concurrentTo()).containsExactly(request.record().id());
            assertThat(request.record().contentType()).isEqualTo(MediaType.HTTP_REQUEST);
            assertThat(response.record().contentType()).isEqualTo(MediaType.HTTP_RESPONSE);
        }
        assertPayloadDigestIsTheEntityBody(records, exchanges);
    }

    private static void assertPayloadDigestIsTheEntityBody(List<Read> records, List<WarcExchange> exchanges) throws Exception {
        byte[] page = LiveExchanges.PAGE.getBytes(StandardCharsets.UTF_8);
        WarcResponse plain = (WarcResponse) records.get(2).record();
        WarcResponse chunked = (WarcResponse) records.get(4).record();
        WarcResponse gzip = (WarcResponse) records.get(6).record();
        assertThat(plain.payloadDigest()).contains(sha1(page));
        assertThat(chunked.payloadDigest()).as("chunk framing is not payload").contains(sha1(page));
        assertThat(gzip.payloadDigest()).as("content coding is payload").contains(sha1(exchanges.get(2).body()));
        assertThat(new String(gunzip(exchanges.get(2).body()), StandardCharsets.UTF_8)).isEqualTo(LiveExchanges.PAGE);
        assertThat(PayloadDigest.of(exchanges.get(1))).isEqualTo(sha1(page).toString());
    }

    @Test
    void eachRecordIsItsOwnGzipMember() throws Exception {
        Path file = writeAll(WarcArchiveConfig.defaults(dir, INFO), 5).getFirst();
        byte[] bytes = Files.readAllBytes(file);
        List<Read> records = WarcFiles.read(file);
        assertThat(records).hasSize(11);
        for (int i = 0; i < records.size(); i++) {
            long start = records.get(i).offset();
            long end = i + 1 < records.size() ? records.get(i + 1).offset() : bytes.length;
            byte[] member = gunzip(Arrays.copyOfRange(bytes, (int) start, (int) end));
            String text = new String(member, StandardCharsets.ISO_8859_1);
            assertThat(text).as("member %d decompresses to exactly one record", i).startsWith("WARC/1.1\r\n")
                    .contains("WARC-Record-ID: <" + records.get(i).record().id() + ">").endsWith("\r\n\r\n");
            assertThat(text.indexOf("WARC/1.1\r\n", 1)).as("no second record in member %d", i).isLessThan(0);
        }
    }

    @Test
    void warcinfoSaysWhatMadeTheFile() throws Exception {
        Path file = writeAll(WarcArchiveConfig.defaults(dir, INFO), 1).getFirst();
        Read first = WarcFiles.read(file).getFirst();
        assertThat(((Warcinfo) first.record()).filename()).contains(file.getFileName().toString());
        assertThat(first.record().contentType().toString()).isEqualTo("application/warc-fields");
        assertThat(new String(first.block(), StandardCharsets.UTF_8).split("\r\n")).containsExactly(
                "software: trawl/0.1.0",
                "format: WARC File Format 1.1",
                "conformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/",
                "operator: test operator",
                "http-header-user-agent: trawl-test",
                "description: --max-pages 10 --per-host 4");
    }

    @Test
    void rotatesBySizeIntoCompleteFilesEachStartingWithWarcinfo() throws Exception {
        long max = 8 * 1024;
        List<Path> files = writeAll(WarcArchiveConfig.defaults(dir, INFO).withMaxFileBytes(max), 60);

        assertThat(files).hasSizeGreaterThanOrEqualTo(3);
        assertThat(WarcFiles.list(dir, ".open")).isEmpty();
        assertThat(WarcFiles.list(dir, ".warc.gz")).isEqualTo(files);
        int captures = 0;
        for (Path file : files) {
            assertThat(file.getFileName().toString()).matches("trawl-\\d{14}-\\d{5}\\.warc\\.gz");
            List<Read> records = WarcFiles.read(file);
            assertThat(records.getFirst().type()).isEqualTo("warcinfo");
            assertThat(records.stream().skip(1).map(Read::type)).containsOnly("request", "response");
            captures += (records.size() - 1) / 2;
            assertThat(Files.size(file)).as("size of %s", file).isLessThanOrEqualTo(max);
        }
        assertThat(captures).isEqualTo(60);
        assertThat(files.stream().map(f -> f.getFileName().toString().substring(21, 26)))
                .as("serial numbers in order").isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aCaptureLargerThanTheFileLimitGetsAFileOfItsOwn() throws Exception {
        byte[] big = new byte[50_000];
        new java.util.Random(1).nextBytes(big); // incompressible
        try (WarcArchive archive = WarcArchive.open(WarcArchiveConfig.defaults(dir, INFO).withMaxFileBytes(10_000))) {
            archive.write(Captures.synthetic(0, 100));
            archive.write(Captures.synthetic(1, big));
            archive.write(Captures.synthetic(2, 100));
            List<Path> files = archive.closeAndList();
            assertThat(files).hasSize(3);
            assertThat(WarcFiles.read(files.get(1))).extracting(Read::type).containsExactly("warcinfo", "request", "response");
            assertThat(Files.size(files.get(1))).isGreaterThan(50_000);
        }
    }

    @Test
    void fileIsOpenWhileWrittenAndRenamedWhenClosed() throws Exception {
        try (WarcArchive archive = WarcArchive.open(WarcArchiveConfig.defaults(dir, INFO))) {
            assertThat(WarcFiles.list(dir, "")).as("no file before the first record").isEmpty();
            archive.write(Captures.synthetic(0, 500));
            List<Path> open = WarcFiles.list(dir, ".warc.gz.open");
            assertThat(open).hasSize(1);
            assertThat(WarcFiles.list(dir, ".warc.gz")).isEmpty();
            assertThat(WarcFiles.read(open.getFirst())).as("write returned: the records are in the file")
                    .extracting(Read::type).containsExactly("warcinfo", "request", "response");
            List<Path> done = archive.closeAndList();
            assertThat(WarcFiles.list(dir, ".open")).isEmpty();
            assertThat(done).containsExactly(dir.resolve(open.getFirst().getFileName().toString().replace(".open", "")));
        }
    }

    @Test
    void bodiesPastTheBoundAreCutAndMarkedTruncated() throws Exception {
        WarcExchange cutByServer = Captures.synthetic(0, 300).withTruncation(Truncation.DISCONNECT);
        WarcExchange tooLong = Captures.synthetic(1, 5000);
        List<Path> files;
        try (WarcArchive archive = WarcArchive.open(WarcArchiveConfig.defaults(dir, INFO).withMaxBodyBytes(1000))) {
            archive.write(cutByServer);
            archive.write(tooLong);
            files = archive.closeAndList();
        }
        List<Read> records = WarcFiles.read(files.getFirst());
        Read disconnected = records.get(2);
        Read cut = records.get(4);
        assertThat(disconnected.header("WARC-Truncated")).isEqualTo("disconnect");
        assertThat(disconnected.block()).isEqualTo(concat(cutByServer.responseHead(), cutByServer.body()));
        assertThat(cut.header("WARC-Truncated")).isEqualTo("length");
        assertThat(cut.block()).isEqualTo(concat(tooLong.responseHead(), Arrays.copyOf(tooLong.body(), 1000)));
        assertThat(cut.record().blockDigest()).contains(sha1(cut.block()));
        assertThat(records.get(1).header("WARC-Truncated")).as("requests are whole").isNull();
    }

    @Test
    void aFailingDiskIsAOneLineErrorNamingTheFile() throws Exception {
        Path gone = dir.resolve("gone");
        WarcArchive archive = WarcArchive.open(WarcArchiveConfig.defaults(gone, INFO));
        Files.delete(gone);
        assertThatThrownBy(() -> archive.write(Captures.synthetic(0, 10)))
                .isInstanceOf(WarcException.class)
                .hasMessageStartingWith("cannot write WARC files in " + gone + ": ")
                .hasMessageContaining("no such file").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> archive.write(Captures.synthetic(1, 10)))
                .as("and every later write").isInstanceOf(WarcException.class);
        assertThatThrownBy(archive::closeAndList).isInstanceOf(WarcException.class);
    }

    private List<Path> writeAll(WarcArchiveConfig config, int count) throws Exception {
        try (WarcArchive archive = WarcArchive.open(config)) {
            for (int i = 0; i < count; i++) {
                archive.write(Captures.synthetic(i, 200 + 37 * i));
            }
            return archive.closeAndList();
        }
    }

    static WarcDigest sha1(byte[] bytes) throws Exception {
        return new WarcDigest("sha1", java.security.MessageDigest.getInstance("SHA-1").digest(bytes));
    }

    static byte[] gunzip(byte[] bytes) throws Exception {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }
}
