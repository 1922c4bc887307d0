package dev.trawl.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trawl.fetch.Header;
import dev.trawl.store.PreviousFetch;
import dev.trawl.store.Validators;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionalRequestTest {
    private static final String URL = "https://a.example/page";
    private static final String DATE = "Sun, 01 Nov 2026 09:00:00 GMT";

    @Test
    void sendsBackTheValidatorsAsReceived() {
        var previous = previous(URL, new Validators("W/\"abc\"", DATE));
        assertThat(ConditionalRequest.headers(previous, URL))
                .containsExactly(new Header("If-None-Match", "W/\"abc\""), new Header("If-Modified-Since", DATE));
        assertThat(ConditionalRequest.isConditional(previous, URL)).isTrue();
        assertThat(ConditionalRequest.headers(previous(URL, new Validators(null, DATE)), URL))
                .containsExactly(new Header("If-Modified-Since", DATE));
    }

    @Test
    void nothingToSendWithoutValidatorsOrToAnotherUrl() {
        assertThat(ConditionalRequest.headers(null, URL)).isEmpty();
        assertThat(ConditionalRequest.headers(previous(URL, Validators.NONE), URL)).isEmpty();
        // the validators came from the end of a redirect chain: not for the URL that redirected there
        var redirected = previous("https://a.example/moved", new Validators("\"x\"", null));
        assertThat(ConditionalRequest.headers(redirected, URL)).isEmpty();
        assertThat(ConditionalRequest.isConditional(redirected, URL)).isFalse();
        assertThat(ConditionalRequest.headers(redirected, "https://a.example/moved")).hasSize(1);
    }

    @Test
    void readsTheFirstOfEachValidatorIgnoringCase() {
        var headers = List.of(new Header("content-type", "text/html"), new Header("etag", "\"1\""),
                new Header("ETag", "\"2\""), new Header("LAST-MODIFIED", DATE));
        assertThat(ConditionalRequest.validators(headers)).isEqualTo(new Validators("\"1\"", DATE));
        assertThat(ConditionalRequest.validators(List.of())).isEqualTo(Validators.NONE);
    }

    private static PreviousFetch previous(String finalUrl, Validators validators) {
        return new PreviousFetch(finalUrl, Instant.EPOCH, 200, "sha1:A", validators);
    }
}
