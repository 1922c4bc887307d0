package dev.trawl.robots;

import crawlercommons.robots.SimpleRobotRulesParser;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Turns a robots.txt fetch into {@link RobotsRules}, per RFC 9309. Parsing is done by crawler-commons with exact
 * product-token matching: a group applies when one of its {@code User-agent:} values equals trawl's product token
 * (case-insensitively), otherwise the {@code *} group applies.
 *
 * <p>Crawl-delay: a value above {@link #MAX_CRAWL_DELAY} (300 s, crawler-commons' default) makes the whole site
 * disallowed, as crawler-commons and Nutch do: a site asking for one request per five minutes or less does not want
 * to be crawled, and honouring it would hold a host queue open for hours. Values up to it are returned as given.
 *
 * <p>Immutable and thread-safe; the rules it returns are too.
 */
public final class RobotsPolicy {
    /** The longest Crawl-delay trawl honours; a longer one disallows the whole site (see the class comment). */
    public static final Duration MAX_CRAWL_DELAY = Duration.ofMillis(SimpleRobotRulesParser.DEFAULT_MAX_CRAWL_DELAY);

    /** RFC 9309 §2.5: parsers must read at least 500 KiB; we read that much and no more, bounding parse cost. */
    public static final int MAX_BODY_BYTES = 500 * 1024;

    /** crawler-commons stops logging parse warnings after this many per file. */
    private static final int MAX_WARNINGS = 5;

    private final List<String> robotNames;

    /**
     * userAgent is the full User-Agent header; its product token (e.g. "trawl") is what robots.txt groups match.
     * An empty header or token matches no named group, so only the {@code *} group applies.
     */
    public RobotsPolicy(String userAgent) {
        String token = ProductToken.of(Objects.requireNonNull(userAgent, "userAgent")).value();
        // an empty name would make crawler-commons look for an empty User-agent: value; no names means only '*'
        this.robotNames = token.isEmpty() ? List.of() : List.of(token);
    }

    /**
     * Rules from a robots.txt that answered 2xx. robotsUrl is e.g. "http://host/robots.txt"; Sitemap: URLs are
     * resolved against it. contentType may be null. Only the first {@value #MAX_BODY_BYTES} bytes are read.
     */
    public RobotsRules fromBody(String robotsUrl, byte[] body, String contentType) {
        Objects.requireNonNull(robotsUrl, "robotsUrl");
        Objects.requireNonNull(body, "body");
        return new ParsedRules(
                newParser().parseContent(robotsUrl, limit(body), contentType, robotNames), MAX_CRAWL_DELAY);
    }

    /**
     * Rules when robots.txt answered with this non-2xx status. 4xx allows all (RFC 9309 §2.3.1.3: "unavailable").
     * 5xx disallows all (§2.3.1.4: "unreachable"; the caller re-fetches later). A 3xx here means the caller gave up
     * on the redirect chain (over 5 hops), which §2.3.1.2 lets us treat as unavailable: allow all, as Google does.
     * Anything else allows all.
     */
    public RobotsRules fromStatus(int status) {
        return isUnreachable(status) ? FixedRules.DISALLOW_ALL : FixedRules.ALLOW_ALL;
    }

    /**
     * Whether robots.txt answering with this status is "unreachable" (RFC 9309 §2.3.1.4: 5xx): the crawler must
     * disallow the origin for a while and fetch robots.txt again later, rather than decide from this answer.
     */
    public static boolean isUnreachable(int status) {
        return status >= 500 && status <= 599;
    }

    /** Rules when robots.txt could not be fetched at all (timeout, connect, dns): disallow all (RFC 9309 §2.3.1.4). */
    public RobotsRules unreachable() {
        return FixedRules.DISALLOW_ALL;
    }

    /** Rules that allow everything (for --ignore-robots). */
    public static RobotsRules allowAll() {
        return FixedRules.ALLOW_ALL;
    }

    /** The lower-cased product token of a User-Agent header: "trawl" from "trawl/0.1 (+https://…)"; may be empty. */
    public static String productToken(String userAgent) {
        return ProductToken.of(Objects.requireNonNull(userAgent, "userAgent")).value();
    }

    /** Whether token is a valid RFC 9309 §2.2.1 product token ({@code [a-zA-Z_-]+}); "bot1" and "" are not. */
    public static boolean isValidProductToken(String token) {
        return ProductToken.isValid(Objects.requireNonNull(token, "token"));
    }

    /**
     * A fresh parser per body: crawler-commons' parser has setters and a per-thread warning counter, so sharing one
     * would put mutable state behind this immutable class. It is cheap to build.
     */
    private static SimpleRobotRulesParser newParser() {
        var parser = new SimpleRobotRulesParser(MAX_CRAWL_DELAY.toMillis(), MAX_WARNINGS);
        parser.setExactUserAgentMatching(true);
        return parser;
    }

    /** Cuts an oversized body after its last line break within the limit, so no rule is cut short. */
    static byte[] limit(byte[] body) {
        if (body.length <= MAX_BODY_BYTES) {
            return body;
        }
        int end = MAX_BODY_BYTES;
        while (end > 0 && body[end - 1] != '\n' && body[end - 1] != '\r') {
            end--;
        }
        return Arrays.copyOf(body, end == 0 ? MAX_BODY_BYTES : end);
    }
}
