package dev.trawl.fetch;

/** Why no usable HTTP answer came. The codes are part of the export contract. */
public enum FetchError {
    TIMEOUT("timeout"),
    CONNECT("connect"),
    RESET("reset"),
    DNS("dns"),
    TLS("tls"),
    REDIRECT_LOOP("redirect_loop"),
    TOO_MANY_REDIRECTS("too_many_redirects"),
    TOO_LARGE("too_large"),
    BAD_URL("bad_url"),
    BAD_ENCODING("bad_encoding"),
    PROTOCOL("protocol"),
    /** The SSRF guard refused the address (loopback, private, link-local...): nothing was connected. */
    PRIVATE_ADDRESS("private_address");

    private final String code;

    FetchError(String code) {
        this.code = code;
    }

    /** The short code written to the store and the exports. */
    public String code() {
        return code;
    }

    /** Worth another try: the network or the server may do better a moment later. */
    public boolean isTransient() {
        return this == TIMEOUT || this == CONNECT || this == RESET;
    }
}
