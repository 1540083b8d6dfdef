package dev.pipelines.cdc.emulator.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An emulated primary-key table: the key columns come first, in key order, as StarRocks requires.
 */
public record TableDef(String database, String name, List<ColumnDef> columns, List<String> keyColumns,
                       List<String> distributionColumns, int buckets, Map<String, String> properties,
                       String comment) {

    public TableDef {
        columns = List.copyOf(columns);
        keyColumns = List.copyOf(keyColumns);
        distributionColumns = List.copyOf(distributionColumns);
        properties = Map.copyOf(properties);
    }

    public Optional<ColumnDef> column(String columnName) {
        return columns.stream().filter(c -> c.name().equalsIgnoreCase(columnName)).findFirst();
    }

    public boolean isKey(String columnName) {
        return keyColumns.stream().anyMatch(k -> k.equalsIgnoreCase(columnName));
    }

    public TableDef withColumns(List<ColumnDef> newColumns) {
        return new TableDef(database, name, new ArrayList<>(newColumns), keyColumns, distributionColumns, buckets,
                properties, comment);
    }

    public String qualifiedName() {
        return database + "." + name;
    }
}
