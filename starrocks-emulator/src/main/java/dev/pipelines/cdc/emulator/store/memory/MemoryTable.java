package dev.pipelines.cdc.emulator.store.memory;

import dev.pipelines.cdc.emulator.catalog.ColumnDef;
import dev.pipelines.cdc.emulator.catalog.TableDef;
import dev.pipelines.cdc.emulator.load.LoadBatch;
import dev.pipelines.cdc.emulator.load.RowChange;
import dev.pipelines.cdc.emulator.load.RowConverter;
import dev.pipelines.cdc.emulator.store.StorageChange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.LongPredicate;

/**
 * One table's rows in primary-key order (as InnoDB clusters them, so queries without ORDER BY list rows
 * in the same order in both stores). Loads and schema changes take the write lock, queries the read
 * lock: a query sees a load entirely or not at all.
 */
final class MemoryTable {

    /**
     * Heap per row beyond its encoded bytes: the TreeMap entry (40), the byte[] header (16), the key and
     * its array (~40 for one numeric part). The bench's measured figure is in docs/performance.md.
     */
    static final int ROW_OVERHEAD_BYTES = 96;

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final TreeMap<Values.Key, byte[]> rows = new TreeMap<>();
    private TableDef definition;
    private int[] keyIndexes;
    private long bytes;

    MemoryTable(TableDef definition) {
        layout(definition);
    }

    private void layout(TableDef table) {
        this.definition = table;
        keyIndexes = table.keyColumns().stream().mapToInt(k -> indexOf(table.columns(), k)).toArray();
    }

    private static int indexOf(List<ColumnDef> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    TableDef definition() {
        lock.readLock().lock();
        try {
            return definition;
        } finally {
            lock.readLock().unlock();
        }
    }

    long bytes() {
        lock.readLock().lock();
        try {
            return bytes;
        } finally {
            lock.readLock().unlock();
        }
    }

    long rowCount() {
        lock.readLock().lock();
        try {
            return rows.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Applies all batches or none: the changes are staged first, then {@code admit} is asked whether the
     * heap may grow by the staged bytes (the store's bound), and only then do they replace rows.
     *
     * @return the change in bytes held
     */
    long apply(List<LoadBatch> batches, LongPredicate admit) throws RowsRefused {
        lock.writeLock().lock();
        try {
            Map<Values.Key, byte[]> staged = new HashMap<>();
            List<ColumnDef> columns = definition.columns();
            for (LoadBatch batch : batches) {
                for (RowChange change : batch.changes()) {
                    Values.Key key = key(change.values());
                    if (change.op() == RowChange.Op.DELETE) {
                        staged.put(key, null);
                        continue;
                    }
                    byte[] existing = staged.containsKey(key) ? staged.get(key) : rows.get(key);
                    staged.put(key, RowCodec.encode(merge(columns, change, existing)));
                }
            }
            long delta = 0;
            for (Map.Entry<Values.Key, byte[]> e : staged.entrySet()) {
                byte[] old = rows.get(e.getKey());
                delta += size(e.getValue()) - size(old);
            }
            if (!admit.test(delta)) {
                throw new RowsRefused(delta);
            }
            for (Map.Entry<Values.Key, byte[]> e : staged.entrySet()) {
                if (e.getValue() == null) {
                    rows.remove(e.getKey());
                } else {
                    rows.put(e.getKey(), e.getValue());
                }
            }
            bytes += delta;
            return delta;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * The row after an upsert: a new key takes every value the change carries and the DEFAULT of columns
     * added since it was converted; an existing row takes only the columns in {@code updated} (all of them
     * but in a partial update). Columns dropped since conversion are ignored.
     */
    private static String[] merge(List<ColumnDef> columns, RowChange change, byte[] existing) {
        String[] old = existing == null ? null : RowCodec.decode(existing, columns.size());
        String[] row = new String[columns.size()];
        Map<String, String> values = change.values();
        for (int i = 0; i < row.length; i++) {
            String name = columns.get(i).name();
            boolean carried = values.containsKey(name);
            if (old == null) {
                row[i] = carried ? values.get(name) : RowConverter.storedDefault(columns.get(i));
            } else {
                row[i] = carried && change.updated().contains(name) ? values.get(name) : old[i];
            }
        }
        return row;
    }

    private Values.Key key(Map<String, String> values) {
        Object[] parts = new Object[keyIndexes.length];
        for (int i = 0; i < parts.length; i++) {
            ColumnDef column = definition.columns().get(keyIndexes[i]);
            parts[i] = Values.typed(values.get(column.name()), column.type());
        }
        return new Values.Key(parts);
    }

    private static long size(byte[] row) {
        return row == null ? 0 : row.length + ROW_OVERHEAD_BYTES;
    }

    long truncate() {
        lock.writeLock().lock();
        try {
            long freed = bytes;
            rows.clear();
            bytes = 0;
            return freed;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * ADD/DROP COLUMN: every row is rewritten to the new layout at once (MariaDB's ALTER copies the
     * table too); added columns take their DEFAULT, as MariaDB fills them.
     *
     * @return the change in bytes held
     */
    long alter(TableDef after, List<StorageChange> changes) {
        lock.writeLock().lock();
        try {
            List<String> working = new ArrayList<>(definition.columns().stream().map(ColumnDef::name).toList());
            // Where each new column's value comes from: an index into the old row, or -1 for its default.
            List<Integer> source = new ArrayList<>();
            for (int i = 0; i < working.size(); i++) {
                source.add(i);
            }
            for (StorageChange change : changes) {
                if (change instanceof StorageChange.AddColumn add) {
                    int at = add.after() == null ? working.size() : indexOfName(working, add.after()) + 1;
                    working.add(at, add.column().name());
                    source.add(at, -1);
                } else if (change instanceof StorageChange.DropColumn drop) {
                    int at = indexOfName(working, drop.name());
                    working.remove(at);
                    source.remove(at);
                }
            }
            List<ColumnDef> newColumns = after.columns();
            int oldCount = definition.columns().size();
            long before = bytes;
            bytes = 0;
            for (Map.Entry<Values.Key, byte[]> e : rows.entrySet()) {
                String[] old = RowCodec.decode(e.getValue(), oldCount);
                String[] row = new String[newColumns.size()];
                for (int i = 0; i < row.length; i++) {
                    int from = source.get(i);
                    row[i] = from < 0 ? RowConverter.storedDefault(newColumns.get(i)) : old[from];
                }
                e.setValue(RowCodec.encode(row));
                bytes += size(e.getValue());
            }
            layout(after);
            return bytes - before;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private static int indexOfName(List<String> names, String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw new IllegalStateException("no column " + name);
    }

    /** The definition and the rows in key order (only the columns {@code wanted} for it decoded), under one read lock. */
    Scan scan(Function<TableDef, boolean[]> wanted) {
        lock.readLock().lock();
        try {
            boolean[] columns = wanted.apply(definition);
            List<String[]> out = new ArrayList<>(rows.size());
            for (byte[] row : rows.values()) {
                out.add(RowCodec.decode(row, columns));
            }
            return new Scan(definition, out);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** What a query reads: values by column position of {@code table}. */
    record Scan(TableDef table, List<String[]> rows) {
    }

    /** A load the store's bound refused. */
    static final class RowsRefused extends Exception {
        final long bytes;

        RowsRefused(long bytes) {
            super(null, null, false, false);
            this.bytes = bytes;
        }
    }
}
