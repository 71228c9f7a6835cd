package dev.scout.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The writer's connection with a cache of prepared statements. Confined to the writer thread (or to the opening
 * thread before the writer starts); not thread-safe.
 */
public final class Sql {
    private final Connection connection;
    private final Dialect dialect;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    public Sql(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    /** What differs between the databases: the few dialect-specific pieces of SQL and error translation. */
    public Dialect dialect() {
        return dialect;
    }

    /** A prepared statement for {@code sql}, reused across calls; parameters must be set before each use. */
    public PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            statements.put(sql, ps);
        }
        return ps;
    }

    /** Runs a parameterless statement run many times (transaction control, savepoints) from a cached prepared statement. */
    public void execCached(String sql) throws SQLException {
        prepare(sql).execute();
    }

    /** Runs a statement without parameters or results (DDL, pragmas, transaction control). */
    public void exec(String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }

    /** Runs a query returning one integer in the first column of the first row (0 when no row). */
    public long queryLong(String sql) throws SQLException {
        try (Statement st = connection.createStatement(); var rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0L;
        }
    }

    /** Runs a query and returns the first column of every row as text. */
    public List<String> queryStrings(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = connection.createStatement(); var rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    public Connection connection() {
        return connection;
    }

    /** Closes the cached statements and the connection; the first failure is thrown after all were tried. */
    public void close() throws SQLException {
        SQLException first = null;
        for (PreparedStatement ps : statements.values()) {
            try {
                ps.close();
            } catch (SQLException e) {
                first = first == null ? e : first;
            }
        }
        statements.clear();
        try {
            connection.close();
        } catch (SQLException e) {
            first = first == null ? e : first;
        }
        if (first != null) {
            throw first;
        }
    }
}
