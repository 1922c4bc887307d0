package dev.trawl.parse;

/** A position in a byte range, for the prescan. Bytes are read as unsigned; -1 means past the end. */
final class ByteCursor {
    private final byte[] bytes;
    private final int end;
    private int pos;

    ByteCursor(byte[] bytes, int from, int end) {
        this.bytes = bytes;
        this.pos = from;
        this.end = end;
    }

    boolean atEnd() {
        return pos >= end;
    }

    /** The byte ahead positions further on, or -1 past the end. */
    int peek(int ahead) {
        int at = pos + ahead;
        return at < end ? bytes[at] & 0xFF : -1;
    }

    void advance(int count) {
        pos = Math.min(end, pos + count);
    }

    boolean startsWith(String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            if (peek(i) != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    boolean startsWithIgnoreCase(String lowerAscii) {
        for (int i = 0; i < lowerAscii.length(); i++) {
            int b = peek(i);
            if (b >= 'A' && b <= 'Z') {
                b += 'a' - 'A';
            }
            if (b != lowerAscii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Moves to the last byte of the first occurrence of ascii at or after from bytes ahead, or to the end. */
    void skipPast(String ascii, int from) {
        advance(from);
        while (!atEnd() && !startsWith(ascii)) {
            pos++;
        }
        advance(ascii.length() - 1);
    }

    /** Moves to the next occurrence of b, or to the end. */
    void skipTo(int b) {
        while (!atEnd() && peek(0) != b) {
            pos++;
        }
    }
}
