package dev.pipelines.cdc.emulator.sql;

import dev.pipelines.cdc.emulator.catalog.ColumnDef;
import dev.pipelines.cdc.emulator.catalog.StarRocksType;
import dev.pipelines.cdc.emulator.catalog.TableDef;
import dev.pipelines.cdc.emulator.catalog.TypeParser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Parses the DDL and SHOW/DESC statements StarRocks accepts that the emulator implements. Statements
 * outside that set are rejected with a StarRocks-like syntax error, so DDL under test is really checked.
 */
public final class StatementParser {

    private StatementParser() {
    }

    /** Empty when the statement is not DDL/SHOW/DESC/USE (a query for the store, or something to reject). */
    public static Optional<Statement> parse(String sql) {
        TokenStream t = new TokenStream(sql);
        Token first = t.peek();
        if (first.isKeyword("CREATE")) {
            return Optional.of(create(t));
        }
        if (first.isKeyword("DROP")) {
            return Optional.of(drop(t));
        }
        if (first.isKeyword("ALTER")) {
            return Optional.of(alter(t));
        }
        if (first.isKeyword("TRUNCATE")) {
            t.next();
            t.expectKeyword("TABLE");
            Statement.TableName name = tableName(t);
            t.expectEnd();
            return Optional.of(new Statement.TruncateTable(name));
        }
        if (first.isKeyword("DESC") || first.isKeyword("DESCRIBE")) {
            t.next();
            Statement.TableName name = tableName(t);
            t.expectEnd();
            return Optional.of(new Statement.Describe(name));
        }
        if (first.isKeyword("USE")) {
            t.next();
            String db = t.identifier("database name");
            t.expectEnd();
            return Optional.of(new Statement.Use(db));
        }
        if (first.isKeyword("SHOW")) {
            return show(t);
        }
        return Optional.empty();
    }

    private static Optional<Statement> show(TokenStream t) {
        t.next();
        if (t.acceptKeyword("DATABASES") || t.acceptKeyword("SCHEMAS")) {
            String like = t.acceptKeyword("LIKE") ? t.string("a pattern") : null;
            t.expectEnd();
            return Optional.of(new Statement.ShowDatabases(like));
        }
        if (t.acceptKeyword("TABLES") || t.acceptKeyword("FULL", "TABLES")) {
            String db = null;
            if (t.acceptKeyword("FROM") || t.acceptKeyword("IN")) {
                db = t.identifier("database name");
            }
            String like = t.acceptKeyword("LIKE") ? t.string("a pattern") : null;
            t.expectEnd();
            return Optional.of(new Statement.ShowTables(db, like));
        }
        if (t.acceptKeyword("CREATE", "TABLE")) {
            Statement.TableName name = tableName(t);
            t.expectEnd();
            return Optional.of(new Statement.ShowCreateTable(name));
        }
        if (t.acceptKeyword("COLUMNS") || t.acceptKeyword("FULL", "COLUMNS")) {
            if (!t.acceptKeyword("FROM")) {
                t.expectKeyword("IN");
            }
            Statement.TableName name = tableName(t);
            if (t.acceptKeyword("FROM") || t.acceptKeyword("IN")) {
                name = new Statement.TableName(t.identifier("database name"), name.table());
            }
            t.expectEnd();
            return Optional.of(new Statement.Describe(name));
        }
        // SHOW VARIABLES, SHOW WARNINGS, ... are session statements: the caller passes them to the store.
        return Optional.empty();
    }

    private static Statement create(TokenStream t) {
        t.next();
        if (t.acceptKeyword("DATABASE") || t.acceptKeyword("SCHEMA")) {
            boolean ifNotExists = t.acceptKeyword("IF", "NOT", "EXISTS");
            String name = t.identifier("database name");
            if (t.acceptKeyword("PROPERTIES")) {
                properties(t);
            }
            t.expectEnd();
            return new Statement.CreateDatabase(name, ifNotExists);
        }
        if (t.acceptKeyword("TABLE")) {
            return createTable(t);
        }
        throw SqlError.syntax("Unexpected input " + t.peek().describe()
                + " after CREATE; the emulator supports CREATE DATABASE and CREATE TABLE");
    }

    private static Statement createTable(TokenStream t) {
        boolean ifNotExists = t.acceptKeyword("IF", "NOT", "EXISTS");
        Statement.TableName name = tableName(t);
        t.expectSymbol("(");
        List<ColumnDef> columns = new ArrayList<>();
        do {
            columns.add(column(t));
        } while (t.acceptSymbol(","));
        t.expectSymbol(")");
        if (t.acceptKeyword("ENGINE")) {
            t.expectSymbol("=");
            String engine = t.identifier("engine");
            if (!engine.equalsIgnoreCase("OLAP")) {
                throw SqlError.analysis("Unsupported engine '" + engine + "' (the emulator supports OLAP tables only)");
            }
        }
        if (!t.acceptKeyword("PRIMARY", "KEY")) {
            if (t.peek().isKeyword("DUPLICATE") || t.peek().isKeyword("UNIQUE") || t.peek().isKeyword("AGGREGATE")) {
                throw SqlError.analysis("Unsupported table type '" + t.peek().text()
                        + " KEY': the emulator implements primary-key tables only");
            }
            throw t.unexpected(t.peek(), "PRIMARY KEY(...) (the emulator implements primary-key tables only)");
        }
        List<String> keys = identifierList(t);
        String comment = "";
        if (t.acceptKeyword("COMMENT")) {
            comment = t.string("comment");
        }
        if (t.peek().isKeyword("PARTITION")) {
            throw SqlError.analysis("PARTITION BY is not supported by the emulator");
        }
        List<String> distribution = List.of();
        int buckets = 0;
        if (t.acceptKeyword("DISTRIBUTED", "BY")) {
            if (t.acceptKeyword("RANDOM")) {
                throw SqlError.analysis("Primary key table does not support random distribution");
            }
            t.expectKeyword("HASH");
            distribution = identifierList(t);
            if (t.acceptKeyword("BUCKETS")) {
                buckets = t.integer("bucket number");
                if (buckets <= 0) {
                    throw SqlError.analysis("Number of hash distribution should be greater than zero.");
                }
            }
        }
        if (t.acceptKeyword("ORDER", "BY")) {
            identifierList(t);
        }
        Map<String, String> properties = Map.of();
        if (t.acceptKeyword("PROPERTIES")) {
            properties = properties(t);
        }
        t.expectEnd();
        TableDef table = new TableDef(name.database(), name.table(), keyColumnsNotNull(columns, keys), keys,
                distribution, buckets, properties, comment);
        validateTable(table);
        return new Statement.CreateTable(table, ifNotExists);
    }

    /** StarRocks makes primary-key columns NOT NULL implicitly. */
    private static List<ColumnDef> keyColumnsNotNull(List<ColumnDef> columns, List<String> keys) {
        return columns.stream()
                .map(c -> keys.stream().anyMatch(k -> k.equalsIgnoreCase(c.name()))
                        ? new ColumnDef(c.name(), c.type(), false, c.defaultValue(), c.comment()) : c)
                .toList();
    }

    private static void validateTable(TableDef table) {
        List<String> seen = new ArrayList<>();
        for (ColumnDef c : table.columns()) {
            if (seen.contains(c.name().toLowerCase(Locale.ROOT))) {
                throw new SqlError(SqlError.DUP_FIELD, "42S21", "Duplicate column name '" + c.name() + "'");
            }
            seen.add(c.name().toLowerCase(Locale.ROOT));
        }
        List<String> keys = table.keyColumns();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            ColumnDef column = table.column(key).orElseThrow(() -> SqlError.analysis(
                    "Key column '" + key + "' does not exist in table."));
            if (i >= table.columns().size() || !table.columns().get(i).name().equalsIgnoreCase(key)) {
                throw SqlError.analysis("Key columns should be a ordered prefix of the schema. KeyColumns["
                        + i + "] (starts from zero) is " + key + ", but corresponding column is "
                        + table.columns().get(i).name() + " in the previous columns declaration.");
            }
            if (!column.type().canBeKey()) {
                throw SqlError.analysis("Invalid data type of key column '" + key + "': " + column.type().sql());
            }
        }
        for (String d : table.distributionColumns()) {
            if (table.column(d).isEmpty()) {
                throw SqlError.analysis("Distribution column[" + d + "] is not found in table.");
            }
            if (!table.isKey(d)) {
                throw SqlError.analysis("Distribution column[" + d + "] is not key column");
            }
        }
    }

    private static ColumnDef column(TokenStream t) {
        // Reserved and malformed names are refused where StarRocks refuses them, after parsing (NameRules).
        String name = t.identifier("column name");
        StarRocksType type = TypeParser.parse(t);
        boolean nullable = true;
        String defaultValue = null;
        String comment = "";
        while (true) {
            if (t.acceptKeyword("NOT", "NULL")) {
                nullable = false;
            } else if (t.acceptKeyword("NULL")) {
                nullable = true;
            } else if (t.acceptKeyword("DEFAULT")) {
                Token v = t.next();
                if (v.isKeyword("CURRENT_TIMESTAMP")) {
                    throw SqlError.analysis("DEFAULT CURRENT_TIMESTAMP is not supported by the emulator");
                } else if (v.isKeyword("NULL")) {
                    defaultValue = null;
                } else if (v.type() == Token.Type.STRING || v.type() == Token.Type.NUMBER) {
                    defaultValue = v.text();
                } else if (v.isSymbol("-") && t.peek().type() == Token.Type.NUMBER) {
                    defaultValue = "-" + t.next().text();
                } else {
                    throw t.unexpected(v, "a default value literal");
                }
            } else if (t.acceptKeyword("COMMENT")) {
                comment = t.string("comment");
            } else if (t.peek().isKeyword("AUTO_INCREMENT")) {
                throw SqlError.analysis("AUTO_INCREMENT is not supported by the emulator");
            } else {
                break;
            }
        }
        return new ColumnDef(name, type, nullable, defaultValue, comment);
    }

    private static Statement drop(TokenStream t) {
        t.next();
        if (t.acceptKeyword("DATABASE") || t.acceptKeyword("SCHEMA")) {
            boolean ifExists = t.acceptKeyword("IF", "EXISTS");
            String name = t.identifier("database name");
            t.acceptKeyword("FORCE");
            t.expectEnd();
            return new Statement.DropDatabase(name, ifExists);
        }
        if (t.acceptKeyword("TABLE")) {
            boolean ifExists = t.acceptKeyword("IF", "EXISTS");
            Statement.TableName name = tableName(t);
            t.acceptKeyword("FORCE");
            t.expectEnd();
            return new Statement.DropTable(name, ifExists);
        }
        throw SqlError.syntax("Unexpected input " + t.peek().describe()
                + " after DROP; the emulator supports DROP DATABASE and DROP TABLE");
    }

    private static Statement alter(TokenStream t) {
        t.next();
        t.expectKeyword("TABLE");
        Statement.TableName name = tableName(t);
        List<Statement.AlterClause> clauses = new ArrayList<>();
        do {
            if (t.acceptKeyword("ADD", "COLUMN")) {
                if (t.acceptSymbol("(")) {
                    do {
                        clauses.add(new Statement.AddColumn(column(t), null));
                    } while (t.acceptSymbol(","));
                    t.expectSymbol(")");
                } else {
                    ColumnDef column = column(t);
                    String after = null;
                    if (t.acceptKeyword("FIRST")) {
                        after = "";
                    } else if (t.acceptKeyword("AFTER")) {
                        after = t.identifier("column name");
                    }
                    clauses.add(new Statement.AddColumn(column, after));
                }
            } else if (t.acceptKeyword("DROP", "COLUMN")) {
                clauses.add(new Statement.DropColumn(t.identifier("column name")));
            } else {
                throw t.unexpected(t.peek(),
                        "ADD COLUMN or DROP COLUMN (the emulator supports only these ALTER TABLE clauses)");
            }
        } while (t.acceptSymbol(","));
        t.expectEnd();
        return new Statement.AlterTable(name, clauses);
    }

    private static Statement.TableName tableName(TokenStream t) {
        String first = t.identifier("table name");
        if (t.acceptSymbol(".")) {
            return new Statement.TableName(first, t.identifier("table name"));
        }
        return new Statement.TableName(null, first);
    }

    private static List<String> identifierList(TokenStream t) {
        t.expectSymbol("(");
        List<String> names = new ArrayList<>();
        do {
            names.add(t.identifier("column name"));
        } while (t.acceptSymbol(","));
        t.expectSymbol(")");
        return names;
    }

    private static Map<String, String> properties(TokenStream t) {
        t.expectSymbol("(");
        Map<String, String> properties = new LinkedHashMap<>();
        if (t.acceptSymbol(")")) {
            return properties;
        }
        do {
            String key = t.string("a quoted property name");
            t.expectSymbol("=");
            properties.put(key, t.string("a quoted property value"));
        } while (t.acceptSymbol(","));
        t.expectSymbol(")");
        return properties;
    }
}
