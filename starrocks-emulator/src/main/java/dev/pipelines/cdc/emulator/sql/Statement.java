package dev.pipelines.cdc.emulator.sql;

import dev.pipelines.cdc.emulator.catalog.ColumnDef;
import dev.pipelines.cdc.emulator.catalog.TableDef;

import java.util.List;

/** The StarRocks statements the emulator understands itself (everything else is a query or an error). */
public sealed interface Statement {

    /** A table reference; {@code database} is null when the statement did not qualify it. */
    record TableName(String database, String table) {
        public TableName resolve(String currentDatabase) {
            if (database != null) {
                return this;
            }
            if (currentDatabase == null) {
                throw new SqlError(1046, "3D000", "No database selected");
            }
            return new TableName(currentDatabase, table);
        }
    }

    record CreateDatabase(String name, boolean ifNotExists) implements Statement {
    }

    record DropDatabase(String name, boolean ifExists) implements Statement {
    }

    /** {@code table.database()} may be null until resolved against the session's database. */
    record CreateTable(TableDef table, boolean ifNotExists) implements Statement {
    }

    record DropTable(TableName name, boolean ifExists) implements Statement {
    }

    record TruncateTable(TableName name) implements Statement {
    }

    record AlterTable(TableName name, List<AlterClause> clauses) implements Statement {
    }

    sealed interface AlterClause {
    }

    /** {@code after} is null (append), "" for FIRST, or the column to add after. */
    record AddColumn(ColumnDef column, String after) implements AlterClause {
    }

    record DropColumn(String name) implements AlterClause {
    }

    /** {@code like} is a SQL LIKE pattern, or null. */
    record ShowDatabases(String like) implements Statement {
    }

    record ShowTables(String database, String like) implements Statement {
    }

    record ShowCreateTable(TableName name) implements Statement {
    }

    record Describe(TableName name) implements Statement {
    }

    record Use(String database) implements Statement {
    }
}
