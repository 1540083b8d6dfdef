package dev.pipelines.cdc.emulator.store;

import dev.pipelines.cdc.emulator.sql.QueryResult;

/**
 * One client connection's view of the store: the queries ({@code SELECT}, {@code WITH}, {@code EXPLAIN})
 * and session statements ({@code SET}, {@code SHOW …}, {@code BEGIN}/{@code COMMIT}) that the emulator
 * does not answer itself. Errors are thrown as {@link dev.pipelines.cdc.emulator.sql.SqlError}.
 */
public interface QuerySession extends AutoCloseable {

    QueryResult query(String sql);

    QueryResult sessionStatement(String sql);

    /** The session's current database changed ({@code USE}, or the database of the connection URL). */
    void use(String database);

    @Override
    void close();
}
