package dev.trawl.store;

import dev.trawl.parse.ParsedPage;
import java.time.Instant;
import java.util.List;

/** Page records for tests, with the fields that do not matter filled in. */
public final class TestRecords {
    public static final Instant AT = Instant.parse("2026-11-25T13:49:08.123Z");

    private TestRecords() {}

    public static PageRecord ok(String url, int depth, List<String> outlinks, List<FrontierEntry> discovered) {
        var page = new ParsedPage("title of " + url, outlinks, "about " + url, url, "en", "UTF-8", 0);
        return new PageRecord(url, depth, AT, new PageOutcome.Fetched(reply(url, 200, "text/html", 1234, 56), page),
                discovered);
    }

    public static PageRecord ok(String url, int depth) {
        return ok(url, depth, List.of(), List.of());
    }

    public static PageRecord failed(String url, int depth, String error) {
        return new PageRecord(url, depth, AT, new PageOutcome.Failed(error));
    }

    /**
     * What the statistics see: a response of this status (no page), or with status null the error (robots: denied).
     */
    public static PageRecord answered(String url, Integer status, String error, long bytes, long millis) {
        PageOutcome outcome = status != null ? new PageOutcome.Fetched(reply(url, status, null, bytes, millis), null)
                : PageOutcome.Denied.CODE.equals(error) ? new PageOutcome.Denied() : new PageOutcome.Failed(error);
        return new PageRecord(url, 0, Instant.EPOCH, outcome);
    }

    public static PageOutcome.Reply reply(String finalUrl, int status, String contentType, long bytes, long millis) {
        return new PageOutcome.Reply(finalUrl, status, contentType, bytes, millis, null);
    }
}
