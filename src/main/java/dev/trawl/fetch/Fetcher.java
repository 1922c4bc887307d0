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
 * Makes single GET requests through one shared HttpClient (keep-alive, HTTP/2 over TLS where offered).
 * Redirects are not followed here: the crawler follows them itself so that each hop is checked against
 * scope and robots.txt and goes through the politeness limits. Blocking: call it from a virtual thread.
 */
public final class Fetcher implements AutoCloseable {
    private static final String ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final java.util.concurrent.Executor EXECUTOR = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient client;
    private final FetchSettings settings;

    public Fetcher(FetchSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.timeout())
                .version(HttpClient.Version.HTTP_2)
                .executor(EXECUTOR)
                .build();
    }

    /**
     * Sends a GET and waits for the whole response, body included, for at most the timeout.
     *
     * @param keepBody given status and Content-Type, whether the body is wanted; unwanted bodies are counted
     *                 and dropped
     */
    public HttpAnswer get(String url, BiPredicate<Integer, String> keepBody) throws InterruptedException {
        HttpRequest request;
        try {
            request = request(URI.create(url));
        } catch (IllegalArgumentException e) {
            return new HttpAnswer.Failure(FetchError.BAD_URL, e.getMessage());
        }
        CompletableFuture<HttpResponse<RawBody>> future = client.sendAsync(request, info -> subscriber(info, keepBody));
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
        var builder = HttpRequest.newBuilder(uri)
                .GET()
                .header("User-Agent", settings.userAgent())
                .header("Accept", ACCEPT)
                .header("Accept-Encoding", "gzip, deflate");
        // Cleartext HTTP/2 would mean an Upgrade: h2c dance on every new connection; few servers offer it.
        if ("http".equals(uri.getScheme())) builder.version(HttpClient.Version.HTTP_1_1);
        return builder.build();
    }

    private HttpResponse.BodySubscriber<RawBody> subscriber(HttpResponse.ResponseInfo info, BiPredicate<Integer, String> keepBody) {
        String contentType = info.headers().firstValue("content-type").orElse(null);
        long expected = info.headers().firstValueAsLong("content-length").orElse(-1);
        return new LimitedBodySubscriber(settings.maxBody(), keepBody.test(info.statusCode(), contentType), expected);
    }

    private HttpAnswer answer(HttpResponse<RawBody> response) {
        var headers = response.headers();
        RawBody raw = response.body();
        byte[] body = null;
        int length = (int) Math.min(Integer.MAX_VALUE, raw.received());
        if (raw.bytes() != null) {
            try {
                body = ContentDecoder.decode(headers.firstValue("content-encoding").orElse(null), raw.bytes(), raw.length(), settings.maxBody());
                length = body.length;
            } catch (BodyTooLargeException e) {
                return new HttpAnswer.Failure(FetchError.TOO_LARGE, e.getMessage());
            } catch (IOException e) {
                return new HttpAnswer.Failure(FetchError.BAD_ENCODING, e.getMessage());
            }
        }
        return new HttpAnswer.Response(response.statusCode(),
                headers.firstValue("content-type").orElse(null),
                headers.firstValue("location").orElse(null),
                headers.firstValue("retry-after").orElse(null),
                body, length);
    }

    @Override
    public void close() {
        client.shutdownNow();
    }
}
