package dev.trawl.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a response compares with the one stored before it, and what a 304's row and history hold. */
class ChangeTest {
    private static final Instant AT = Instant.parse("2026-11-01T10:00:00Z");
    private static final String URL = "https://a.example/";

    @ParameterizedTest(name = "before {0} {1}, now {2} {3}: {4}")
    @CsvSource(nullValues = "null", textBlock = """
            200, sha1:A, 200, sha1:A, UNCHANGED
            200, sha1:A, 200, sha1:B, CHANGED
            200, sha1:A, 500, null,   CHANGED
            404, null,   200, sha1:A, CHANGED
            200, sha1:A, 404, null,   GONE
            200, sha1:A, 410, null,   GONE
            404, null,   404, null,   GONE
            200, null,   200, null,   CHANGED
            301, null,   301, null,   CHANGED
            """)
    void aResponseAgainstThePreviousOne(int statusBefore, String digestBefore, int status, String digest, Change expected) {
        var previous = new PreviousFetch(URL, AT, statusBefore, digestBefore, Validators.NONE);
        assertThat(Change.of(fetched(status, digest), previous)).isEqualTo(expected);
    }

    @Test
    void nothingStoredBeforeIsNewAndNoResponseHasNoChange() {
        assertThat(Change.of(fetched(200, "sha1:A"), null)).isEqualTo(Change.NEW);
        assertThat(Change.of(fetched(404, null), null)).as("a 404 never seen before is not gone").isEqualTo(Change.NEW);
        var previous = new PreviousFetch(URL, AT, 200, "sha1:A", Validators.NONE);
        assertThat(Change.of(new PageOutcome.Failed("timeout"), previous)).isNull();
        assertThat(Change.of(new PageOutcome.Denied(), previous)).isNull();
        assertThat(Change.of(new PageOutcome.Skipped("url_too_long"), null)).isNull();
        assertThat(Change.of(notModified(Validators.NONE), previous)).isEqualTo(Change.UNCHANGED);
        assertThat(Change.UNCHANGED.code()).isEqualTo("unchanged");
    }

    @Test
    void aNotModifiedRowStandsForThePayloadItConfirmedAndKeepsValidatorsItLeftOut() {
        var previous = new PreviousFetch(URL, AT, 200, "sha1:A", new Validators("\"v1\"", "Sun, 01 Nov 2026 09:00:00 GMT"));
        var record = new PageRecord(URL, 0, AT.plusSeconds(60), notModified(new Validators("\"v2\"", null)), List.of(),
                previous);
        assertThat(column(PageColumns.STORED, "digest", record)).isEqualTo("sha1:A");
        assertThat(column(PageColumns.STORED, "etag", record)).as("a new ETag replaces the old").isEqualTo("\"v2\"");
        assertThat(column(PageColumns.STORED, "last_modified", record)).isEqualTo("Sun, 01 Nov 2026 09:00:00 GMT");
        assertThat(column(PageColumns.STORED, "change", record)).isEqualTo("unchanged");
        assertThat(column(PageColumns.HISTORY, "status", record)).isEqualTo(304);
        assertThat(PageColumns.REFRESHED_WHEN_NOT_MODIFIED).doesNotContain("status", "title", "digest", "fields")
                .allMatch(name -> PageColumns.STORED.stream().anyMatch(c -> c.name().equals(name)));
    }

    @Test
    void validatorsTooLongOrHoldingControlCharactersAreNotKept() {
        assertThat(new Validators("x".repeat(Validators.MAX_LENGTH), null).etag()).hasSize(Validators.MAX_LENGTH);
        assertThat(new Validators("x".repeat(Validators.MAX_LENGTH + 1), null).etag()).isNull();
        assertThat(new Validators("\"a\"\r\nX-Injected: 1", "Sun\n").isEmpty()).isTrue();
        assertThat(new Validators(" ", null).isEmpty()).isTrue();
    }

    private static Object column(List<PageColumns.Column> columns, String name, PageRecord record) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().value().apply(record);
    }

    private static PageOutcome fetched(int status, String digest) {
        return new PageOutcome.Fetched(new PageOutcome.Reply(URL, status, "text/html", 10, 1, digest), null);
    }

    private static PageOutcome notModified(Validators validators) {
        return new PageOutcome.NotModified(new PageOutcome.Reply(URL, 304, null, 0, 1, null, validators));
    }
}
