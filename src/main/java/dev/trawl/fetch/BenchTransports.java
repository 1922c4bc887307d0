package dev.trawl.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.util.Timeout;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.http.HttpHeader;

/** THROWAWAY (transport measurement): Apache HttpClient 5 classic and Jetty 12 behind one call, selected by -Dtrawl.transport. */
final class BenchTransports {
    private BenchTransports() {}

    interface Transport extends AutoCloseable {
        HttpAnswer get(URI uri, BiPredicate<Integer, String> keepBody) throws Exception;

        @Override
        void close();
    }

    static String header(Header h) {
        return h == null ? null : h.getValue();
    }

    static final class Apache implements Transport {
        private final CloseableHttpClient client;
        private final FetchSettings settings;
        private final String accept;

        Apache(FetchSettings settings, String accept) {
            this.settings = settings;
            this.accept = accept;
            Timeout t = Timeout.of(settings.timeout());
            var cm = PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnPerRoute(64).setMaxConnTotal(1024)
                    .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(t).setSocketTimeout(t).build())
                    .build();
            client = HttpClients.custom().setConnectionManager(cm).disableRedirectHandling().disableAutomaticRetries()
                    .disableContentCompression().disableCookieManagement().disableAuthCaching()
                    .setUserAgent(settings.userAgent()).build();
        }

        @Override
        public HttpAnswer get(URI uri, BiPredicate<Integer, String> keepBody) throws IOException {
            var get = new HttpGet(uri);
            get.addHeader("Accept", accept);
            get.addHeader("Accept-Encoding", "gzip, deflate");
            return client.execute(get, response -> {
                int status = response.getCode();
                String type = header(response.getFirstHeader("Content-Type"));
                var entity = response.getEntity();
                long length = entity == null ? -1 : entity.getContentLength();
                var sink = new BodySink(keepBody.test(status, type), settings.maxBody(), length);
                if (entity != null) {
                    try (InputStream in = entity.getContent()) {
                        var source = new InputStreamSource(in);
                        while (sink.readFrom(source, Long.MAX_VALUE) >= 0) { }
                    }
                }
                return Answers.response(status, type, header(response.getFirstHeader("Location")),
                        header(response.getFirstHeader("Retry-After")), header(response.getFirstHeader("Content-Encoding")),
                        sink.result(), settings.maxBody());
            });
        }

        @Override
        public void close() {
            try {
                client.close();
            } catch (IOException ignored) {
            }
        }
    }

    static final class Jetty implements Transport {
        private final org.eclipse.jetty.client.HttpClient client = new org.eclipse.jetty.client.HttpClient();
        private final FetchSettings settings;
        private final String accept;

        Jetty(FetchSettings settings, String accept) {
            this.settings = settings;
            this.accept = accept;
            client.setFollowRedirects(false);
            client.setMaxConnectionsPerDestination(64);
            client.setConnectTimeout(settings.timeout().toMillis());
            client.setUserAgentField(new org.eclipse.jetty.http.HttpField(HttpHeader.USER_AGENT, settings.userAgent()));
            client.getContentDecoderFactories().clear();
            try {
                client.start();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public HttpAnswer get(URI uri, BiPredicate<Integer, String> keepBody) throws Exception {
            var listener = new InputStreamResponseListener();
            Duration timeout = settings.timeout();
            client.newRequest(uri).headers(h -> h.put(HttpHeader.ACCEPT, accept).put(HttpHeader.ACCEPT_ENCODING, "gzip, deflate"))
                    .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).send(listener);
            var response = listener.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            var h = response.getHeaders();
            int status = response.getStatus();
            String type = h.get(HttpHeader.CONTENT_TYPE);
            var sink = new BodySink(keepBody.test(status, type), settings.maxBody(), h.getLongField(HttpHeader.CONTENT_LENGTH));
            try (InputStream in = listener.getInputStream()) {
                var source = new InputStreamSource(in);
                while (sink.readFrom(source, Long.MAX_VALUE) >= 0) { }
            }
            return Answers.response(status, type, h.get(HttpHeader.LOCATION), h.get(HttpHeader.RETRY_AFTER),
                    h.get(HttpHeader.CONTENT_ENCODING), sink.result(), settings.maxBody());
        }

        @Override
        public void close() {
            try {
                client.stop();
            } catch (Exception ignored) {
            }
        }
    }
}
