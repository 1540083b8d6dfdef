package dev.pipelines.cdc.emulator.store;

import dev.pipelines.cdc.emulator.catalog.TableDef;
import dev.pipelines.cdc.emulator.load.LoadBatch;

import java.sql.SQLException;
import java.util.List;

/**
 * Where the emulator keeps its catalog records and rows, and what answers queries over them: MariaDB
 * ({@link dev.pipelines.cdc.emulator.store.mariadb.MariaDbStore}) or the heap
 * ({@link dev.pipelines.cdc.emulator.store.memory.MemoryStore}). Everything StarRocks checks (DDL rules,
 * type conversion, filtering, labels, transactions) happens before the store, once for both.
 *
 * <p>Methods throw {@link SQLException} because the MariaDB store does; the memory store throws
 * {@link StoreFullException} when it would exceed its memory bound.
 */
public interface RowStore extends AutoCloseable {

    StoreKind kind();

    // ---- catalog records: what a restarted emulator on the same store finds again ----

    /** The databases and table definitions saved so far. */
    CatalogRecords loadCatalog() throws SQLException;

    void saveDatabase(String db) throws SQLException;

    void deleteDatabase(String db) throws SQLException;

    void saveTable(TableDef table) throws SQLException;

    void deleteTable(String db, String table) throws SQLException;

    // ---- storage: where rows live ----

    void createDatabase(String db) throws SQLException;

    void dropDatabase(String db) throws SQLException;

    void createTable(TableDef table) throws SQLException;

    void dropTable(String db, String table) throws SQLException;

    void truncateTable(TableDef table) throws SQLException;

    /** Applies {@code changes} in order; {@code after} is the definition they lead to. */
    void alterTable(TableDef before, TableDef after, List<StorageChange> changes) throws SQLException;

    /**
     * Applies the batches all at once or not at all; within them rows apply in order (the last change
     * of a key wins). The caller serialises calls per table.
     */
    void apply(TableDef table, List<LoadBatch> batches) throws SQLException;

    /** A connection for one client's queries (information_schema included). */
    QuerySession openSession() throws SQLException;

    /** Frees what the store holds (a MariaDB connection pool none, the heap store its rows). */
    @Override
    default void close() {
    }

    /** What {@link #loadCatalog()} finds. */
    record CatalogRecords(List<String> databases, List<TableDef> tables) {
    }
}
