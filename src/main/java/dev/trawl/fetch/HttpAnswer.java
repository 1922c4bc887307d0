package dev.trawl.fetch;

/** What one HTTP request gave: a response, or a failure with its reason. */
public sealed interface HttpAnswer {

    /**
     * The server answered.
     *
     * @param body       the decoded body when it was kept (see {@link Fetcher#get}), else null
     * @param bodyLength size of the body in bytes: decoded when kept, as received otherwise
     * @param location   the Location header, or null
     * @param retryAfter the Retry-After header, or null
     * @param statusLine the status line as received, and headers every response header in order; values cleaned
     *                   of control characters (as are the fields above)
     * @param rawBody    the body as received, before Content-Encoding was undone, when it was kept (the same array as
     *                   body when there was no encoding), else null; its first rawBodyLength bytes count
     */
    record Response(int status, String contentType, String location, String retryAfter, byte[] body, int bodyLength,
                    String statusLine, java.util.List<Header> headers, byte[] rawBody, int rawBodyLength)
            implements HttpAnswer {
        public boolean isRedirect() {
            return status >= 300 && status < 400 && status != 304 && location != null;
        }

        /** Worth another try, as Scrapy's RETRY_HTTP_CODES: server trouble, timeouts and rate limiting. */
        public boolean isRetryable() {
            return status >= 500 || status == 429 || status == 408;
        }
    }

    /** No usable response. detail is for --debug logs, never for the export. */
    record Failure(FetchError error, String detail) implements HttpAnswer {}
}
