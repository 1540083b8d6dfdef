package dev.pipelines.cdc.emulator.catalog;

/**
 * One column of an emulated table.
 *
 * @param defaultValue the literal DEFAULT value, or null when none was declared
 */
public record ColumnDef(String name, StarRocksType type, boolean nullable, String defaultValue, String comment) {

    public boolean hasDefault() {
        return defaultValue != null;
    }
}
