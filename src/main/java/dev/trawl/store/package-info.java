/**
 * Durable crawl state. {@link dev.trawl.store.PageStore} is the contract; {@link dev.trawl.store.Stores} opens
 * the implementation a {@code --db} target names. JDBC's checked exceptions stay inside this package and leave it
 * as {@link dev.trawl.store.StoreException} with a one-line message.
 *
 * <p>No nulls unless documented.
 */
package dev.trawl.store;
