package dev.trawl.fetch;

import java.util.List;
import java.util.function.BiPredicate;

/**
 * One GET as the crawl asks for it: a URL and which bodies to keep, an {@link HttpAnswer} back. {@link Fetcher} is the
 * real one; the crawl takes this interface so that its decisions (retry, redirect, robots.txt) can be tested against
 * scripted answers. A request with more to say (validators of a conditional recrawl, say) is a new method here.
 */
@FunctionalInterface
public interface HttpGet {
    /**
     * @param keepBody given status and Content-Type, whether the body is wanted
     * @see Fetcher#get(String, BiPredicate)
     */
    HttpAnswer get(String url, BiPredicate<Integer, String> keepBody) throws InterruptedException;

    /**
     * As {@link #get(String, BiPredicate)}, with headers of this request only (a recrawl's If-None-Match and
     * If-Modified-Since). A getter that cannot send them refuses them rather than send the request unconditional.
     *
     * @see Fetcher#get(String, List, BiPredicate)
     */
    default HttpAnswer get(String url, List<Header> requestHeaders, BiPredicate<Integer, String> keepBody)
            throws InterruptedException {
        if (!requestHeaders.isEmpty()) throw new UnsupportedOperationException("this getter sends no request headers");
        return get(url, keepBody);
    }
}
