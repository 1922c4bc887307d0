package dev.trawl.robots;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import java.time.Duration;
import java.util.List;

/**
 * Rules parsed from a robots.txt body by crawler-commons. Immutable in practice: the wrapped
 * {@link SimpleRobotRules} is built before this object, is never handed out or changed, and its
 * {@code isAllowed} only reads; the final field publishes it safely to every thread.
 */
final class ParsedRules implements RobotsRules {
    private final SimpleRobotRules rules;
    private final Duration crawlDelay;

    ParsedRules(SimpleRobotRules rules, Duration maxCrawlDelay) {
        this.rules = rules;
        this.crawlDelay = crawlDelayOf(rules, maxCrawlDelay);
    }

    @Override
    public boolean allows(String url) {
        // crawler-commons exempts /robots.txt too, but not when a too-long Crawl-delay made it disallow everything
        return RobotsTxtPath.isRobotsTxt(url) || rules.isAllowed(url);
    }

    @Override
    public Duration crawlDelay() {
        return crawlDelay;
    }

    @Override
    public List<String> sitemaps() {
        return List.copyOf(rules.getSitemaps());
    }

    /** Unset or negative means no delay; the cap only guards against a parser built with a larger maximum. */
    private static Duration crawlDelayOf(SimpleRobotRules rules, Duration max) {
        long millis = rules.getCrawlDelay();
        if (millis == BaseRobotRules.UNSET_CRAWL_DELAY || millis <= 0) {
            return Duration.ZERO;
        }
        Duration delay = Duration.ofMillis(millis);
        return delay.compareTo(max) > 0 ? max : delay;
    }

    @Override
    public String toString() {
        return "ParsedRules[crawlDelay=" + crawlDelay + ", " + rules + "]";
    }
}
