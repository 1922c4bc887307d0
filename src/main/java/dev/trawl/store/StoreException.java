package dev.trawl.store;

/** The store cannot go on (cannot open, disk full, database gone). The message is one line for the user. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
