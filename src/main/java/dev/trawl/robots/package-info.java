/**
 * robots.txt handling (RFC 9309), wrapping crawler-commons. {@link dev.trawl.robots.RobotsPolicy} turns a fetch of
 * {@code /robots.txt} into {@link dev.trawl.robots.RobotsRules}. No nulls unless documented.
 */
package dev.trawl.robots;
