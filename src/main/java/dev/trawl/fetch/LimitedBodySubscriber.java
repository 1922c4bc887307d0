package dev.trawl.fetch;

import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a body as it arrives, counting its bytes and giving up as soon as it passes the limit, so a huge
 * or endless body costs at most {@code limit} bytes of memory. When the body is not wanted, it is counted
 * and dropped: reading it to the end keeps the connection reusable.
 */
final class LimitedBodySubscriber implements BodySubscriber<RawBody> {
    private final CompletableFuture<RawBody> result = new CompletableFuture<>();
    private final long limit;
    private final boolean keep;
    private Flow.Subscription subscription;
    private byte[] buffer;
    private int length;
    private long received;

    LimitedBodySubscriber(long limit, boolean keep, long expectedLength) {
        this.limit = limit;
        this.keep = keep;
        int initial = expectedLength > 0 && expectedLength <= limit ? (int) expectedLength : 16 * 1024;
        this.buffer = keep ? new byte[initial] : null;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) return;
        for (ByteBuffer item : items) {
            int n = item.remaining();
            received += n;
            if (received > limit) {
                subscription.cancel();
                result.completeExceptionally(new BodyTooLargeException(limit));
                return;
            }
            if (keep) append(item, n);
        }
    }

    private void append(ByteBuffer item, int n) {
        if (length + n > buffer.length) {
            buffer = Arrays.copyOf(buffer, (int) Math.min(limit, Math.max(buffer.length * 2L, length + n)));
        }
        item.get(buffer, length, n);
        length += n;
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        result.complete(new RawBody(keep ? buffer : null, keep ? length : 0, received));
    }

    @Override
    public CompletionStage<RawBody> getBody() {
        return result;
    }
}
