package dev.pipelines.cdc.emulator.store.memory;

import dev.pipelines.cdc.emulator.catalog.ColumnDef;
import dev.pipelines.cdc.emulator.catalog.InformationSchemaRows;
import dev.pipelines.cdc.emulator.catalog.StarRocksType;
import dev.pipelines.cdc.emulator.catalog.TableDef;
import dev.pipelines.cdc.emulator.sql.SqlError;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** What a SELECT reads: the columns (name and type) and the rows as stored text, in key order. */
record QuerySource(List<String> names, List<StarRocksType> types, List<String[]> rows) {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** No FROM: one row of no columns. */
    static QuerySource none() {
        List<String[]> one = new ArrayList<>();
        one.add(new String[0]);
        return new QuerySource(List.of(), List.of(), one);
    }

    /** A user table, or information_schema's SCHEMATA, TABLES, COLUMNS; errors as MariaDB words them. */
    static QuerySource of(MemoryStore store, String database, String table, Function<TableDef, boolean[]> wanted) {
        if (database == null) {
            throw new SqlError(1046, "3D000", "No database selected");
        }
        if (database.equalsIgnoreCase("information_schema")) {
            return informationSchema(store, table.toUpperCase(Locale.ROOT));
        }
        MemoryTable stored = store.table(database, table).orElseThrow(() -> new SqlError(1146, "42S02",
                "Table '" + database + "." + table + "' doesn't exist"));
        MemoryTable.Scan scan = stored.scan(wanted);
        List<ColumnDef> columns = scan.table().columns();
        return new QuerySource(columns.stream().map(ColumnDef::name).toList(),
                columns.stream().map(ColumnDef::type).toList(), scan.rows());
    }

    private static QuerySource informationSchema(MemoryStore store, String table) {
        List<InformationSchemaRows.Column> columns = switch (table) {
            case "SCHEMATA" -> InformationSchemaRows.SCHEMATA;
            case "TABLES" -> InformationSchemaRows.TABLES;
            case "COLUMNS" -> InformationSchemaRows.COLUMNS;
            default -> throw new SqlError(1109, "42S02", "Unknown table '" + table + "' in information_schema"
                    + " (the emulator has SCHEMATA, TABLES and COLUMNS)");
        };
        Map<String, List<MemoryStore.Saved>> catalog = store.savedCatalog();
        List<List<Object>> rows = new ArrayList<>();
        if (table.equals("SCHEMATA")) {
            List<String> names = new ArrayList<>(catalog.keySet());
            names.add("information_schema");
            names.sort(Values::compareText);
            names.forEach(db -> rows.add(db.equals("information_schema") && !catalog.containsKey(db)
                    ? InformationSchemaRows.informationSchemaRow() : InformationSchemaRows.schemataRow(db)));
        } else {
            catalog.values().forEach(saved -> saved.forEach(s -> {
                if (table.equals("TABLES")) {
                    rows.add(InformationSchemaRows.tablesRow(s.table(), s.at()));
                } else {
                    rows.addAll(InformationSchemaRows.columnsRows(s.table()));
                }
            }));
        }
        List<String[]> text = new ArrayList<>();
        for (List<Object> row : rows) {
            String[] values = new String[row.size()];
            for (int i = 0; i < values.length; i++) {
                Object v = row.get(i);
                values[i] = v == null ? null : v instanceof LocalDateTime t ? t.format(SECONDS) : v.toString();
            }
            text.add(values);
        }
        return new QuerySource(columns.stream().map(InformationSchemaRows.Column::name).toList(),
                columns.stream().map(c -> switch (c.kind()) {
                    case BIGINT -> StarRocksType.of(StarRocksType.Kind.BIGINT);
                    case DATETIME -> StarRocksType.of(StarRocksType.Kind.DATETIME);
                    case TEXT -> StarRocksType.of(StarRocksType.Kind.STRING);
                }).toList(), text);
    }

    int indexOf(String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }
}
