package dev.trawl.fetch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Idle keep-alive connections per origin, bounded per origin and in all. There is no reaper thread: a
 * connection idle for longer than the idle time is closed when it is next looked at, and now and then a
 * check-in sweeps every origin so that hosts the crawl has left do not hold sockets open. No I/O under the
 * lock: connections are closed after it is released.
 */
final class ConnectionPool implements AutoCloseable {
    private static final long SWEEP_EVERY_NANOS = 5_000_000_000L;
    private final int maxIdlePerOrigin;
    private final int maxIdleTotal;
    private final long maxIdleNanos;
    private final Map<String, ArrayDeque<Http1Connection>> idle = new HashMap<>(); // guarded by this
    private int idleCount; // guarded by this
    private long nextSweep = System.nanoTime() + SWEEP_EVERY_NANOS; // guarded by this
    private boolean closed; // guarded by this

    ConnectionPool(int maxIdlePerOrigin, int maxIdleTotal, long maxIdleNanos) {
        this.maxIdlePerOrigin = maxIdlePerOrigin;
        this.maxIdleTotal = maxIdleTotal;
        this.maxIdleNanos = maxIdleNanos;
    }

    /** The most recently used live connection to origin (the least likely to be stale), or null. */
    Http1Connection checkout(String origin) {
        long now = System.nanoTime();
        List<Http1Connection> expired = null;
        Http1Connection found = null;
        synchronized (this) {
            ArrayDeque<Http1Connection> queue = idle.get(origin);
            while (queue != null && found == null && !queue.isEmpty()) {
                Http1Connection c = queue.pollLast();
                idleCount--;
                if (now - c.idleSince() < maxIdleNanos) {
                    found = c;
                } else {
                    if (expired == null) expired = new ArrayList<>();
                    expired.add(c);
                }
            }
            if (queue != null && queue.isEmpty()) idle.remove(origin);
        }
        if (expired != null) expired.forEach(Http1Connection::close);
        return found;
    }

    /** Keeps a connection whose last response was read to the end and that the server lets us reuse. */
    void checkin(String origin, Http1Connection connection) {
        long now = System.nanoTime();
        connection.markIdle(now);
        List<Http1Connection> toClose = null;
        boolean kept = false;
        synchronized (this) {
            if (!closed && idleCount < maxIdleTotal) {
                ArrayDeque<Http1Connection> queue = idle.computeIfAbsent(origin, k -> new ArrayDeque<>());
                if (queue.size() < maxIdlePerOrigin) {
                    queue.addLast(connection);
                    idleCount++;
                    kept = true;
                }
            }
            if (now - nextSweep >= 0) {
                nextSweep = now + SWEEP_EVERY_NANOS;
                toClose = sweep(now);
            }
        }
        if (!kept) connection.close();
        if (toClose != null) toClose.forEach(Http1Connection::close);
    }

    /** Removes connections idle for too long; the oldest are first in each queue. */
    private List<Http1Connection> sweep(long now) {
        List<Http1Connection> expired = new ArrayList<>();
        var origins = idle.values().iterator();
        while (origins.hasNext()) {
            ArrayDeque<Http1Connection> queue = origins.next();
            while (!queue.isEmpty() && now - queue.peekFirst().idleSince() >= maxIdleNanos) {
                expired.add(queue.pollFirst());
                idleCount--;
            }
            if (queue.isEmpty()) origins.remove();
        }
        return expired;
    }

    synchronized int idleCount() {
        return idleCount;
    }

    @Override
    public void close() {
        List<Http1Connection> all = new ArrayList<>();
        synchronized (this) {
            closed = true;
            idle.values().forEach(all::addAll);
            idle.clear();
            idleCount = 0;
        }
        all.forEach(Http1Connection::close);
    }
}
