package dev.trawl.fetch;

import dev.trawl.memory.MemoryBudget;
import java.io.IOException;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a body as it arrives, counting its bytes and giving up as soon as it passes the limit, so a huge
 * or endless body costs at most {@code limit} bytes of memory. The buffer grows as bytes come (charged to the page's
 * memory claim, which the caller captures on its own thread: this runs on the client's), never from Content-Length.
 * When the body is not wanted, it is counted and dropped: reading it to the end keeps the connection reusable.
 */
final class LimitedBodySubscriber implements BodySubscriber<RawBody> {
    private final CompletableFuture<RawBody> result = new CompletableFuture<>();
    private final long limit;
    private final BodyBuffer buffer;
    private Flow.Subscription subscription;
    private long received;

    LimitedBodySubscriber(long limit, boolean keep, MemoryBudget.Claim claim) {
        this.limit = limit;
        this.buffer = keep ? new BodyBuffer(limit, claim) : null;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) return;
        try {
            for (ByteBuffer item : items) {
                int n = item.remaining();
                received += n;
                if (received > limit) throw new BodyTooLargeException(limit);
                if (buffer != null) {
                    int room = buffer.room(n);
                    while (n > 0) {
                        item.get(buffer.array(), buffer.length(), room);
                        buffer.advance(room);
                        n -= room;
                        if (n > 0) room = buffer.room(n);
                    }
                }
            }
        } catch (IOException e) {
            subscription.cancel();
            if (buffer != null) buffer.discard();
            result.completeExceptionally(e);
        }
    }

    @Override
    public void onError(Throwable throwable) {
        if (buffer != null) buffer.discard();
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        if (result.isDone()) return;
        result.complete(buffer != null ? new RawBody(buffer.array(), buffer.length(), received) : new RawBody(null, 0, received));
    }

    @Override
    public CompletionStage<RawBody> getBody() {
        return result;
    }
}
