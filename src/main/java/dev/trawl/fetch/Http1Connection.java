package dev.trawl.fetch;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Future;

/**
 * One HTTP/1.1 connection: a blocking socket with a read buffer. Used by one request at a time (the pool
 * hands it out to a single caller). Every read first sets SO_TIMEOUT to the time left before the request's
 * deadline, then checks the deadline, so no read outlives it.
 */
final class Http1Connection implements AutoCloseable, BodySource {
    private static final int BUFFER_SIZE = 16 * 1024;
    private static final int DIRECT_READ = 1024;
    private final Socket socket;
    /** The TCP socket under a TLS one (the same as socket for http://): where unread bytes from the server wait. */
    private final Socket raw;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private int pos;
    private int limit;
    private Deadline deadline;
    private long receivedThisExchange;
    private int exchanges;
    private long idleSince;
    private Future<?> watchdog;
    /** Copies what the exchange consumes, for an {@link ExchangeSink}; null when nothing is captured. */
    private WireTap tap;

    /** @param watchdog the timer that closes raw at the first exchange's deadline, armed before connecting */
    Http1Connection(Socket socket, Socket raw, Future<?> watchdog) throws IOException {
        this.socket = socket;
        this.raw = raw;
        this.watchdog = watchdog;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Starts a request/response exchange under the given deadline, which closes the socket when it passes. */
    void begin(Deadline deadline) throws IOException {
        this.deadline = deadline;
        this.receivedThisExchange = 0;
        this.exchanges++;
        if (watchdog == null) watchdog = Watchdog.closeAt(raw, deadline);
    }

    /** The deadline of the exchange under way. */
    Deadline deadline() {
        return deadline;
    }

    /** Captures this exchange's bytes into tap from now on (null: stop capturing). */
    void tap(WireTap value) {
        tap = value;
    }

    /** A response's status line is about to be read. */
    void statusLineStarts() {
        if (tap != null) tap.headStarts();
    }

    /** The address of the peer: the server, or the proxy when there is one. */
    InetAddress remoteAddress() {
        return raw.getInetAddress();
    }

    /** Ends the exchange: the deadline no longer closes the socket. */
    void end() {
        if (watchdog != null) watchdog.cancel(false);
        watchdog = null;
    }

    /**
     * Whether nothing from the server is waiting to be read: no byte left in our buffer, none decrypted in the TLS
     * layer, none in the kernel. A connection is reused only when this holds at check-in and again at checkout;
     * bytes the server sent outside any exchange (a second response, a body longer than its Content-Length,
     * something after a 204) would otherwise be read as the answer to the next request.
     */
    boolean isClean() {
        if (pos < limit || socket.isClosed()) return false;
        try {
            return in.available() == 0 && (raw == socket || raw.getInputStream().available() == 0);
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether an earlier exchange ran on this connection: then the server may have closed it while idle. */
    boolean isReused() {
        return exchanges > 1;
    }

    /** Whether any byte of the current response arrived. */
    boolean hasResponseBytes() {
        return receivedThisExchange > 0;
    }

    void write(byte[] request) throws IOException {
        out.write(request); // one write of the whole head: one syscall, no Nagle stall
    }

    /** Refills the empty buffer; returns false at end of stream. */
    private boolean fill() throws IOException {
        int n = readSocket(buffer, 0, buffer.length);
        if (n <= 0) return false;
        pos = 0;
        limit = n;
        return true;
    }

    private int readSocket(byte[] dst, int off, int len) throws IOException {
        socket.setSoTimeout(deadline.remainingMillis());
        int n = in.read(dst, off, len);
        deadline.check();
        if (n > 0) receivedThisExchange += n;
        return n;
    }

    /**
     * A line without its CR LF (a bare LF is accepted too), as ISO-8859-1. EOF is an EOFException, a line
     * longer than maxLength a ProtocolException.
     */
    String readLine(int maxLength, String what) throws IOException {
        StringBuilder spill = null;
        while (true) {
            if (pos == limit && !fill()) throw new EOFException("connection closed in " + what);
            int start = pos;
            int end = indexOfLf(start);
            int stop = end < 0 ? limit : end;
            int length = stop - start + (spill == null ? 0 : spill.length());
            if (length > maxLength) throw new ProtocolException(what + " longer than " + maxLength + " bytes");
            if (end >= 0) {
                if (tap != null) tap.consumed(buffer, start, end + 1 - start);
                pos = end + 1;
                int cut = end > start && buffer[end - 1] == '\r' ? end - 1 : end;
                if (spill == null) return new String(buffer, start, cut - start, StandardCharsets.ISO_8859_1);
                spill.append(new String(buffer, start, cut - start, StandardCharsets.ISO_8859_1));
                return stripCr(spill);
            }
            if (tap != null) tap.consumed(buffer, start, limit - start);
            if (spill == null) spill = new StringBuilder(128);
            spill.append(new String(buffer, start, limit - start, StandardCharsets.ISO_8859_1));
            pos = limit;
        }
    }

    private static String stripCr(StringBuilder line) {
        int n = line.length();
        return n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line.toString();
    }

    private int indexOfLf(int from) {
        for (int i = from; i < limit; i++) {
            if (buffer[i] == '\n') return i;
        }
        return -1;
    }

    /** Reads up to len bytes into dst; -1 at end of stream. Reads of 1 KB or more bypass an empty buffer. */
    @Override
    public int read(byte[] dst, int off, int len) throws IOException {
        if (pos < limit) {
            int n = Math.min(len, limit - pos);
            System.arraycopy(buffer, pos, dst, off, n);
            if (tap != null) tap.consumed(buffer, pos, n);
            pos += n;
            return n;
        }
        if (len >= DIRECT_READ) { // straight into the body: one copy fewer
            int n = readSocket(dst, off, len);
            if (tap != null && n > 0) tap.consumed(dst, off, n);
            return n;
        }
        if (!fill()) return -1;
        return read(dst, off, len);
    }

    /** Reads and drops up to max bytes; returns how many, or -1 at end of stream. */
    @Override
    public long skip(long max) throws IOException {
        if (pos == limit && !fill()) return -1;
        int n = (int) Math.min(max, limit - pos);
        if (tap != null) tap.consumed(buffer, pos, n);
        pos += n;
        return n;
    }

    void markIdle(long nanos) {
        idleSince = nanos;
    }

    long idleSince() {
        return idleSince;
    }

    @Override
    public void close() {
        end();
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
