package dev.trawl.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiPredicate;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.transport.HttpClientConnectionFactory;
import org.eclipse.jetty.client.transport.HttpClientTransportDynamic;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.client.transport.ClientConnectionFactoryOverHTTP2;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * https:// with HTTP/2 (--http2): Jetty's client, h2 offered by ALPN before http/1.1, so a server without h2 is
 * spoken to in HTTP/1.1 by the same client. It keeps what {@link Http1Client} guarantees:
 *
 * <ul>
 *   <li>one {@link Deadline} for the whole request (DNS, connect, TLS, write, head, body): a {@link Watchdog} aborts the
 *       request when it passes, which fails whatever is waiting; a wait for memory pauses it, as on HTTP/1.1;
 *   <li>the SSRF guard on the addresses actually connected to ({@link GuardedResolver} is Jetty's only resolver);
 *   <li>the body read on the calling thread into a {@link BodySink} (the same limits and memory claim), Jetty's
 *       content decoders removed so that decoding is trawl's, bounded and charged; Jetty holds at most one stream
 *       window ({@value #STREAM_WINDOW} bytes) of a response before the sink has it;
 *   <li>the head made by {@link ResponseHead#of}: the same cleaning of control characters and Location rule;
 *   <li>no redirects followed, no cookies kept, no server push.
 * </ul>
 *
 * Not through --proxy: the {@link Fetcher} sends proxied requests through Http1Client. Thread-safe.
 */
final class Http2Client implements AutoCloseable {
    /** Per-stream receive window: what a server may send before the body is read (HTTP/2's default is 64 KiB). */
    static final int STREAM_WINDOW = 128 * 1024;
    private static final int SESSION_WINDOW = 1024 * 1024;
    private static final int SCRATCH = 16 * 1024;
    private final FetchSettings settings;
    private final String accept;
    private final HttpClient client;

    Http2Client(FetchSettings settings, String accept) {
        this.settings = settings;
        this.accept = accept;
        var tls = new SslContextFactory.Client();
        try {
            // the same trust as Http1Client: the given context, else the JDK's default (javax.net.ssl.* settings)
            tls.setSslContext(settings.tls() != null ? settings.tls() : javax.net.ssl.SSLContext.getDefault());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("no TLS: " + e.getMessage(), e);
        }
        var connector = new ClientConnector();
        connector.setSslContextFactory(tls);
        connector.setSelectors(1);
        var h2 = new HTTP2Client(connector);
        h2.setInitialStreamRecvWindow(STREAM_WINDOW);
        h2.setInitialSessionRecvWindow(SESSION_WINDOW);
        h2.setMaxResponseHeadersSize(ResponseHead.MAX_HEAD_BYTES);
        h2.setMaxConcurrentPushedStreams(0);
        // Both offered by ALPN, the server chooses (servers with h2 prefer it); listed first, HTTP/1.1 is what is spoken
        // to a server that chooses nothing (no ALPN at all)
        var transport = new HttpClientTransportDynamic(connector, HttpClientConnectionFactory.HTTP11,
                new ClientConnectionFactoryOverHTTP2.HTTP2(h2));
        client = new HttpClient(transport);
        var threads = new QueuedThreadPool(16, 2);
        threads.setName("trawl-h2");
        threads.setDaemon(true);
        client.setExecutor(threads);
        client.setSocketAddressResolver(new GuardedResolver(settings.resolver(),
                settings.allowPrivate() ? AddressGuard.OFF : AddressGuard.allowing(settings.seedHosts())));
        client.setFollowRedirects(false);
        client.setHttpCookieStore(new HttpCookieStore.Empty());
        client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, ResponseHead.clean(settings.userAgent())));
        client.setMaxResponseHeadersSize(ResponseHead.MAX_HEAD_BYTES);
        client.setIdleTimeout(TimeUnit.SECONDS.toMillis(30));
        client.setConnectTimeout(settings.timeout().toMillis());
        client.setMaxConnectionsPerDestination(64);
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the HTTP/2 client: " + e.getMessage(), e);
        }
        client.getContentDecoderFactories().clear(); // after start, which adds the decoders it finds; trawl decodes
    }

    /** One GET under the whole-request deadline, body read (or counted and dropped) to the end. */
    HttpAnswer get(URI uri, BiPredicate<Integer, String> keepBody) throws IOException {
        Deadline deadline = Deadline.after(settings.timeout());
        Request request = request(uri);
        var listener = new InputStreamResponseListener();
        Future<?> watchdog = Watchdog.at(deadline, () -> request.abort(deadline.expiredException(null)));
        boolean done = false;
        try {
            request.send(listener);
            Response response = head(listener, deadline);
            ResponseHead head = ResponseHead.of(response.getStatus(), statusLine(response), headers(response));
            boolean keep = keepBody.test(head.status(), head.contentType());
            if (head.contentLength() > settings.maxBody()) throw new BodyTooLargeException(settings.maxBody());
            var sink = new BodySink(keep, settings.maxBody(), deadline);
            try (InputStream body = listener.getInputStream()) {
                BodySource source = new StreamSource(body);
                while (sink.readFrom(source, Long.MAX_VALUE) >= 0) {
                    // to the end of the body
                }
            }
            done = true;
            return Answers.response(head, sink.result(), settings.maxBody());
        } catch (InterruptedIOException e) {
            if (!deadline.expired()) Thread.currentThread().interrupt(); // Jetty's stream cleared the flag
            throw e;
        } catch (IOException e) {
            if (deadline.expired() && !(e instanceof BodyTooLargeException)) throw deadline.expiredException(e);
            throw e;
        } finally {
            watchdog.cancel(false);
            if (!done) request.abort(new IOException("request abandoned"));
        }
    }

    private Request request(URI uri) {
        return client.newRequest(uri).method(HttpMethod.GET).headers(h -> {
            boolean ownAccept = false;
            for (String header : settings.headers()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon);
                ownAccept |= name.equalsIgnoreCase("accept");
                h.add(name, header.substring(colon + 1).strip());
            }
            if (!ownAccept) h.put(HttpHeader.ACCEPT, accept);
            h.put(HttpHeader.ACCEPT_ENCODING, "gzip, deflate");
        });
    }

    /** Waits for the response head; the watchdog's abort ends the wait at the deadline. */
    private static Response head(InputStreamResponseListener listener, Deadline deadline) throws IOException {
        try {
            return listener.get(Math.max(1, deadline.nanosToCap()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the response");
        } catch (TimeoutException e) {
            throw deadline.expiredException(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            throw new IOException(e.getCause());
        }
    }

    /** "HTTP/2.0 200", or HTTP/1.1's status line with its reason. */
    private static String statusLine(Response response) {
        String reason = response.getReason();
        return response.getVersion().asString() + " " + response.getStatus()
                + (reason == null || reason.isEmpty() ? "" : " " + reason);
    }

    private static List<Header> headers(Response response) {
        List<Header> headers = new ArrayList<>(response.getHeaders().size());
        for (HttpField field : response.getHeaders()) {
            headers.add(new Header(field.getName(), field.getValue() == null ? "" : field.getValue()));
        }
        return headers;
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception e) {
            // stopping releases sockets and threads; nothing more to do if it fails
        }
    }

    /** Jetty's response stream as a body source; skipping reads into a scratch array. */
    private record StreamSource(InputStream in, byte[] scratch) implements BodySource {
        StreamSource(InputStream in) {
            this(in, new byte[SCRATCH]);
        }

        @Override
        public int read(byte[] dst, int off, int len) throws IOException {
            return in.read(dst, off, len);
        }

        @Override
        public long skip(long max) throws IOException {
            return in.read(scratch, 0, (int) Math.min(max, scratch.length));
        }
    }
}
