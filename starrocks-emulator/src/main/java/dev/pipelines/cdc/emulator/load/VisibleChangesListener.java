package dev.pipelines.cdc.emulator.load;

import java.util.List;

/**
 * Told, right after the store commits, which row changes just became visible (an observation hook for
 * benchmarks: when a change becomes readable, without polling the store). Called on the loading thread
 * while the table's load lock is held, so it must be quick.
 */
@FunctionalInterface
public interface VisibleChangesListener {

    /** @param qualifiedTable {@code db.table} */
    void visible(String qualifiedTable, List<RowChange> changes);
}
