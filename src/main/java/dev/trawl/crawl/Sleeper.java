package dev.trawl.crawl;

import java.time.Duration;

/** Waits a while: {@link #SYSTEM} in a crawl, a fake that only notes the wait in the crawl's unit tests. */
@FunctionalInterface
interface Sleeper {
    Sleeper SYSTEM = Thread::sleep;

    void sleep(Duration duration) throws InterruptedException;
}
