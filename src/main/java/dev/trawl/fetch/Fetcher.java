package dev.trawl.fetch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiPredicate;

/**
 * Makes single GET requests: http:// through trawl's own blocking HTTP/1.1 client ({@link Http1Client}),
 * https:// through one shared JDK HttpClient (TLS, and HTTP/2 where ALPN offers it). Both keep connections
 * alive. The JDK client's asynchronous machinery cost most of the crawler's CPU on cleartext HTTP, hence
 * the split (docs/BENCHMARKS.md). Redirects are not followed here: the crawler follows them itself so that
 * each hop is checked against scope and robots.txt and goes through the politeness limits. Blocking: call
 * it from a virtual thread.
 */
public final class Fetcher implements AutoCloseable {
    private static final String ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final java.util.concurrent.Executor EXECUTOR = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
    private final Http1Client http1;
    private final FetchSettings settings;
    /**
     * Made on the first https:// request: building it loads the TLS trust store, tens of milliseconds of start-up
     * that a crawl of http:// sites never needs.
     */
    private volatile HttpClient client;
    /** THROWAWAY (transport measurement): http1, jdk, apache or jetty for every scheme; unset = http1 for http, jdk for https. */
    private static final String TRANSPORT = System.getProperty("trawl.transport", "");
    private final BenchTransports.Transport bench;

    public Fetcher(FetchSettings settings) {
        this.settings = settings;
        this.http1 = new Http1Client(settings, ACCEPT);
        this.bench = switch (TRANSPORT) {
            case "apache" -> new BenchTransports.Apache(settings, ACCEPT);
            case "jetty" -> new BenchTransports.Jetty(settings, ACCEPT);
            default -> null;
        };
    }

    private HttpClient jdkClient() {
        HttpClient made = client;
        if (made != null) return made;
        synchronized (this) {
            if (client == null) {
                client = HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .connectTimeout(settings.timeout())
                        .version(HttpClient.Version.HTTP_2)
                        .executor(EXECUTOR)
                        .build();
            }
            return client;
        }
    }

    /**
     * Sends a GET and waits for the whole response, body included, for at most the timeout.
     *
     * @param keepBody given status and Content-Type, whether the body is wanted; unwanted bodies are counted
     *                 and dropped
     * @throws InterruptedException when the calling thread is interrupted; the request is abandoned
     */
    public HttpAnswer get(String url, BiPredicate<Integer, String> keepBody) throws InterruptedException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return new HttpAnswer.Failure(FetchError.BAD_URL, e.getMessage());
        }
        if (bench != null) {
            try {
                return bench.get(uri, keepBody);
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                return FailureClassifier.classify(e);
            }
        }
        if (TRANSPORT.equals("jdk")) return getJdk(uri, keepBody);
        if (TRANSPORT.equals("http1")) return getHttp1(uri, keepBody);
        return "http".equalsIgnoreCase(uri.getScheme()) ? getHttp1(uri, keepBody) : getJdk(uri, keepBody);
    }

    private HttpAnswer getHttp1(URI uri, BiPredicate<Integer, String> keepBody) throws InterruptedException {
        if (Thread.interrupted()) throw new InterruptedException("request to " + uri + " not started");
        try {
            return http1.get(uri, keepBody);
        } catch (IOException e) {
            // On a virtual thread, interrupt closes a blocked socket: the read fails and the status stays set.
            if (Thread.interrupted()) throw new InterruptedException("request to " + uri + " interrupted");
            return FailureClassifier.classify(e);
        } catch (IllegalArgumentException e) {
            return new HttpAnswer.Failure(FetchError.BAD_URL, e.getMessage());
        }
    }

    private HttpAnswer getJdk(URI uri, BiPredicate<Integer, String> keepBody) throws InterruptedException {
        HttpRequest request;
        try {
            request = request(uri);
        } catch (IllegalArgumentException e) {
            return new HttpAnswer.Failure(FetchError.BAD_URL, e.getMessage());
        }
        CompletableFuture<HttpResponse<RawBody>> future = jdkClient().sendAsync(request, info -> subscriber(info, keepBody));
        try {
            return answer(future.get(settings.timeout().toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            future.cancel(true); // aborts the exchange, slow body included (the client's own timeout stops at headers)
            return new HttpAnswer.Failure(FetchError.TIMEOUT, "no complete response within " + settings.timeout());
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            return FailureClassifier.classify(e.getCause());
        }
    }

    private HttpRequest request(URI uri) {
        return HttpRequest.newBuilder(uri)
                .GET()
                .header("User-Agent", settings.userAgent())
                .header("Accept", ACCEPT)
                .header("Accept-Encoding", "gzip, deflate")
                .build();
    }

    private HttpResponse.BodySubscriber<RawBody> subscriber(HttpResponse.ResponseInfo info, BiPredicate<Integer, String> keepBody) {
        String contentType = info.headers().firstValue("content-type").orElse(null);
        long expected = info.headers().firstValueAsLong("content-length").orElse(-1);
        return new LimitedBodySubscriber(settings.maxBody(), keepBody.test(info.statusCode(), contentType), expected);
    }

    private HttpAnswer answer(HttpResponse<RawBody> response) {
        var headers = response.headers();
        return Answers.response(response.statusCode(),
                headers.firstValue("content-type").orElse(null),
                headers.firstValue("location").orElse(null),
                headers.firstValue("retry-after").orElse(null),
                headers.firstValue("content-encoding").orElse(null),
                response.body(), settings.maxBody());
    }

    /** Idle keep-alive connections of the http:// client; a seam for tests. */
    int idleHttpConnections() {
        return http1.idleConnections();
    }

    @Override
    public void close() {
        if (bench != null) bench.close();
        try (http1) {
            HttpClient made;
            synchronized (this) {
                made = client;
            }
            if (made != null) made.shutdownNow();
        }
    }
}
