package dev.trawl.crawl;

import dev.trawl.fetch.Header;
import dev.trawl.store.PreviousFetch;
import dev.trawl.store.Validators;
import dev.trawl.warc.Revisit;
import java.util.ArrayList;
import java.util.List;

/**
 * A recrawl's conditional GET (RFC 9110 §13.1): the stored response's ETag goes back as {@code If-None-Match} and
 * its Last-Modified as {@code If-Modified-Since}, exactly as received, so that a server whose page did not change
 * answers 304 without a body.
 */
final class ConditionalRequest {
    private ConditionalRequest() {}

    /**
     * The headers of a request to {@code url}: none unless the previous response came from that very URL (the
     * validators of a redirect chain's end mean nothing to the URL that redirected there) and had validators.
     */
    static List<Header> headers(PreviousFetch previous, String url) {
        if (previous == null || !url.equals(previous.finalUrl())) return List.of();
        Validators v = previous.validators();
        List<Header> headers = new ArrayList<>(2);
        if (v.etag() != null) headers.add(new Header("If-None-Match", v.etag()));
        if (v.lastModified() != null) headers.add(new Header("If-Modified-Since", v.lastModified()));
        return List.copyOf(headers);
    }

    /** Whether {@link #headers} made the request conditional, so that a 304 answers it. */
    static boolean isConditional(PreviousFetch previous, String url) {
        return !headers(previous, url).isEmpty();
    }

    /**
     * What a WARC revisit record of a request to {@code url} refers to: the URL's stored capture (its URI, when it was
     * stored, its payload digest), or null when there is none or it came from another URL (the end of a redirect).
     */
    static Revisit earlierCapture(PreviousFetch previous, String url) {
        if (previous == null || previous.fetchedAt() == null || !url.equals(previous.finalUrl())) return null;
        return new Revisit(url, previous.fetchedAt(), previous.digest());
    }

    /** A response's validators, from its headers (the first of each name, matched ignoring case). */
    static Validators validators(List<Header> headers) {
        String etag = null;
        String lastModified = null;
        for (Header h : headers) {
            if (etag == null && h.name().equalsIgnoreCase("ETag")) etag = h.value();
            if (lastModified == null && h.name().equalsIgnoreCase("Last-Modified")) lastModified = h.value();
        }
        return new Validators(etag, lastModified);
    }
}
