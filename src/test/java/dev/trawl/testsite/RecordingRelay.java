package dev.trawl.testsite;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on 127.0.0.1 in front of a server, keeping every byte each way per connection: what a client sent and
 * what the server sent, exactly, whatever the server (the JDK HttpServer adds its own headers, which a test cannot
 * know otherwise).
 */
public final class RecordingRelay implements AutoCloseable {
    /** The bytes of one connection: client to server, and server to client. */
    public record Connection(ByteArrayOutputStream sent, ByteArrayOutputStream received) {}

    private final ServerSocket server;
    private final int targetPort;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    public RecordingRelay(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::acceptLoop);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    /** Each connection's streams so far; read them once the client is done. */
    public List<Connection> connections() {
        return List.copyOf(connections);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(upstream);
                var connection = new Connection(new ByteArrayOutputStream(), new ByteArrayOutputStream());
                connections.add(connection);
                Thread.ofVirtual().start(() -> pump(client, upstream, connection.sent()));
                Thread.ofVirtual().start(() -> pump(upstream, client, connection.received()));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void pump(Socket from, Socket to, ByteArrayOutputStream copy) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                synchronized (copy) {
                    copy.write(buffer, 0, n);
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException closed) {
            // either side went away
        } finally {
            try {
                from.close();
                to.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) s.close();
    }
}
