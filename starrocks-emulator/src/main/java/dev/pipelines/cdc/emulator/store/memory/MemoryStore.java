package dev.pipelines.cdc.emulator.store.memory;

import dev.pipelines.cdc.emulator.catalog.TableDef;
import dev.pipelines.cdc.emulator.load.LoadBatch;
import dev.pipelines.cdc.emulator.store.QuerySession;
import dev.pipelines.cdc.emulator.store.RowStore;
import dev.pipelines.cdc.emulator.store.StorageChange;
import dev.pipelines.cdc.emulator.store.StoreFullException;
import dev.pipelines.cdc.emulator.store.StoreKind;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rows on the JVM heap, with the MariaDB store's semantics (the load path before the store is shared):
 * primary-key upserts and deletes in order, partial updates, atomic loads, ADD/DROP COLUMN, and the
 * queries tests and benchmarks send (see {@link MemoryQuerySession}). Bounded: a load that would take
 * the rows past {@link #maxBytes()} fails whole ({@link StoreFullException}), so a benchmark cannot
 * exhaust the heap silently. Nothing survives the JVM; an emulator restarted on the same instance
 * finds its tables, as on the same MariaDB.
 */
public final class MemoryStore implements RowStore {

    /** {@code -Dstarrocks.emulator.memory.maxBytes=N}: the bound; default half the maximum heap. */
    public static final String MAX_BYTES_PROPERTY = "starrocks.emulator.memory.maxBytes";

    /** Saved catalog records: what an emulator restarted on this store finds. */
    private final Map<String, Map<String, Saved>> saved = new TreeMap<>();
    private final Map<String, MemoryTable> tables = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final long maxBytes;

    record Saved(TableDef table, LocalDateTime at) {
    }

    public MemoryStore() {
        this(Long.getLong(MAX_BYTES_PROPERTY, Runtime.getRuntime().maxMemory() / 2));
    }

    public MemoryStore(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public StoreKind kind() {
        return StoreKind.MEMORY;
    }

    /** Heap the rows take, as estimated from their encoded size plus a measured per-row overhead. */
    public long bytes() {
        return bytes.get();
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Rows held in all tables. */
    public long rows() {
        return tables.values().stream().mapToLong(MemoryTable::rowCount).sum();
    }

    // ---- catalog records ----

    @Override
    public synchronized CatalogRecords loadCatalog() {
        List<TableDef> defs = new ArrayList<>();
        saved.values().forEach(byName -> byName.values().forEach(s -> defs.add(s.table())));
        return new CatalogRecords(new ArrayList<>(saved.keySet()), defs);
    }

    @Override
    public synchronized void saveDatabase(String db) {
        saved.putIfAbsent(db, new TreeMap<>());
    }

    @Override
    public synchronized void deleteDatabase(String db) {
        saved.remove(db);
    }

    @Override
    public synchronized void saveTable(TableDef table) {
        Map<String, Saved> byName = saved.computeIfAbsent(table.database(), k -> new TreeMap<>());
        Saved before = byName.get(table.name());
        byName.put(table.name(), new Saved(table, before == null ? LocalDateTime.now() : before.at()));
    }

    @Override
    public synchronized void deleteTable(String db, String table) {
        Map<String, Saved> byName = saved.get(db);
        if (byName != null) {
            byName.remove(table);
        }
    }

    /** Databases and tables in name order, for information_schema. */
    synchronized Map<String, List<Saved>> savedCatalog() {
        Map<String, List<Saved>> copy = new TreeMap<>();
        saved.forEach((db, byName) -> copy.put(db, new ArrayList<>(byName.values())));
        return copy;
    }

    // ---- storage ----

    @Override
    public void createDatabase(String db) {
        // Tables are addressed by database and name; a database holds nothing of its own.
    }

    @Override
    public void dropDatabase(String db) {
        tables.keySet().stream().filter(k -> k.startsWith(db + "\u0000")).toList().forEach(k -> drop(k));
    }

    @Override
    public void createTable(TableDef table) {
        tables.put(name(table.database(), table.name()), new MemoryTable(table));
    }

    @Override
    public void dropTable(String db, String table) {
        drop(name(db, table));
    }

    private void drop(String name) {
        MemoryTable removed = tables.remove(name);
        if (removed != null) {
            bytes.addAndGet(-removed.truncate());
        }
    }

    @Override
    public void truncateTable(TableDef table) {
        bytes.addAndGet(-require(table.database(), table.name()).truncate());
    }

    @Override
    public void alterTable(TableDef before, TableDef after, List<StorageChange> changes) {
        bytes.addAndGet(require(before.database(), before.name()).alter(after, changes));
    }

    @Override
    public void apply(TableDef table, List<LoadBatch> batches) throws StoreFullException {
        try {
            require(table.database(), table.name()).apply(batches, delta -> {
                long now = bytes.addAndGet(delta);
                if (delta > 0 && now > maxBytes) {
                    bytes.addAndGet(-delta);
                    return false;
                }
                return true;
            });
        } catch (MemoryTable.RowsRefused e) {
            throw new StoreFullException("the memory store is full: the load needs " + e.bytes + " more bytes, "
                    + bytes.get() + " of " + maxBytes + " are used; truncate or drop tables, or raise -D"
                    + MAX_BYTES_PROPERTY + " (and -Xmx)");
        }
    }

    Optional<MemoryTable> table(String db, String table) {
        return Optional.ofNullable(tables.get(name(db, table)));
    }

    private MemoryTable require(String db, String table) {
        return table(db, table).orElseThrow(() -> new IllegalStateException("no stored table " + db + "." + table));
    }

    private static String name(String db, String table) {
        return db + "\u0000" + table;
    }

    @Override
    public QuerySession openSession() {
        return new MemoryQuerySession(this);
    }

    /** Frees the rows. */
    @Override
    public void close() {
        new ArrayList<>(tables.keySet()).forEach(this::drop);
    }
}
