package dev.trawl.fetch;

import dev.trawl.memory.MemoryBudget;
import java.io.IOException;

/**
 * Where a response body goes as it is read: into a {@link BodyBuffer} that grows as bytes arrive (charged to the
 * page's memory claim) when it is kept, nowhere when it is not. Either way its raw bytes are counted, and passing the
 * limit stops the read with BodyTooLargeException, so a huge or endless body costs at most about {@code limit} bytes.
 * What the server announces (Content-Length) sizes nothing: a response that announces 10 MB and stalls holds one
 * 16 KB buffer.
 */
final class BodySink {
    private final boolean keep;
    private final long limit;
    private final BodyBuffer buffer;
    /** Past the limit, keep the first limit bytes (for an archive, which records them as cut) instead of dropping all. */
    private final boolean keepCut;
    private long received;

    /**
     * Charges the claim of the page being fetched on this thread ({@link MemoryBudget#current()}); the request's
     * deadline is paused while the buffer waits for memory.
     */
    BodySink(boolean keep, long limit, Deadline deadline) {
        this(keep, limit, MemoryBudget.current(), deadline);
    }

    BodySink(boolean keep, long limit, MemoryBudget.Claim claim, Deadline deadline) {
        this(keep, limit, claim, deadline, false);
    }

    /** keepCut: past the limit, keep the first limit bytes (an archive records them as cut) instead of dropping all. */
    BodySink(boolean keep, long limit, MemoryBudget.Claim claim, Deadline deadline, boolean keepCut) {
        this.keep = keep;
        this.limit = limit;
        this.keepCut = keepCut;
        this.buffer = keep ? new BodyBuffer(limit, claim, deadline) : null;
    }

    /** Moves up to max body bytes from the connection here; returns how many, or -1 at end of stream. */
    long readFrom(BodySource connection, long max) throws IOException {
        long n;
        if (keep) {
            int room = buffer.room(max);
            n = connection.read(buffer.array(), buffer.length(), room);
            if (n > 0) buffer.advance((int) n);
        } else {
            n = connection.skip(max);
        }
        if (n > 0) {
            received += n;
            if (received > limit) {
                if (keep && !keepCut) buffer.discard();
                throw new BodyTooLargeException(limit);
            }
        }
        return n;
    }

    /** The bytes kept so far (at most the limit), whether or not the body ended; null array when none are kept. */
    RawBody partial() {
        return keep ? new RawBody(buffer.array(), (int) Math.min(buffer.length(), limit), received)
                : new RawBody(null, 0, received);
    }

    RawBody result() {
        return keep ? new RawBody(buffer.array(), buffer.length(), received) : new RawBody(null, 0, received);
    }
}
