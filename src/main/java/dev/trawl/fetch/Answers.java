package dev.trawl.fetch;

import java.io.IOException;

/** Builds the answer both HTTP paths give: the body decoded when it was kept, its size either way. */
final class Answers {
    private Answers() {}

    static HttpAnswer response(int status, String contentType, String location, String retryAfter,
                               String contentEncoding, RawBody raw, long limit) {
        byte[] body = null;
        int length = (int) Math.min(Integer.MAX_VALUE, raw.received());
        if (raw.bytes() != null) {
            try {
                body = ContentDecoder.decode(contentEncoding, raw.bytes(), raw.length(), limit);
                length = body.length;
            } catch (BodyTooLargeException e) {
                return new HttpAnswer.Failure(FetchError.TOO_LARGE, e.getMessage());
            } catch (IOException e) {
                return new HttpAnswer.Failure(FetchError.BAD_ENCODING, e.getMessage());
            }
        }
        return new HttpAnswer.Response(status, contentType, location, retryAfter, body, length);
    }
}
