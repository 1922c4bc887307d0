package dev.trawl.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

/** What the wire tests read off an answer, failing the test when it is the other kind. */
final class Answered {
    private Answered() {}

    static HttpAnswer.Response response(HttpAnswer answer) {
        assertThat(answer).as("%s", answer).isInstanceOf(HttpAnswer.Response.class);
        return (HttpAnswer.Response) answer;
    }

    static String body(HttpAnswer answer) {
        return new String(response(answer).body(), StandardCharsets.UTF_8);
    }

    static FetchError error(HttpAnswer answer) {
        assertThat(answer).as("%s", answer).isInstanceOf(HttpAnswer.Failure.class);
        return ((HttpAnswer.Failure) answer).error();
    }
}
