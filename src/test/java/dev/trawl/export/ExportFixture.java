package dev.trawl.export;

import dev.trawl.store.FrontierEntry;
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
        store.write(new PageRecord("https://a.example/", 0, "https://a.example/home", 200, "text/html; charset=utf-8",
                TRICKY_TITLE, null, AT, null, null, "en", "UTF-8", 2048, 12,
                List.of("https://a.example/x", "https://b.example/\"quoted\",comma"),
                List.of(new FrontierEntry("https://a.example/x", 1))));
        store.write(new PageRecord("https://a.example/x", 1, null, null, null, null, "timeout", AT.plusSeconds(1),
                null, null, null, null, 0, 30_000, List.of(), List.of()));
        store.write(new PageRecord("https://a.example/private", 1, null, null, null, null, "robots", AT.plusSeconds(2),
                null, null, null, null, 0, 0, List.of(), List.of()));
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
            store.write(new PageRecord(url, 0, url, 200, "=cmd|' /C calc'!A0", titles.get(i), null, AT, null, null,
                    null, null, 10, 1, List.of(), List.of()));
        }
        store.flush();
        return store;
    }
}
