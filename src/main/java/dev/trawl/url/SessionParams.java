package dev.trawl.url;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Names of URL parameters that carry a session id rather than name a resource: dropped from the de-duplication key
 * ({@link DedupKey}) so that a site that writes a new session id into every link is one page per resource, not one
 * per visit. Compared case-insensitively. Immutable.
 *
 * @param names    exact parameter names, lower-case
 * @param prefixes name prefixes, lower-case (classic ASP writes ASPSESSIONIDxxxxxxxx with a random suffix)
 */
record SessionParams(Set<String> names, List<String> prefixes) {
    /**
     * The names Heritrix's and crawler-commons' session-id rules know: Java servlets, PHP, classic ASP, ColdFusion,
     * and the generic ones.
     */
    static final SessionParams DEFAULT = new SessionParams(
            Set.of("jsessionid", "phpsessid", "sid", "sessionid", "session_id", "cfid", "cftoken"),
            List.of("aspsessionid"));

    static final SessionParams NONE = new SessionParams(Set.of(), List.of());

    SessionParams {
        names = Set.copyOf(names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList());
        prefixes = prefixes.stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
    }

    /** Whether the parameter named s[from, to) is a session parameter. */
    boolean matches(CharSequence s, int from, int to) {
        if (names.isEmpty() && prefixes.isEmpty()) return false;
        String name = s.subSequence(from, to).toString().toLowerCase(Locale.ROOT);
        if (names.contains(name)) return true;
        for (String prefix : prefixes) {
            if (name.startsWith(prefix)) return true;
        }
        return false;
    }
}
