package dev.trawl.serve;

import java.nio.charset.StandardCharsets;

/** What a view answers: a status, a media type and the whole body (every view's output is bounded). */
record Response(int status, String contentType, byte[] body, boolean cacheable) {
    static Response html(int status, String html) {
        return new Response(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), false);
    }

    static Response html(String html) {
        return html(200, html);
    }

    static Response json(String json) {
        return new Response(200, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8), false);
    }
}
