package dev.trawl.fetch;

import java.io.IOException;

/** Builds the answer of one exchange: the body decoded when it was kept, its size either way. */
final class Answers {
    private Answers() {}

    static HttpAnswer response(ResponseHead head, RawBody raw, long limit) {
        byte[] body = null;
        int length = (int) Math.min(Integer.MAX_VALUE, raw.received());
        if (raw.bytes() != null) {
            try {
                body = ContentDecoder.decode(head.contentEncoding(), raw.bytes(), raw.length(), limit);
                length = body.length;
            } catch (BodyTooLargeException e) {
                return new HttpAnswer.Failure(FetchError.TOO_LARGE, e.getMessage());
            } catch (IOException e) {
                return new HttpAnswer.Failure(FetchError.BAD_ENCODING, e.getMessage());
            }
        }
        return new HttpAnswer.Response(head.status(), head.contentType(), head.location(), head.retryAfter(), body, length,
                head.statusLine(), head.headers(), raw.bytes(), raw.length());
    }
}
