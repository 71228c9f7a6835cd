package dev.scout.store.internal;

import java.sql.SQLException;

/** One unit of work run on the writer's connection, inside the batch's transaction. */
@FunctionalInterface
public interface SqlOp<T> {
    T run(Sql sql) throws SQLException;
}
