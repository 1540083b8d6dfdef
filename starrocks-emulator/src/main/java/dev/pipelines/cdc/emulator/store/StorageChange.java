package dev.pipelines.cdc.emulator.store;

import dev.pipelines.cdc.emulator.catalog.ColumnDef;

/** One step of an ALTER TABLE as the store applies it, in order. */
public sealed interface StorageChange {

    /** @param after the column it follows, or null to append */
    record AddColumn(ColumnDef column, String after) implements StorageChange {
    }

    record DropColumn(String name) implements StorageChange {
    }
}
