package dev.trawl.store;

/**
 * A response's cache validators (RFC 9110 §8.8): what a recrawl sends back as {@code If-None-Match} and
 * {@code If-Modified-Since} so that an unchanged page costs a 304 and no body. The server sets their size, so a value
 * longer than {@link #MAX_LENGTH} characters is not kept (the page is then fetched whole again).
 *
 * @param etag         the ETag header as received, or null
 * @param lastModified the Last-Modified header as received, or null
 */
public record Validators(String etag, String lastModified) {
    /** Longer values are dropped: real ETags are a hash or two, Last-Modified is a 29-character date. */
    public static final int MAX_LENGTH = 512;
    public static final Validators NONE = new Validators(null, null);

    public Validators {
        etag = kept(etag);
        lastModified = kept(lastModified);
    }

    /** Whether there is anything to send. */
    public boolean isEmpty() {
        return etag == null && lastModified == null;
    }

    private static String kept(String value) {
        if (value == null || value.isBlank() || value.length() > MAX_LENGTH) return null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < ' ' || c == 0x7f) return null; // could end the header line it is sent in
        }
        return value;
    }
}
