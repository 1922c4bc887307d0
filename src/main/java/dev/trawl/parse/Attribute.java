package dev.trawl.parse;

/**
 * One attribute as the prescan's "get an attribute" step reads it: names and values ASCII-lowercased, one char per
 * byte (non-ASCII bytes can never match a label, so they need no decoding).
 */
record Attribute(String name, String value) {

    /** Reads the next attribute, or returns null at a '>' or at the end (the cursor then stays there). */
    static Attribute read(ByteCursor in) {
        while (Whitespace.isAscii(in.peek(0)) || in.peek(0) == '/') {
            in.advance(1);
        }
        if (in.atEnd() || in.peek(0) == '>') {
            return null;
        }
        String name = readName(in);
        while (Whitespace.isAscii(in.peek(0))) {
            in.advance(1);
        }
        if (in.peek(0) != '=') {
            return new Attribute(name, "");
        }
        in.advance(1);
        while (Whitespace.isAscii(in.peek(0))) {
            in.advance(1);
        }
        return new Attribute(name, readValue(in));
    }

    /** Reads up to whitespace, '/', '>' or the '=' that ends a non-empty name; a leading '=' is part of it. */
    private static String readName(ByteCursor in) {
        StringBuilder name = new StringBuilder();
        for (int b = in.peek(0); b != -1; b = in.peek(0)) {
            if (b == '=' && !name.isEmpty() || Whitespace.isAscii(b) || b == '/' || b == '>') {
                break;
            }
            name.append(lower(b));
            in.advance(1);
        }
        return name.toString();
    }

    private static String readValue(ByteCursor in) {
        int quote = in.peek(0);
        if (quote == '"' || quote == '\'') {
            in.advance(1);
            return readUntil(in, quote, true);
        }
        if (quote == '>') {
            return "";
        }
        return readUntil(in, -1, false);
    }

    /** Collects bytes up to the closing quote (consumed) or, unquoted, up to whitespace or '>' (not consumed). */
    private static String readUntil(ByteCursor in, int quote, boolean quoted) {
        StringBuilder value = new StringBuilder();
        for (int b = in.peek(0); b != -1; b = in.peek(0)) {
            if (quoted && b == quote) {
                in.advance(1);
                break;
            }
            if (!quoted && (Whitespace.isAscii(b) || b == '>')) {
                break;
            }
            value.append(lower(b));
            in.advance(1);
        }
        return value.toString();
    }

    private static char lower(int b) {
        return (char) (b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b);
    }
}
