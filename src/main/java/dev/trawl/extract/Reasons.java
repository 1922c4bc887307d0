package dev.trawl.extract;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** An I/O failure as a few words for a one-line message, never a bare exception's toString. */
final class Reasons {
    private Reasons() {}

    static String of(Exception e) {
        return switch (e) {
            case NoSuchFileException n -> "no such file";
            case AccessDeniedException a -> "permission denied";
            default -> OneLine.of(e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
        };
    }
}
