package dev.trawl.url;

import java.util.Map;

/** WPT cases trawl deliberately answers differently, keyed "input || base", each with its reason. */
final class WptSkips {
    private static final String IDNA_2003 = "java.net.IDN implements IDNA2003 (nameprep maps ß to ss); WHATWG uses "
            + "UTS #46 non-transitional processing, which keeps ß (xn--fa-hia)";

    static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("https://faß.ExAmPlE/ || ", IDNA_2003));

    private WptSkips() {}
}
