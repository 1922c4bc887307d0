package dev.trawl.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw HTTP server on 127.0.0.1 and a port the system picks, for wire-level behaviour the JDK HttpServer will
 * not produce: each request head is read and handed to a script that writes whatever bytes it likes. It counts
 * the connections it accepted and keeps the request heads.
 */
final class WireServer implements AutoCloseable {
    /** Answers one request; may close the connection. */
    interface Script {
        void answer(Exchange exchange) throws Exception;
    }

    /** One request on one connection. number counts requests on the whole server, from 0. */
    record Exchange(Socket socket, OutputStream out, String head, int number) {
        void send(String ascii) throws IOException {
            send(ascii.getBytes(StandardCharsets.ISO_8859_1));
        }

        void send(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        void close() throws IOException {
            socket.close();
        }
    }

    private final ServerSocket server;
    private final Script script;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> heads = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private final String scheme;

    private WireServer(ServerSocket server, String scheme, Script script) {
        this.server = server;
        this.scheme = scheme;
        this.script = script;
        Thread.ofVirtual().start(this::acceptLoop);
    }

    static WireServer start(Script script) throws IOException {
        return new WireServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), "http", script);
    }

    /** The same on another loopback address (127.0.0.2 is "another host's internal address" to the SSRF guard). */
    static WireServer startOn(String address, Script script) throws IOException {
        return new WireServer(new ServerSocket(0, 50, InetAddress.getByName(address)), "http", script);
    }

    /** The same over TLS, with the certificate of {@link TestTls}. */
    static WireServer startTls(Script script) throws Exception {
        var socket = TestTls.server().getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        return new WireServer(socket, "https", script);
    }

    String url(String path) {
        return scheme + "://" + server.getInetAddress().getHostAddress() + ":" + server.getLocalPort() + path;
    }

    int port() {
        return server.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    List<String> heads() {
        return List.copyOf(heads);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                sockets.add(socket);
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            while (true) {
                String head = readHead(in);
                if (head == null) return;
                heads.add(head);
                script.answer(new Exchange(socket, socket.getOutputStream(), head, requests.getAndIncrement()));
                if (socket.isClosed()) return;
            }
        } catch (Exception clientWentAway) {
            // part of the tests
        }
    }

    /** The request head up to its empty line, or null when the client closed the connection first. */
    private static String readHead(InputStream in) throws IOException {
        var head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) return null;
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3)) ? matched + 1 : 0;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) s.close();
    }
}
