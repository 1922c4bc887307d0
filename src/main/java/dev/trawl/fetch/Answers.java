package dev.trawl.fetch;

import dev.trawl.memory.MemoryBudget;
import java.io.IOException;

/**
 * Builds the answer both HTTP paths give: the body decoded when it was kept, its size either way. Called on the
 * requesting thread, so the decoded body is charged to its page's memory claim, which holds it (and nothing of the
 * raw body) from here until the page's record is handed to the store.
 */
final class Answers {
    private Answers() {}

    static HttpAnswer response(int status, String contentType, String location, String retryAfter,
                               String contentEncoding, RawBody raw, long limit) {
        byte[] body = null;
        int length = (int) Math.min(Integer.MAX_VALUE, raw.received());
        if (raw.bytes() != null) {
            MemoryBudget.Claim claim = MemoryBudget.current();
            try {
                body = ContentDecoder.decode(contentEncoding, raw.bytes(), raw.length(), limit, claim);
                length = body.length;
            } catch (BodyTooLargeException e) {
                return new HttpAnswer.Failure(FetchError.TOO_LARGE, e.getMessage());
            } catch (java.net.http.HttpTimeoutException e) {
                return new HttpAnswer.Failure(FetchError.TIMEOUT, e.getMessage());
            } catch (IOException e) {
                return new HttpAnswer.Failure(FetchError.BAD_ENCODING, e.getMessage());
            } finally {
                if (body != raw.bytes()) claim.release(raw.bytes().length);
            }
        }
        return new HttpAnswer.Response(status, contentType, location, retryAfter, body, length);
    }
}
