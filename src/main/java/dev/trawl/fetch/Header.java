package dev.trawl.fetch;

/** One response header as received, its value cleaned of control characters (RFC 9110 §5.5). */
public record Header(String name, String value) {}
