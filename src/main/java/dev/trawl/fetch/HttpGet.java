package dev.trawl.fetch;

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
}
