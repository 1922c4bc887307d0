package dev.trawl.export;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * Text from the web (titles, headers, URLs) and from users (paths, arguments) made safe to show on a terminal.
 * A terminal acts on control characters instead of printing them: ESC starts sequences that can set the window
 * title, move the cursor or rewrite what was printed, BEL rings, CR and BS overwrite, and the C1 range
 * (U+0080..U+009F) holds 8-bit forms of the same. Bidirectional overrides and isolates reorder what follows them
 * ("Trojan Source"). Each of these is shown as a visible escape instead: {@code \x1b} for ESC, {@code \}{@code u202e} for RLO.
 */
public final class TerminalText {
    private TerminalText() {}

    /** Whether a terminal would act on c rather than print it, or would reorder the text around it. */
    public static boolean isUnsafe(int c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || isBidiControl(c) || c == 0x2028 || c == 0x2029;
    }

    /** LRM, RLM, ALM and the embeddings, overrides and isolates of the Unicode bidirectional algorithm. */
    private static boolean isBidiControl(int c) {
        return c == 0x200e || c == 0x200f || c == 0x061c || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    }

    /** s with every unsafe character (see {@link #isUnsafe}) written as a visible escape; null stays null. */
    public static String safe(String s) {
        if (s == null) return null;
        int i = 0;
        while (i < s.length() && !isUnsafe(s.charAt(i))) i++;
        if (i == s.length()) return s;
        var out = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isUnsafe(c)) out.append(c);
            else out.append(c < 0x100 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
        }
        return out.toString();
    }

    /**
     * Jackson escapes that make JSON output terminal-safe and lose nothing: the unsafe characters that JSON does not
     * escape by itself (DEL, C1, bidirectional controls, U+2028/U+2029) become {@code \}{@code uXXXX}, which every
     * JSON reader turns back into the same character.
     */
    public static CharacterEscapes jsonEscapes() {
        return JsonEscapes.INSTANCE;
    }

    private static final class JsonEscapes extends CharacterEscapes {
        static final JsonEscapes INSTANCE = new JsonEscapes();
        private static final long serialVersionUID = 1L;
        private final int[] ascii;

        private JsonEscapes() {
            ascii = standardAsciiEscapesForJSON();
            ascii[0x7f] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii.clone();
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return isUnsafe(ch) ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }
}
