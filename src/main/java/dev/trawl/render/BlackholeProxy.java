package dev.trawl.render;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The browser's proxy: a loopback port that closes every connection at once. A request that the tab's interception
 * did not answer (a WebSocket, a service worker's fetch, the browser's own background traffic) fails here instead of
 * reaching the network. The count of such connections is kept for the tests.
 */
final class BlackholeProxy implements AutoCloseable {
    private final ServerSocket socket;
    private final AtomicLong refused = new AtomicLong();

    BlackholeProxy() throws IOException {
        socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        Thread.ofVirtual().name("trawl-render-blackhole").start(this::refuseAll);
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Connections refused so far. */
    long refused() {
        return refused.get();
    }

    private void refuseAll() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                refused.incrementAndGet();
                connection.close();
            } catch (IOException e) {
                // closed: the loop ends; a failed accept of one connection is no reason to stop refusing
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
