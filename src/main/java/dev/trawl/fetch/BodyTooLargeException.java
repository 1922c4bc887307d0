package dev.trawl.fetch;

import java.io.IOException;

/** The body passed --max-body; it is abandoned. */
final class BodyTooLargeException extends IOException {
    BodyTooLargeException(long limit) {
        super("body larger than " + limit + " bytes");
    }

    /** A body that would need more memory than one page may take. */
    BodyTooLargeException(String reason) {
        super(reason);
    }
}
