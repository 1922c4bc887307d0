package dev.trawl.fetch;

import dev.trawl.memory.MemoryBudget;
import java.io.IOException;

/**
 * Builds the answer of one exchange: the body decoded when it was kept, its size either way. Called on the requesting
 * thread, so the decoded body is charged to its page's memory claim; the raw body stays charged too, since the answer
 * keeps it (the exact bytes the server sent, for an archive) until the page's record is handed to the store.
 */
final class Answers {
    private Answers() {}

    static HttpAnswer response(ResponseHead head, RawBody raw, long limit) {
        byte[] body = null;
        byte[] rawBody = raw.bytes();
        int rawLength = raw.length();
        int length = (int) Math.min(Integer.MAX_VALUE, raw.received());
        if (raw.bytes() != null) {
            MemoryBudget.Claim claim = MemoryBudget.current();
            try {
                body = ContentDecoder.decode(head.contentEncoding(), raw.bytes(), raw.length(), limit, claim);
                length = body.length;
                if (ContentDecoder.isIdentity(head.contentEncoding())) {
                    // Not coded: the exactly sized body is also the raw one, and the growing buffer can go.
                    if (body != rawBody) claim.release(rawBody.length);
                    rawBody = body;
                    rawLength = body.length;
                }
            } catch (BodyTooLargeException e) {
                return new HttpAnswer.Failure(FetchError.TOO_LARGE, e.getMessage());
            } catch (java.net.http.HttpTimeoutException e) {
                return new HttpAnswer.Failure(FetchError.TIMEOUT, e.getMessage());
            } catch (IOException e) {
                return new HttpAnswer.Failure(FetchError.BAD_ENCODING, e.getMessage());
            }
        }
        return new HttpAnswer.Response(head.status(), head.contentType(), head.location(), head.retryAfter(), body, length,
                head.statusLine(), head.headers(), rawBody, rawLength);
    }
}
