package dev.trawl.store;

import java.time.Instant;
import java.util.List;

/** Page records for tests, with the fields that do not matter filled in. */
final class TestRecords {
    static final Instant AT = Instant.parse("2026-11-25T13:49:08.123Z");

    private TestRecords() {}

    static PageRecord ok(String url, int depth, List<String> outlinks, List<FrontierEntry> discovered) {
        return new PageRecord(url, depth, url, 200, "text/html", "title of " + url, null, AT,
                "about " + url, url, "en", "UTF-8", 1234, 56, outlinks, discovered);
    }

    static PageRecord ok(String url, int depth) {
        return ok(url, depth, List.of(), List.of());
    }

    static PageRecord failed(String url, int depth, String error) {
        return new PageRecord(url, depth, null, null, null, null, error, AT, null, null, null, null, 0, 30_000,
                List.of(), List.of());
    }
}
