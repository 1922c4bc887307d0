package dev.trawl.parse;

import java.util.regex.Pattern;

/**
 * Whether a page's static HTML looks like the shell of a single-page app, whose links and text a script makes: the
 * rule of {@code --render auto}. A page is a shell when it has a script element, less than {@link #LITTLE_TEXT}
 * characters of text outside script, style, title and noscript, and one of:
 * <ul>
 *   <li>no links at all;</li>
 *   <li>an empty mount point: a div, main, section or body whose id is one that the common frameworks mount into
 *       ({@link #MOUNT}: root, app, __next, __nuxt, ___gatsby, svelte), or an Angular {@code <app-root>}, with
 *       nothing but whitespace inside;</li>
 *   <li>a noscript whose text mentions JavaScript ("You need to enable JavaScript to run this app").</li>
 * </ul>
 * A server-rendered page (its mount point filled, or its text there) is not a shell, whatever scripts it has.
 */
final class AppShell {
    /** Characters of text (each run between tags trimmed) below which a page may be a shell. */
    static final int LITTLE_TEXT = 1024;
    /** Empty mount points; only tried on pages with a script and little text, so it rarely runs. */
    static final Pattern MOUNT = Pattern.compile(
            "<(div|main|section|body)\\b[^>]*?\\bid\\s*=\\s*[\"']?(?:root|app|__next|__nuxt|___gatsby|svelte)(?![\\w-])[^>]*>\\s*</\\1\\s*>"
                    + "|<app-root\\b[^>]*>\\s*</app-root\\s*>",
            Pattern.CASE_INSENSITIVE);

    private AppShell() {}

    static boolean looksLikeOne(DocumentScan scan, int links, java.util.function.Supplier<String> html) {
        if (scan.scripts == 0 || scan.textChars >= LITTLE_TEXT) return false;
        return links == 0 || scan.noscriptAsksForScript || MOUNT.matcher(html.get()).find();
    }

    /** Whether s[from, to) mentions JavaScript, in any case. */
    static boolean mentionsJavaScript(String s, int from, int to) {
        for (int i = from; i + 10 <= to; i++) {
            if ((s.charAt(i) | 0x20) == 'j' && s.regionMatches(true, i, "javascript", 0, 10)) return true;
        }
        return false;
    }

    /** The length of s[from, to) less the whitespace at both ends. */
    static int trimmedLength(String s, int from, int to) {
        while (from < to && Whitespace.isAscii(s.charAt(from))) from++;
        while (to > from && Whitespace.isAscii(s.charAt(to - 1))) to--;
        return to - from;
    }
}
