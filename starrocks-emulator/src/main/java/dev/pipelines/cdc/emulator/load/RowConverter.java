package dev.pipelines.cdc.emulator.load;

import dev.pipelines.cdc.emulator.catalog.ColumnDef;
import dev.pipelines.cdc.emulator.catalog.TableDef;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns parsed rows into row changes for one table, filtering the rows StarRocks would filter:
 * unqualified values (NULL in non-strict mode, filtered in strict mode), NULL into NOT NULL, and rows
 * that cannot be read.
 */
public final class RowConverter {

    /** The hidden column that marks a row as upsert (0) or delete (1). */
    public static final String OP_COLUMN = "__op";

    private RowConverter() {
    }

    public static LoadBatch convert(LoadRequest request, TableDef table, byte[] body) {
        checkColumnsHeader(request, table);
        List<ParsedRow> parsed = RowParser.parse(request, table, body);
        Shape shape = new Shape(table);
        List<RowChange> changes = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (ParsedRow row : parsed) {
            String error = row.error();
            RowChange change = null;
            if (error == null) {
                try {
                    change = convertRow(request, shape, row);
                } catch (RowRejected e) {
                    error = e.getMessage();
                }
            }
            if (error != null) {
                errors.add("Error: " + error + ". Row: " + row.source());
            } else {
                changes.add(change);
            }
        }
        return new LoadBatch(changes, request.partialUpdate(), parsed.size(), errors.size(), body.length, errors);
    }

    /**
     * What a row that does not carry {@code column} stores for it: its DEFAULT converted like a loaded
     * value, or NULL. The memory store fills columns added after a row was converted with it, as
     * MariaDB fills them with the column's DEFAULT.
     */
    public static String storedDefault(ColumnDef column) {
        return ValueConverter.convert(column.defaultValue(), column.type()).value();
    }

    private static void checkColumnsHeader(LoadRequest request, TableDef table) {
        if (request.columns() == null) {
            return;
        }
        for (String column : request.columns()) {
            if (!column.equals(OP_COLUMN) && table.column(column).isEmpty()) {
                throw new LoadException("Unknown column '" + column + "' in '" + table.name() + "'");
            }
        }
        if (request.partialUpdate()) {
            for (String key : table.keyColumns()) {
                if (request.columns().stream().noneMatch(c -> c.equalsIgnoreCase(key))) {
                    throw new LoadException("partial update must include all primary key columns; missing '"
                            + key + "'");
                }
            }
        }
    }

    /**
     * The table's columns with their key flags, worked out once per load: asking {@link TableDef#isKey} per
     * value was a tenth of a narrow row's load CPU.
     */
    private record Shape(List<ColumnDef> columns, boolean[] key, List<ColumnDef> keyColumns) {
        Shape(TableDef table) {
            this(table.columns(), keyFlags(table), table.keyColumns().stream()
                    .map(k -> table.column(k).orElseThrow()).toList());
        }

        private static boolean[] keyFlags(TableDef table) {
            boolean[] key = new boolean[table.columns().size()];
            for (int i = 0; i < key.length; i++) {
                key[i] = table.isKey(table.columns().get(i).name());
            }
            return key;
        }
    }

    private static RowChange convertRow(LoadRequest request, Shape shape, ParsedRow row) {
        RowChange.Op op = request.constantOp() != null ? parseOp(request.constantOp()) : op(row);
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> updated = new LinkedHashSet<>();
        for (int c = 0; c < shape.columns().size(); c++) {
            ColumnDef column = shape.columns().get(c);
            String field = fieldFor(row, column.name());
            boolean present = field != null;
            boolean key = shape.key()[c];
            if (!present && !key && op == RowChange.Op.DELETE) {
                continue; // A delete needs only the key.
            }
            if (!present && !key && request.partialUpdate()) {
                // Kept on an existing row; a new row gets the column's default.
                values.put(column.name(), ValueConverter.convert(column.defaultValue(), column.type()).value());
                continue;
            }
            updated.add(column.name());
            String text = present ? row.values().get(field) : column.defaultValue();
            ValueConverter.Converted converted = ValueConverter.convert(text, column.type());
            if (converted.tooLong()) {
                throw new RowRejected(converted.error() + " of '" + column.name() + "' is "
                        + maxLength(column.type()));
            }
            if (!converted.ok() && request.strictMode()) {
                throw new RowRejected(converted.error() + " (strict mode)");
            }
            if (converted.value() == null && (!column.nullable() || key)) {
                throw new RowRejected(converted.ok()
                        ? "NULL value in non-nullable column '" + column.name() + "'"
                        : converted.error() + ", and column '" + column.name() + "' is NOT NULL");
            }
            values.put(column.name(), converted.value());
        }
        checkKeySize(shape.keyColumns(), values);
        return new RowChange(op, values, updated);
    }

    /** StarRocks' BE default {@code primary_key_limit_size}: the encoded key of a row may not exceed it. */
    static final int PRIMARY_KEY_LIMIT_BYTES = 128;

    /**
     * Approximates StarRocks' key encoding (fixed widths for numbers and dates, UTF-8 bytes plus a
     * 2-byte separator for strings that are not the last key column). Exceeding the limit fails the
     * whole load, as on StarRocks, rather than filtering the row.
     */
    private static void checkKeySize(List<ColumnDef> keys, Map<String, String> values) {
        int size = 0;
        for (int i = 0; i < keys.size(); i++) {
            ColumnDef column = keys.get(i);
            String value = values.get(column.name());
            size += switch (column.type().kind()) {
                case BOOLEAN, TINYINT -> 1;
                case SMALLINT -> 2;
                case INT, DATE -> 4;
                case BIGINT, DATETIME -> 8;
                case LARGEINT -> 16;
                default -> (value == null ? 0 : ValueConverter.utf8Length(value))
                        + (i < keys.size() - 1 ? 2 : 0);
            };
        }
        if (size > PRIMARY_KEY_LIMIT_BYTES) {
            throw new LoadException("primary key size exceed the limit. key size: " + size + " bytes, limit: "
                    + PRIMARY_KEY_LIMIT_BYTES + " bytes (BE config primary_key_limit_size)");
        }
    }

    private static int maxLength(dev.pipelines.cdc.emulator.catalog.StarRocksType type) {
        dev.pipelines.cdc.emulator.catalog.StarRocksType t = type.element() != null ? type.element() : type;
        return t.kind() == dev.pipelines.cdc.emulator.catalog.StarRocksType.Kind.STRING
                ? dev.pipelines.cdc.emulator.catalog.StarRocksType.STRING_LENGTH : t.length();
    }

    private static RowChange.Op op(ParsedRow row) {
        String field = fieldFor(row, OP_COLUMN);
        return parseOp(field == null ? null : row.values().get(field));
    }

    private static RowChange.Op parseOp(String op) {
        if (op == null || op.equals("0") || op.equalsIgnoreCase("upsert")) {
            return RowChange.Op.UPSERT;
        }
        if (op.equals("1") || op.equalsIgnoreCase("delete")) {
            return RowChange.Op.DELETE;
        }
        throw new RowRejected("Invalid __op value '" + op + "' (0 = upsert, 1 = delete)");
    }

    private static String fieldFor(ParsedRow row, String column) {
        if (row.values().containsKey(column)) {
            return column; // the usual case: fields are named as the table names them
        }
        for (String field : row.values().keySet()) {
            if (field.equalsIgnoreCase(column)) {
                return field;
            }
        }
        return null;
    }

    private static final class RowRejected extends RuntimeException {
        RowRejected(String message) {
            super(message, null, false, false);
        }
    }
}
