package dev.trawl.fetch;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * A real HTTP/2 server over TLS on 127.0.0.1 for tests (Jetty's, h2 and http/1.1 offered by ALPN, TestTls's
 * certificate). It counts the connections it accepts and keeps the protocol of every request it saw.
 */
public final class H2Server implements AutoCloseable {
    /** What the server does with one request. */
    @FunctionalInterface
    public interface Script {
        void answer(Request request, Response response, Callback callback) throws Exception;
    }

    private final Server server = new Server();
    private final ServerConnector connector;
    public final AtomicInteger connections = new AtomicInteger();
    public final CopyOnWriteArrayList<String> protocols = new CopyOnWriteArrayList<>();

    public H2Server(Script script) throws Exception {
        var config = new HttpConfiguration();
        config.addCustomizer(new SecureRequestCustomizer(false)); // no SNI host check: the tests use names and 127.0.0.1
        var h1 = new HttpConnectionFactory(config);
        var h2 = new HTTP2ServerConnectionFactory(config);
        var alpn = new ALPNServerConnectionFactory();
        alpn.setDefaultProtocol(h1.getProtocol());
        var tls = new SslContextFactory.Server();
        tls.setSslContext(TestTls.server());
        connector = new ServerConnector(server, new SslConnectionFactory(tls, alpn.getProtocol()), alpn, h2, h1);
        connector.setHost("127.0.0.1");
        connector.addEventListener(new Connection.Listener() {
            @Override
            public void onOpened(Connection connection) {
                connections.incrementAndGet();
            }
        });
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                protocols.add(request.getConnectionMetaData().getProtocol());
                script.answer(request, response, callback);
                return true;
            }
        });
        server.start();
    }

    public int port() {
        return connector.getLocalPort();
    }

    public String url(String path) {
        return "https://127.0.0.1:" + port() + path;
    }

    @Override
    public void close() throws java.io.IOException {
        try {
            server.stop();
        } catch (Exception e) {
            throw new java.io.IOException("stopping the h2 server: " + e.getMessage(), e);
        }
    }
}
