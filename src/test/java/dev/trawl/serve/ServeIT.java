package dev.trawl.serve;

/** {@link ServeContract} on a SQLite file. */
class ServeIT extends ServeContract {
    @Override
    String target() {
        return dir.resolve("serve.db").toString();
    }
}
