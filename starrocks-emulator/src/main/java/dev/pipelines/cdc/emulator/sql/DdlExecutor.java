package dev.pipelines.cdc.emulator.sql;

import dev.pipelines.cdc.emulator.catalog.Catalog;
import dev.pipelines.cdc.emulator.catalog.ColumnDef;
import dev.pipelines.cdc.emulator.catalog.TableDef;
import dev.pipelines.cdc.emulator.store.RowStore;
import dev.pipelines.cdc.emulator.store.StorageChange;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs parsed DDL and SHOW/DESC statements: checks them the way StarRocks does, changes the catalog,
 * and applies the change to the store.
 *
 * <p>Schema changes are applied synchronously (StarRocks runs them as asynchronous jobs).
 */
public final class DdlExecutor {

    private final Catalog catalog;
    private final RowStore store;

    public DdlExecutor(Catalog catalog, RowStore store) {
        this.catalog = catalog;
        this.store = store;
    }

    /**
     * Synchronized: DDL is rare, and parallel writers that each run CREATE TABLE IF NOT EXISTS must see
     * one create and no error, as StarRocks' FE serialises them.
     */
    public synchronized QueryResult execute(Statement statement, String currentDatabase) {
        try {
            // Java 17: no pattern matching for switch yet.
            if (statement instanceof Statement.CreateDatabase s) {
                return createDatabase(s);
            } else if (statement instanceof Statement.DropDatabase s) {
                return dropDatabase(s);
            } else if (statement instanceof Statement.CreateTable s) {
                return createTable(s, currentDatabase);
            } else if (statement instanceof Statement.DropTable s) {
                return dropTable(s, currentDatabase);
            } else if (statement instanceof Statement.TruncateTable s) {
                return truncate(s, currentDatabase);
            } else if (statement instanceof Statement.AlterTable s) {
                return alter(s, currentDatabase);
            } else if (statement instanceof Statement.ShowDatabases s) {
                return QueryResult.strings(List.of("Database"), withInformationSchema().stream()
                        .filter(row -> matchesLike(row.get(0), s.like())).toList());
            } else if (statement instanceof Statement.ShowTables s) {
                return showTables(s, currentDatabase);
            } else if (statement instanceof Statement.ShowCreateTable s) {
                return showCreate(s, currentDatabase);
            } else if (statement instanceof Statement.Describe s) {
                return describe(s, currentDatabase);
            } else if (statement instanceof Statement.Use s) {
                return use(s);
            }
            throw new IllegalArgumentException("unhandled statement " + statement);
        } catch (SQLException e) {
            throw new SqlError(1064, "HY000", "Store error: " + e.getMessage());
        }
    }

    private List<List<String>> withInformationSchema() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("information_schema"));
        catalog.databaseNames().forEach(db -> rows.add(List.of(db)));
        return rows;
    }

    private QueryResult use(Statement.Use s) {
        requireDatabase(s.database());
        return new QueryResult.Ok(0);
    }

    private QueryResult createDatabase(Statement.CreateDatabase s) throws SQLException {
        NameRules.checkDatabase(s.name());
        if (catalog.databaseExists(s.name())) {
            if (s.ifNotExists()) {
                return new QueryResult.Ok(0);
            }
            throw new SqlError(SqlError.DB_EXISTS, "HY000",
                    "Can't create database '" + s.name() + "'; database exists");
        }
        store.createDatabase(s.name());
        catalog.putDatabase(s.name());
        return new QueryResult.Ok(1);
    }

    private QueryResult dropDatabase(Statement.DropDatabase s) throws SQLException {
        if (!catalog.databaseExists(s.name())) {
            if (s.ifExists()) {
                return new QueryResult.Ok(0);
            }
            throw new SqlError(1008, "HY000", "Can't drop database '" + s.name() + "'; database doesn't exist");
        }
        store.dropDatabase(s.name());
        catalog.removeDatabase(s.name());
        return new QueryResult.Ok(0);
    }

    private QueryResult createTable(Statement.CreateTable s, String currentDatabase) throws SQLException {
        TableDef parsed = s.table();
        Statement.TableName name = new Statement.TableName(parsed.database(), parsed.name()).resolve(currentDatabase);
        requireDatabase(name.database());
        NameRules.checkTable(name.table());
        if (catalog.table(name.database(), name.table()).isPresent()) {
            if (s.ifNotExists()) {
                return new QueryResult.Ok(0);
            }
            throw new SqlError(SqlError.TABLE_EXISTS, "42S01", "Table '" + name.table() + "' already exists");
        }
        parsed.columns().forEach(c -> NameRules.checkColumn(c.name()));
        requireDistinctColumns(parsed.columns());
        TableDef table = new TableDef(name.database(), name.table(), parsed.columns(), parsed.keyColumns(),
                parsed.distributionColumns(), parsed.buckets(), parsed.properties(), parsed.comment());
        store.createTable(table);
        catalog.putTable(table);
        return new QueryResult.Ok(0);
    }

    private QueryResult dropTable(Statement.DropTable s, String currentDatabase) throws SQLException {
        Statement.TableName name = s.name().resolve(currentDatabase);
        requireDatabase(name.database());
        if (catalog.table(name.database(), name.table()).isEmpty()) {
            if (s.ifExists()) {
                return new QueryResult.Ok(0);
            }
            throw SqlError.unknownTable(name.table());
        }
        store.dropTable(name.database(), name.table());
        catalog.removeTable(name.database(), name.table());
        return new QueryResult.Ok(0);
    }

    private QueryResult truncate(Statement.TruncateTable s, String currentDatabase) throws SQLException {
        TableDef table = requireTable(s.name().resolve(currentDatabase));
        store.truncateTable(table);
        return new QueryResult.Ok(0);
    }

    private QueryResult alter(Statement.AlterTable s, String currentDatabase) throws SQLException {
        TableDef table = requireTable(s.name().resolve(currentDatabase));
        List<ColumnDef> columns = new ArrayList<>(table.columns());
        List<StorageChange> storageChanges = new ArrayList<>();
        for (Statement.AlterClause clause : s.clauses()) {
            if (clause instanceof Statement.AddColumn add) {
                storageChanges.add(addColumn(table, columns, add));
            } else if (clause instanceof Statement.DropColumn drop) {
                storageChanges.add(dropColumn(table, columns, drop));
            }
        }
        TableDef altered = table.withColumns(columns);
        store.alterTable(table, altered, storageChanges);
        catalog.putTable(altered);
        return new QueryResult.Ok(0);
    }

    private static StorageChange addColumn(TableDef table, List<ColumnDef> columns, Statement.AddColumn add) {
        ColumnDef column = add.column();
        NameRules.checkColumn(column.name());
        if (columns.stream().anyMatch(c -> c.name().equalsIgnoreCase(column.name()))) {
            throw new SqlError(SqlError.DUP_FIELD, "42S21",
                    "Can not add column which already exists in base table: " + column.name());
        }
        if (!column.nullable() && !column.hasDefault()) {
            throw SqlError.analysis("Can not add NOT NULL column '" + column.name()
                    + "' without a DEFAULT value to a table that may have rows");
        }
        int index = columns.size();
        String after = null;
        if ("".equals(add.after())) {
            throw SqlError.analysis("Can not add value column '" + column.name() + "' before key columns");
        } else if (add.after() != null) {
            int afterIndex = indexOf(columns, add.after());
            if (afterIndex < 0) {
                throw new SqlError(SqlError.BAD_FIELD, "42S22", "Column '" + add.after() + "' does not exist");
            }
            if (afterIndex < table.keyColumns().size() - 1) {
                throw SqlError.analysis("Can not add value column '" + column.name() + "' before key columns");
            }
            index = afterIndex + 1;
            after = columns.get(afterIndex).name();
        }
        columns.add(index, column);
        return new StorageChange.AddColumn(column, after);
    }

    private static StorageChange dropColumn(TableDef table, List<ColumnDef> columns, Statement.DropColumn drop) {
        int index = indexOf(columns, drop.name());
        if (index < 0) {
            throw new SqlError(SqlError.BAD_FIELD, "42S22", "Column does not exists: " + drop.name());
        }
        if (table.isKey(drop.name())) {
            throw SqlError.analysis("Can not drop key column in primary data model table");
        }
        String name = columns.remove(index).name();
        return new StorageChange.DropColumn(name);
    }

    private static int indexOf(List<ColumnDef> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private QueryResult showTables(Statement.ShowTables s, String currentDatabase) {
        String db = s.database() != null ? s.database() : currentDatabase;
        if (db == null) {
            throw new SqlError(1046, "3D000", "No database selected");
        }
        requireDatabase(db);
        List<List<String>> rows = catalog.tables(db).stream().map(TableDef::name)
                .filter(name -> matchesLike(name, s.like())).map(List::of).toList();
        return QueryResult.strings(List.of("Tables_in_" + db), rows);
    }

    private QueryResult showCreate(Statement.ShowCreateTable s, String currentDatabase) {
        TableDef table = requireTable(s.name().resolve(currentDatabase));
        return QueryResult.strings(List.of("Table", "Create Table"), List.of(List.of(table.name(), createSql(table))));
    }

    /** The table's DDL in StarRocks' SHOW CREATE TABLE layout. */
    public static String createSql(TableDef table) {
        StringBuilder sql = new StringBuilder("CREATE TABLE `").append(table.name()).append("` (\n");
        List<String> lines = new ArrayList<>();
        for (ColumnDef c : table.columns()) {
            lines.add("  `" + c.name() + "` " + c.type().columnType() + (c.nullable() ? " NULL" : " NOT NULL")
                    + (c.hasDefault() ? " DEFAULT \"" + c.defaultValue() + "\"" : "")
                    + " COMMENT \"" + c.comment() + "\"");
        }
        sql.append(String.join(",\n", lines)).append("\n) ENGINE=OLAP \n");
        sql.append("PRIMARY KEY(").append(backquoted(table.keyColumns())).append(")\n");
        sql.append("COMMENT \"").append(table.comment()).append("\"\n");
        List<String> distribution = table.distributionColumns().isEmpty()
                ? table.keyColumns() : table.distributionColumns();
        sql.append("DISTRIBUTED BY HASH(").append(backquoted(distribution)).append(")");
        if (table.buckets() > 0) {
            sql.append(" BUCKETS ").append(table.buckets());
        }
        sql.append(" \nPROPERTIES (\n");
        sql.append(table.properties().entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\" = \"" + e.getValue() + "\"").collect(Collectors.joining(",\n")));
        sql.append("\n);");
        return sql.toString();
    }

    private static String backquoted(List<String> names) {
        return names.stream().map(n -> "`" + n + "`").collect(Collectors.joining(", "));
    }

    private QueryResult describe(Statement.Describe s, String currentDatabase) {
        TableDef table = requireTable(s.name().resolve(currentDatabase));
        List<List<String>> rows = new ArrayList<>();
        for (ColumnDef c : table.columns()) {
            List<String> row = new ArrayList<>();
            row.add(c.name());
            row.add(c.type().columnType());
            row.add(c.nullable() ? "YES" : "NO");
            row.add(table.isKey(c.name()) ? "true" : "false");
            row.add(c.defaultValue());
            row.add("");
            rows.add(row);
        }
        return QueryResult.strings(List.of("Field", "Type", "Null", "Key", "Default", "Extra"), rows);
    }

    private void requireDatabase(String db) {
        if (!catalog.databaseExists(db)) {
            throw SqlError.unknownDatabase(db);
        }
    }

    private TableDef requireTable(Statement.TableName name) {
        requireDatabase(name.database());
        return catalog.table(name.database(), name.table())
                .orElseThrow(() -> SqlError.unknownTable(name.table()));
    }

    /** SQL LIKE: % is any run, _ one character, case-insensitive as in SHOW ... LIKE. */
    static boolean matchesLike(String value, String like) {
        if (like == null) {
            return true;
        }
        StringBuilder regex = new StringBuilder("(?is)");
        for (char c : like.toCharArray()) {
            regex.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return value.matches(regex.toString());
    }

    /** StarRocks compares column names without case: {@code id} and {@code ID} are one column. */
    private static void requireDistinctColumns(List<ColumnDef> columns) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (ColumnDef c : columns) {
            if (!seen.add(c.name().toLowerCase(java.util.Locale.ROOT))) {
                throw new SqlError(SqlError.DUP_FIELD, "42S21", "Duplicate column name '" + c.name() + "'");
            }
        }
    }

}
