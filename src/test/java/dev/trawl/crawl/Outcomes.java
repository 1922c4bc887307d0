package dev.trawl.crawl;

import dev.trawl.store.FrontierEntry;
import dev.trawl.store.PageOutcome;
import dev.trawl.store.PageRecord;
import java.util.List;

/** Outcomes in a line, for the decision tables: what a reader of the table needs to see, no timings. */
final class Outcomes {
    private Outcomes() {}

    static String describe(PageOutcome outcome) {
        return switch (outcome) {
            case PageOutcome.Fetched f -> "fetched " + f.reply().status() + at(f.reply().finalUrl());
            case PageOutcome.Redirected r -> "redirected " + r.reply().status() + " -> " + r.location();
            case PageOutcome.NotModified n -> "not modified" + at(n.reply().finalUrl());
            case PageOutcome.Failed f -> "failed " + f.error() + (f.lastUrl() == null ? "" : " at " + f.lastUrl());
            case PageOutcome.Denied d -> "denied";
            case PageOutcome.Skipped s -> "skipped " + s.reason();
        };
    }

    static List<String> describe(List<PageRecord> records) {
        return records.stream().map(r -> r.url() + ": " + describe(r.outcome())).toList();
    }

    /** A frontier entry written with a record: "URL pending|done depth". */
    static String entry(FrontierEntry e) {
        return e.url() + (e.requested() ? " done " : " pending ") + e.depth();
    }

    private static String at(String finalUrl) {
        return " at " + finalUrl;
    }
}
