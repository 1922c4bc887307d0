package dev.trawl.store;

import java.time.Instant;
import java.util.List;

/**
 * The result of attempting one URL, as the store persists it, together with the URLs it added to the frontier.
 * Written in one transaction, so a crash either keeps both or neither. Which columns it fills is decided in one
 * place, {@link PageColumns}.
 *
 * @param url        the URL attempted, in request form
 * @param depth      hops from a seed (seed = 0)
 * @param fetchedAt  when the attempt finished
 * @param outcome    what became of it
 * @param discovered links new to the crawl, to be stored as pending frontier entries (and redirect hops requested)
 * @param previous   the URL's response stored before this one, read by a recrawl; null when there was none or the
 *                   crawl did not look (not a recrawl)
 */
public record PageRecord(String url, int depth, Instant fetchedAt, PageOutcome outcome, List<FrontierEntry> discovered,
                         PreviousFetch previous) {
    public PageRecord {
        discovered = List.copyOf(discovered);
    }

    /** A first fetch, or one whose previous response was not looked up. */
    public PageRecord(String url, int depth, Instant fetchedAt, PageOutcome outcome, List<FrontierEntry> discovered) {
        this(url, depth, fetchedAt, outcome, discovered, null);
    }

    /** A record that discovered nothing. */
    public PageRecord(String url, int depth, Instant fetchedAt, PageOutcome outcome) {
        this(url, depth, fetchedAt, outcome, List.of());
    }

    /** How the response compares with the previous one (see {@link Change#of}); null when there is no response. */
    public Change change() {
        return Change.of(outcome, previous);
    }

    /** Every link the row records (canonical, in scope or not); see {@link PageOutcome#outlinks}. */
    public List<String> outlinks() {
        return outcome.outlinks();
    }

    /**
     * What the record holds in memory, roughly, with its links' JSON: what the write queue counts against its bound.
     * Strings of one byte per character (URLs are ASCII), two for the free text.
     */
    long estimatedBytes() {
        long bytes = 512 + length(url);
        PageOutcome.Reply reply = outcome.reply();
        if (reply != null) {
            bytes += length(reply.finalUrl()) + length(reply.contentType()) + length(reply.validators().etag())
                    + length(reply.validators().lastModified());
        }
        if (previous != null) bytes += 96 + length(previous.finalUrl()) + length(previous.validators().etag());
        var page = outcome.page();
        if (page != null) {
            bytes += 2L * (length(page.title()) + length(page.description())) + length(page.canonical());
        }
        if (outcome instanceof PageOutcome.Fetched f) {
            bytes += 2L * length(f.fields());
            if (f.body() != null) bytes += f.body().bytes().length + 2L * f.body().head().length();
        }
        for (String link : outlinks()) {
            bytes += 2L * link.length() + 56; // the string, its quoted copy in the JSON, list slots
        }
        bytes += 48L * discovered.size(); // each entry and its slot; the URL is one of the outlinks'
        return bytes;
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
