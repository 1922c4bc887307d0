package dev.trawl.sitemap;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The tests' {@link SitemapFetcher}: the JDK HttpClient, redirects followed, 2xx bodies kept, others a reason. */
final class HttpSitemapFetcher implements SitemapFetcher {
    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Override
    public Fetched fetch(String url) throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 != 2) {
                return new Fetched.Failed("http " + response.statusCode());
            }
            String type = response.headers().firstValue("Content-Type").orElse(null);
            return new Fetched.Body(response.uri().toString(), type, response.body());
        } catch (IOException e) {
            return new Fetched.Failed("fetch failed: " + e.getClass().getSimpleName());
        }
    }
}
