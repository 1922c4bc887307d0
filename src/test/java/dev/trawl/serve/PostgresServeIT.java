package dev.trawl.serve;

import dev.trawl.store.PostgresTestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ServeContract} on PostgreSQL; skipped when no server answers. */
class PostgresServeIT extends ServeContract {
    @RegisterExtension final PostgresTestDatabase db = PostgresTestDatabase.perTest();

    @Override
    String target() {
        return db.url();
    }
}
