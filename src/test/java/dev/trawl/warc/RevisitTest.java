package dev.trawl.warc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trawl.warc.WarcFiles.Read;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcCaptureRecord;
import org.netpreserve.jwarc.WarcRevisit;

class RevisitTest {
    @TempDir
    Path dir;

    @Test
    void anUnchangedPayloadIsARevisitRecordWithTheResponseHeadOnly() throws Exception {
        List<Read> records;
        WarcExchange first;
        WarcExchange again;
        try (LiveExchanges site = new LiveExchanges();
             WarcArchive archive = WarcArchive.open(WarcArchiveConfig.defaults(dir, WarcArchiveTest.INFO))) {
            first = site.capture("/plain");
            archive.write(first);
            again = site.capture("/plain");
            String digest = PayloadDigest.of(again);
            assertThat(digest).as("same payload on the recrawl").isEqualTo(PayloadDigest.of(first));
            archive.writeRevisit(again, new Revisit(first.targetUri(), first.fetchedAt(), digest));
            records = WarcFiles.read(archive.closeAndList().getFirst());
        }
        assertThat(records).extracting(Read::type).containsExactly("warcinfo", "request", "response", "request", "revisit");
        Read revisit = records.get(4);
        WarcRevisit record = (WarcRevisit) revisit.record();
        assertThat(record.profile()).isEqualTo(WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1);
        assertThat(record.refersToTargetURI()).hasValueSatisfying(uri -> assertThat(uri.toString()).isEqualTo(first.targetUri()));
        assertThat(record.refersToDate()).contains(first.fetchedAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(record.payloadDigest().map(Object::toString)).contains(PayloadDigest.of(first));
        assertThat(revisit.block()).as("the head, not the payload again").isEqualTo(again.responseHead());
        assertThat(record.blockDigest()).contains(WarcArchiveTest.sha1(again.responseHead()));
        assertThat(((WarcCaptureRecord) records.get(3).record()).concurrentTo()).containsExactly(record.id());
        assertThat(records.get(3).block()).isEqualTo(again.requestHead());
    }

    @Test
    void a304IsARevisitWithTheServerNotModifiedProfile() throws Exception {
        WarcExchange notModified;
        List<Read> records;
        try (LiveExchanges site = new LiveExchanges();
             WarcArchive archive = WarcArchive.open(WarcArchiveConfig.defaults(dir, WarcArchiveTest.INFO))) {
            notModified = site.capture("/not-modified");
            archive.writeRevisit(notModified, new Revisit(notModified.targetUri(), Instant.parse("2026-01-01T00:00:00Z"), null));
            records = WarcFiles.read(archive.closeAndList().getFirst());
        }
        WarcRevisit record = (WarcRevisit) records.get(2).record();
        assertThat(record.profile()).isEqualTo(WarcRevisit.SERVER_NOT_MODIFIED_1_1);
        assertThat(record.refersToDate()).contains(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(record.payloadDigest()).isEmpty();
        assertThat(records.get(2).block()).isEqualTo(WarcFiles.concat(notModified.responseHead(), notModified.body()));
        assertThat(new String(notModified.responseHead(), java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 304");
    }

    @Test
    void anIdenticalPayloadRevisitWithoutADigestIsRefused() throws Exception {
        try (WarcArchive archive = WarcArchive.open(WarcArchiveConfig.defaults(dir, WarcArchiveTest.INFO))) {
            WarcExchange page = Captures.synthetic(1, 10);
            assertThatThrownBy(() -> archive.writeRevisit(page, new Revisit(page.targetUri(), Captures.T0, null)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs the payload digest");
        }
    }

    @Test
    void recordChoosesRevisitOnlyForAMatchingDigestOfACompleteBodyOrA304() throws Exception {
        WarcExchange page = Captures.synthetic(1, 500);
        String digest = PayloadDigest.of(page);
        Revisit same = new Revisit(page.targetUri(), Captures.T0, digest);
        Revisit other = new Revisit(page.targetUri(), Captures.T0, PayloadDigest.of(Captures.synthetic(2, 500)));
        Revisit undigested = new Revisit(page.targetUri(), Captures.T0, null);
        List<WarcArchive.Written> written = new java.util.ArrayList<>();
        List<Read> records;
        try (LiveExchanges site = new LiveExchanges();
             WarcArchive archive = WarcArchive.open(WarcArchiveConfig.defaults(dir, WarcArchiveTest.INFO))) {
            WarcExchange notModified = site.capture("/not-modified");
            written.add(archive.record(page, null));
            written.add(archive.record(page, same));
            written.add(archive.record(page, other));
            written.add(archive.record(page, undigested));
            written.add(archive.record(page.withTruncation(Truncation.TIME), same));
            written.add(archive.record(notModified, undigested));
            written.add(archive.record(notModified, null));
            records = WarcFiles.read(archive.closeAndList().getFirst());
        }
        assertThat(written).containsExactly(WarcArchive.Written.RESPONSE, WarcArchive.Written.REVISIT,
                WarcArchive.Written.RESPONSE, WarcArchive.Written.RESPONSE, WarcArchive.Written.RESPONSE,
                WarcArchive.Written.REVISIT, WarcArchive.Written.RESPONSE);
        assertThat(records).extracting(Read::type).containsExactly("warcinfo",
                "request", "response", "request", "revisit", "request", "response", "request", "response",
                "request", "response", "request", "revisit", "request", "response");
        WarcRevisit revisit = (WarcRevisit) records.get(4).record();
        assertThat(revisit.payloadDigest().map(Object::toString)).contains(digest);
        assertThat(((WarcRevisit) records.get(12).record()).profile()).isEqualTo(WarcRevisit.SERVER_NOT_MODIFIED_1_1);
    }
}
