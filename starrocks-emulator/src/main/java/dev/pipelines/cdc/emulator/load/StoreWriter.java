package dev.pipelines.cdc.emulator.load;

import dev.pipelines.cdc.emulator.catalog.TableDef;
import dev.pipelines.cdc.emulator.store.RowStore;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies row changes to the store atomically, so a load or a Stream Load transaction becomes visible
 * all at once or not at all, and then tells the listeners. Rows apply in order; the last change of a key wins.
 */
public final class StoreWriter {

    private final RowStore store;
    private final Map<String, Object> tableLocks = new ConcurrentHashMap<>();
    private final List<VisibleChangesListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public StoreWriter(RowStore store) {
        this.store = store;
    }

    /**
     * Loads into the same table are serialised: StarRocks never fails concurrent upserts of the same keys,
     * while MariaDB transactions could deadlock on them (and the memory store relies on it).
     */
    public void apply(TableDef table, List<LoadBatch> batches) throws SQLException {
        synchronized (tableLocks.computeIfAbsent(table.qualifiedName(), k -> new Object())) {
            store.apply(table, batches);
            for (VisibleChangesListener listener : listeners) {
                for (LoadBatch batch : batches) {
                    listener.visible(table.qualifiedName(), batch.changes());
                }
            }
        }
    }

    public void addListener(VisibleChangesListener listener) {
        listeners.add(listener);
    }

    public void removeListener(VisibleChangesListener listener) {
        listeners.remove(listener);
    }

}
