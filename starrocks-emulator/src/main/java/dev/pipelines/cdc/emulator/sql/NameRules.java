package dev.pipelines.cdc.emulator.sql;

import dev.pipelines.cdc.emulator.catalog.InformationSchemaRows;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The names StarRocks refuses in DDL, and the errors it answers.
 *
 * <p>The character rule is the one StarRocks documents (System limits: letters, digits and '_',
 * starting with a letter or '_'; databases at most 256 characters, tables and columns at most
 * 1024). On top of it come the refusals of its FE's {@code FeNameFormat} that the documentation
 * does not list: a database starting with '_' continues with a letter or digit; the column names
 * {@code __op} and {@code __row} (any case) and the prefixes {@code __starrocks_shadow_} and
 * {@code __generated_partition_column_} are system reserved. The FE's own regexes accept more
 * characters for tables and columns than the documentation; the emulator holds to what is
 * documented. Error codes and texts are those of StarRocks' {@code ErrorCode} (1102, 1103, 1166).
 */
final class NameRules {
    static final int MAX_DATABASE_NAME = 256;
    static final int MAX_TABLE_OR_COLUMN_NAME = 1024;

    static final String DATABASE_REGEX = "^[a-zA-Z]\\w{0,255}$|^_[a-zA-Z0-9]\\w{0,254}$";
    static final String TABLE_OR_COLUMN_REGEX = "^[a-zA-Z_]\\w{0,1023}$";

    private static final Pattern DATABASE = Pattern.compile(DATABASE_REGEX);
    private static final Pattern TABLE_OR_COLUMN = Pattern.compile(TABLE_OR_COLUMN_REGEX);
    private static final Set<String> RESERVED_COLUMNS = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    static {
        RESERVED_COLUMNS.add("__op");
        RESERVED_COLUMNS.add("__row");
    }

    private NameRules() {}

    /** The emulator's own catalog database in the store is refused too: a client may not overwrite it. */
    static void checkDatabase(String name) {
        if (name == null || !DATABASE.matcher(name).matches() || name.equalsIgnoreCase(InformationSchemaRows.RESERVED_SCHEMA)) {
            throw new SqlError(1102, "42000", "Incorrect database name '" + name + "'");
        }
    }

    static void checkTable(String name) {
        if (name == null || !TABLE_OR_COLUMN.matcher(name).matches()) {
            throw new SqlError(1103, "42000",
                    "Incorrect table name '" + name + "'. Table name regex is '" + TABLE_OR_COLUMN_REGEX + "'");
        }
    }

    static void checkColumn(String name) {
        if (name == null || !TABLE_OR_COLUMN.matcher(name).matches()
                || name.startsWith("__starrocks_shadow_")) {
            throw new SqlError(1166, "42000",
                    "Incorrect column name '" + name + "'. Column regex is '" + TABLE_OR_COLUMN_REGEX + "'");
        }
        if (RESERVED_COLUMNS.contains(name)) {
            throw SqlError.analysis("Column name [" + name + "] is a system reserved name. Please choose a different one.");
        }
        if (name.startsWith("__generated_partition_column_")) {
            throw SqlError.analysis("Column name [" + name + "] starts with __generated_partition_column_ is a system"
                    + " reserved name. Please choose a different one.");
        }
    }
}
