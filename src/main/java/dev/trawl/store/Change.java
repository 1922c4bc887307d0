package dev.trawl.store;

import java.util.Locale;

/**
 * How a URL's latest response compares with the one stored before it (column {@code change}, export field
 * {@code change}). Only responses have one: a URL that failed, was denied or skipped has none.
 */
public enum Change {
    /** No response of this URL was stored before. */
    NEW,
    /** The status or the payload differs from the previous response's (or a body not kept cannot be compared). */
    CHANGED,
    /** A 304 to the recrawl's conditional request, or the same status with the same payload digest. */
    UNCHANGED,
    /** 404 or 410 where a response was stored before. */
    GONE;

    /** The stored and exported form. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The change of outcome against previous (null: nothing stored before), or null when outcome has no response. */
    public static Change of(PageOutcome outcome, PreviousFetch previous) {
        if (outcome instanceof PageOutcome.NotModified) return UNCHANGED;
        PageOutcome.Reply reply = outcome.reply();
        if (reply == null) return null;
        if (previous == null) return NEW;
        if (reply.status() == 404 || reply.status() == 410) return GONE;
        boolean samePayload = previous.digest() != null && previous.digest().equals(reply.digest());
        return samePayload && previous.status() == reply.status() ? UNCHANGED : CHANGED;
    }
}
