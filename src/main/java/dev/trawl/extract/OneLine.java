package dev.trawl.extract;

/** Messages from libraries (jsoup, jackson) may span lines; ours are one line, and quote at most a little input. */
final class OneLine {
    private static final int MAX_CHARS = 300;

    private OneLine() {}

    static String of(String message) {
        if (message == null) {
            return "no detail";
        }
        return clip(message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip());
    }

    /** At most {@value #MAX_CHARS} chars of s, marked when cut. */
    static String clip(String s) {
        return s.length() <= MAX_CHARS ? s : s.substring(0, MAX_CHARS) + "...";
    }
}
