package dev.trawl.crawl;

import dev.trawl.fetch.FetchError;
import dev.trawl.fetch.HttpAnswer;
import dev.trawl.fetch.HttpGet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Answers the crawl's requests from a script, per URL, in turn (the last answer repeats); a URL without a script
 * fails the test. Keeps a body only when the crawl's body policy asks for it, as {@code Fetcher} does.
 */
final class ScriptedHttp implements HttpGet {
    private final Map<String, Deque<HttpAnswer>> answers = new HashMap<>();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    synchronized ScriptedHttp answer(String url, HttpAnswer... inTurn) {
        answers.put(url, new ArrayDeque<>(List.of(inTurn)));
        return this;
    }

    List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public synchronized HttpAnswer get(String url, BiPredicate<Integer, String> keepBody) {
        requests.add(url);
        Deque<HttpAnswer> queue = answers.get(url);
        if (queue == null) throw new AssertionError("no answer scripted for " + url);
        HttpAnswer answer = queue.size() > 1 ? queue.poll() : queue.peek();
        if (answer instanceof HttpAnswer.Response r && r.body() != null && !keepBody.test(r.status(), r.contentType())) {
            return new HttpAnswer.Response(r.status(), r.contentType(), r.location(), r.retryAfter(), null,
                    r.bodyLength(), r.statusLine(), r.headers(), null, 0);
        }
        return answer;
    }

    static HttpAnswer.Response status(int status) {
        return response(status, "text/plain", null, null, "");
    }

    static HttpAnswer.Response retryAfter(int status, String retryAfter) {
        return response(status, "text/plain", null, retryAfter, "");
    }

    static HttpAnswer.Response redirect(int status, String location) {
        return response(status, "text/html", location, null, "");
    }

    static HttpAnswer.Response html(String body) {
        return response(200, "text/html; charset=utf-8", null, null, body);
    }

    static HttpAnswer.Response text(int status, String body) {
        return response(status, "text/plain", null, null, body);
    }

    static HttpAnswer.Failure failure(FetchError error) {
        return new HttpAnswer.Failure(error, "scripted");
    }

    private static HttpAnswer.Response response(int status, String type, String location, String retryAfter, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new HttpAnswer.Response(status, type, location, retryAfter, bytes, bytes.length, "HTTP/1.1 " + status,
                List.of(), bytes, bytes.length);
    }
}
