package dev.trawl.store;

import java.time.InstantSource;

/** Opens the store a --db target names. */
public final class Stores {
    private Stores() {}

    /**
     * Opens (creating and migrating if needed) the database; target is a SQLite file path for now.
     *
     * @throws StoreException "cannot open database TARGET: reason", one line
     */
    public static PageStore open(String target) {
        if (target.startsWith("postgres://") || target.startsWith("postgresql://") || target.startsWith("jdbc:")) {
            throw new StoreException("cannot open database " + target + ": only SQLite file paths are supported", null);
        }
        return SqlitePageStore.open(target, SqliteSettings.DEFAULTS, InstantSource.system());
    }
}
