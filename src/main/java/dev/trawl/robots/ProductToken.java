package dev.trawl.robots;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The product token of a User-Agent header, lower-cased: "trawl" from {@code "trawl/0.1 (+https://…)"}. This is
 * what robots.txt {@code User-agent:} lines are matched against (RFC 9309 §2.2.1). May be empty.
 */
record ProductToken(String value) {
    /** RFC 9309 §2.2.1: a product token is letters, '_' and '-' only. */
    private static final Pattern VALID = Pattern.compile("[a-zA-Z_-]+");

    ProductToken {
        Objects.requireNonNull(value, "value");
    }

    /**
     * The first product of the header (RFC 9110 §10.1.5: {@code product = token ["/" product-version]}), without its
     * version. Digits are kept: crawler-commons matches "bot1" exactly, and cutting at the first digit (as Google's
     * matcher does) would make "bot1" and "bot2" the same robot.
     */
    static ProductToken of(String userAgent) {
        String header = userAgent.strip();
        int end = 0;
        while (end < header.length() && !endsProduct(header.charAt(end))) {
            end++;
        }
        return new ProductToken(header.substring(0, end).toLowerCase(Locale.ROOT));
    }

    /** Whether the string is a product token as RFC 9309 §2.2.1 defines it. */
    static boolean isValid(String token) {
        return VALID.matcher(token).matches();
    }

    private static boolean endsProduct(char c) {
        return c == '/' || c == '(' || Character.isWhitespace(c);
    }
}
