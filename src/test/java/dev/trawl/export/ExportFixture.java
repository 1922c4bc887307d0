package dev.trawl.export;

import dev.trawl.store.FrontierEntry;
import dev.trawl.parse.ParsedPage;
import dev.trawl.store.PageOutcome;
import dev.trawl.store.PageRecord;
import dev.trawl.store.PageStore;
import dev.trawl.store.Stores;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** A store holding the awkward rows both exporters must survive. */
final class ExportFixture {
    static final String TRICKY_TITLE = "He said \"hi\", then\nleft; naïve café – 東京 😀\r\nend";
    static final Instant AT = Instant.parse("2026-11-25T13:49:08.120Z");

    private ExportFixture() {}

    static PageStore storeWithRows(Path dir) throws InterruptedException {
        PageStore store = Stores.open(dir.resolve("export.db").toString());
        store.addPending(List.of(new FrontierEntry("https://a.example/", 0)));
        var page = new ParsedPage(TRICKY_TITLE, List.of("https://a.example/x", "https://b.example/\"quoted\",comma"),
                null, null, "en", "UTF-8", 0);
        var reply = new PageOutcome.Reply("https://a.example/home", 200, "text/html; charset=utf-8", 2048, 12, null);
        store.write(new PageRecord("https://a.example/", 0, AT, new PageOutcome.Fetched(reply, page),
                List.of(new FrontierEntry("https://a.example/x", 1))));
        store.write(new PageRecord("https://a.example/x", 1, AT.plusSeconds(1), new PageOutcome.Failed("timeout")));
        store.write(new PageRecord("https://a.example/private", 1, AT.plusSeconds(2), new PageOutcome.Denied()));
        store.flush();
        return store;
    }

    /** A title a hostile page could have: sets the terminal's title, rings, reverses text, uses 8-bit CSI. */
    static final String HOSTILE_TITLE = "\u001b]0;owned\u0007 \u009b31m red \u202egnp.exe\u0008\u007f end";

    /** One row per cell value, as the title (the URLs must stay canonical); content_type holds a formula too. */
    static PageStore storeWithTitles(Path dir, List<String> titles) throws InterruptedException {
        PageStore store = Stores.open(dir.resolve("hostile.db").toString());
        for (int i = 0; i < titles.size(); i++) {
            String url = "https://h.example/" + i;
            store.addPending(List.of(new FrontierEntry(url, 0)));
            var page = new ParsedPage(titles.get(i), List.of(), null, null, null, null, 0);
            var reply = new PageOutcome.Reply(url, 200, "=cmd|' /C calc'!A0", 10, 1, null);
            store.write(new PageRecord(url, 0, AT, new PageOutcome.Fetched(reply, page)));
        }
        store.flush();
        return store;
    }
}
