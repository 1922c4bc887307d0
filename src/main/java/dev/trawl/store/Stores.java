package dev.trawl.store;

/** Opens the store a --db target names. STUB: the store helper replaces this file. */
public final class Stores {
    private Stores() {}

    /** Opens (creating and migrating if needed) the database; target is a SQLite file path for now. */
    public static PageStore open(String target) {
        throw new UnsupportedOperationException("stub");
    }
}
