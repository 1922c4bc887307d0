package dev.trawl.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny proxy on 127.0.0.1 for tests: HTTP (absolute-form requests forwarded, CONNECT tunnels) or SOCKS5 (RFC
 * 1928/1929), each checking the credentials it was given. It keeps what it was asked (request lines, SOCKS
 * targets) and relays bytes both ways.
 */
final class TestProxy implements AutoCloseable {
    private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final boolean socks;
    private final String user;
    private final String password;
    final List<String> asked = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    /** Connections accepted so far. */
    final java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();

    private TestProxy(boolean socks, String user, String password) throws IOException {
        this.socks = socks;
        this.user = user;
        this.password = password;
        Thread.ofVirtual().start(this::acceptLoop);
    }

    static TestProxy http(String user, String password) throws IOException {
        return new TestProxy(false, user, password);
    }

    static TestProxy socks5(String user, String password) throws IOException {
        return new TestProxy(true, user, password);
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        try {
            while (true) {
                Socket client = server.accept();
                connections.incrementAndGet();
                sockets.add(client);
                Thread.ofVirtual().start(() -> serve(client));
            }
        } catch (IOException closed) {
            // end of test
        }
    }

    private void serve(Socket client) {
        try {
            if (socks) socks(client);
            else http(client);
        } catch (IOException e) {
            // the client went away
        }
    }

    private void http(Socket client) throws IOException {
        InputStream in = client.getInputStream();
        OutputStream out = client.getOutputStream();
        String head = readHead(in);
        String line = head.substring(0, head.indexOf("\r\n"));
        asked.add(line);
        String expected = "Proxy-Authorization: Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        if (user != null && !head.contains("\r\n" + expected + "\r\n")) {
            out.write("HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            client.close();
            return;
        }
        String[] parts = line.split(" ");
        if (parts[0].equals("CONNECT")) {
            Socket target = open(parts[1]);
            out.write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            relay(client, target, new byte[0]);
        } else {
            var uri = java.net.URI.create(parts[1]);
            Socket target = open(uri.getHost() + ":" + uri.getPort());
            // origin-form to the server; this proxy handles one request per connection
            String forwarded = head.replaceFirst(" " + java.util.regex.Pattern.quote(parts[1]) + " ", " " + uri.getRawPath() + " ")
                    .replace("Connection: keep-alive", "Connection: close");
            relay(client, target, forwarded.getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    private void socks(Socket client) throws IOException {
        InputStream in = client.getInputStream();
        OutputStream out = client.getOutputStream();
        byte[] greeting = in.readNBytes(2);
        byte[] methods = in.readNBytes(greeting[1]);
        boolean offersPassword = new String(methods, StandardCharsets.ISO_8859_1).indexOf(2) >= 0;
        if (user != null) {
            if (!offersPassword) {
                out.write(new byte[] {5, (byte) 0xff});
                client.close();
                return;
            }
            out.write(new byte[] {5, 2});
            in.read();
            String u = new String(in.readNBytes(in.read()), StandardCharsets.UTF_8);
            String p = new String(in.readNBytes(in.read()), StandardCharsets.UTF_8);
            boolean ok = u.equals(user) && p.equals(password);
            out.write(new byte[] {1, (byte) (ok ? 0 : 1)});
            if (!ok) {
                client.close();
                return;
            }
        } else {
            out.write(new byte[] {5, 0});
        }
        byte[] request = in.readNBytes(4);
        String host = switch (request[3]) {
            case 3 -> new String(in.readNBytes(in.read()), StandardCharsets.US_ASCII);
            case 1, 4 -> "[address] " + InetAddress.getByAddress(in.readNBytes(request[3] == 1 ? 4 : 16)).getHostAddress();
            default -> throw new IOException("address type " + request[3]);
        };
        byte[] port = in.readNBytes(2);
        String target = host + ":" + (((port[0] & 0xff) << 8) | (port[1] & 0xff));
        asked.add(target);
        target = target.replace("[address] ", "");
        Socket socket = open(target);
        out.write(new byte[] {5, 0, 0, 1, 127, 0, 0, 1, 0, 0});
        relay(client, socket, new byte[0]);
    }

    /** Connects to host:port; site.test is 127.0.0.1 here, as the tests' own resolver says. */
    private Socket open(String authority) throws IOException {
        int colon = authority.lastIndexOf(':');
        String host = authority.substring(0, colon);
        Socket s = new Socket(host.equals("site.test") ? "127.0.0.1" : host, Integer.parseInt(authority.substring(colon + 1)));
        sockets.add(s);
        return s;
    }

    private static void relay(Socket a, Socket b, byte[] first) throws IOException {
        b.getOutputStream().write(first);
        Thread.ofVirtual().start(() -> copy(b, a));
        copy(a, b);
    }

    private static void copy(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // one side closed
        } finally {
            try {
                from.close();
                to.close();
            } catch (IOException ignored) {
                // closed already
            }
        }
    }

    private static String readHead(InputStream in) throws IOException {
        var head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) throw new IOException("closed");
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) s.close();
    }
}
