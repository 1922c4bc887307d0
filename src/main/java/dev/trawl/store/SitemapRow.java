package dev.trawl.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A sitemap of one site's walk, as stored in the {@code sitemaps} table.
 *
 * @param depth     index depth: 0 for a root (robots.txt's Sitemap: lines, /sitemap.xml)
 * @param listedBy  the index that listed it, or "robots.txt" / "default" for a root
 * @param urls      page URLs it gave; children: sitemaps it listed (an index)
 * @param problem   null when read whole; else one line: why it was not fetched or read, or what was cut
 * @param visitedAt when it was fetched (or refused); null while queued
 */
public record SitemapRow(String url, int depth, String listedBy, State state, int urls, int children, String problem,
        Instant visitedAt) {
    public SitemapRow {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(listedBy, "listedBy");
        Objects.requireNonNull(state, "state");
    }

    /** A child of an index, to be read later. */
    public static SitemapRow queued(String url, int depth, String listedBy) {
        return new SitemapRow(url, depth, listedBy, State.QUEUED, 0, 0, null, null);
    }

    /** Where a sitemap is in its site's walk; the code is the stored value. */
    public enum State {
        /** Listed by an index, not fetched yet. */
        QUEUED(0),
        /** Fetched (read, in part or not at all: see problem). */
        FETCHED(1),
        /** Not fetched: a bound of the site was reached first (problem says which). */
        REFUSED(2);

        final int code;

        State(int code) {
            this.code = code;
        }

        static State of(int code) {
            for (State s : values()) {
                if (s.code == code) return s;
            }
            throw new IllegalArgumentException("no sitemap state " + code);
        }
    }
}
