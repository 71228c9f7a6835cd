/**
 * Machinery of the SQLite store: opening and migrating the file, the single ordered write queue, and one class per
 * table or concern. Not API: may change without notice; use {@link dev.scout.store.Store}.
 */
package dev.scout.store.internal;
