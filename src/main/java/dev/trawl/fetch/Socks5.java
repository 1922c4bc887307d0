package dev.trawl.fetch;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The client side of SOCKS5 (RFC 1928) with username/password authentication (RFC 1929): asks the proxy to
 * connect to an address already checked by the SSRF guard (ATYP 1 or 4), or to host:port by name when there is none
 * (the proxy resolves it). Runs on a connected socket whose SO_TIMEOUT the caller has set to the time left.
 */
final class Socks5 {
    private Socks5() {}

    /** @param address where to connect, or null to have the proxy resolve host */
    static void connect(Socket socket, String host, java.net.InetAddress address, int port, String user, String password)
            throws IOException {
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        out.write(user == null ? new byte[] {5, 1, 0} : new byte[] {5, 2, 0, 2});
        out.flush();
        byte[] choice = readFully(in, 2);
        if (choice[0] != 5) throw new ProtocolException("not a SOCKS5 proxy");
        if (choice[1] == 2 && user != null) {
            byte[] u = user.getBytes(StandardCharsets.UTF_8), p = password.getBytes(StandardCharsets.UTF_8);
            var auth = new java.io.ByteArrayOutputStream();
            auth.write(1);
            auth.write(u.length);
            auth.write(u);
            auth.write(p.length);
            auth.write(p);
            out.write(auth.toByteArray());
            out.flush();
            if (readFully(in, 2)[1] != 0) throw new ConnectException("SOCKS5 proxy refused the credentials");
        } else if (choice[1] != 0) {
            throw new ConnectException("SOCKS5 proxy accepts none of the offered authentication methods");
        }
        var request = new java.io.ByteArrayOutputStream();
        if (address != null) {
            byte[] ip = address.getAddress();
            request.write(new byte[] {5, 1, 0, (byte) (ip.length == 4 ? 1 : 4)});
            request.write(ip);
        } else {
            byte[] name = host.getBytes(StandardCharsets.US_ASCII);
            if (name.length > 255) throw new IllegalArgumentException("host name longer than 255 bytes: " + host);
            request.write(new byte[] {5, 1, 0, 3, (byte) name.length});
            request.write(name);
        }
        request.write(port >> 8);
        request.write(port & 0xff);
        out.write(request.toByteArray());
        out.flush();
        byte[] reply = readFully(in, 4);
        if (reply[0] != 5) throw new ProtocolException("malformed SOCKS5 reply");
        if (reply[1] != 0) throw new ConnectException("SOCKS5 proxy could not connect to " + host + ":" + port + " (reply " + reply[1] + ")");
        int addressLength = switch (reply[3]) {
            case 1 -> 4;
            case 4 -> 16;
            case 3 -> readFully(in, 1)[0] & 0xff;
            default -> throw new ProtocolException("malformed SOCKS5 reply address type " + reply[3]);
        };
        readFully(in, addressLength + 2); // the bound address and port: not needed
    }

    private static byte[] readFully(InputStream in, int n) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) throw new EOFException("SOCKS5 proxy closed the connection");
        return b;
    }
}
