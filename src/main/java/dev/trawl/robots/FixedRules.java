package dev.trawl.robots;

import java.time.Duration;

/** Verdicts that do not depend on a robots.txt body: after a 4xx, a 5xx, an unreachable host, or --ignore-robots. */
enum FixedRules implements RobotsRules {
    ALLOW_ALL,
    /** Everything but /robots.txt itself, so the crawler may still try to fetch it again. */
    DISALLOW_ALL;

    @Override
    public boolean allows(String url) {
        return this == ALLOW_ALL || RobotsTxtPath.isRobotsTxt(url);
    }

    @Override
    public Duration crawlDelay() {
        return Duration.ZERO;
    }
}
