package dev.pipelines.cdc.emulator.sql;

import dev.pipelines.cdc.emulator.catalog.TableDef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatementParserTest {

    @Test
    void parsesAPrimaryKeyTableWithEveryClause() {
        Statement s = StatementParser.parse("""
                CREATE TABLE IF NOT EXISTS `shop`.`orders` (
                  `id` BIGINT NOT NULL COMMENT "order id",
                  region VARCHAR(16) NOT NULL,
                  amount DECIMAL(12,2) NULL DEFAULT "0",
                  tags ARRAY<STRING>,
                  payload JSON
                ) ENGINE=OLAP
                PRIMARY KEY(id, region)
                COMMENT 'orders'
                DISTRIBUTED BY HASH(id) BUCKETS 4
                PROPERTIES ("replication_num" = "1", "enable_persistent_index" = "true");
                """).orElseThrow();
        assertThat(s).isInstanceOf(Statement.CreateTable.class);
        Statement.CreateTable create = (Statement.CreateTable) s;
        TableDef t = create.table();
        assertThat(create.ifNotExists()).isTrue();
        assertThat(t.database()).isEqualTo("shop");
        assertThat(t.name()).isEqualTo("orders");
        assertThat(t.keyColumns()).containsExactly("id", "region");
        assertThat(t.distributionColumns()).containsExactly("id");
        assertThat(t.buckets()).isEqualTo(4);
        assertThat(t.properties()).isEqualTo(Map.of("replication_num", "1", "enable_persistent_index", "true"));
        assertThat(t.column("amount").orElseThrow().defaultValue()).isEqualTo("0");
        assertThat(t.column("region").orElseThrow().nullable()).isFalse();
        assertThat(t.column("tags").orElseThrow().type().sql()).isEqualTo("ARRAY<STRING>");
        assertThat(t.column("id").orElseThrow().comment()).isEqualTo("order id");
    }

    @Test
    void keyColumnsMustBeAnOrderedPrefixOfTheSchema() {
        assertThatThrownBy(() -> StatementParser.parse(
                "CREATE TABLE t (v INT, id INT) PRIMARY KEY(id) DISTRIBUTED BY HASH(id)"))
                .hasMessageContaining("Key columns should be a ordered prefix of the schema");
    }

    @Test
    void keyColumnsCannotBeFloatingPoint() {
        assertThatThrownBy(() -> StatementParser.parse("CREATE TABLE t (id DOUBLE) PRIMARY KEY(id)"))
                .hasMessageContaining("Invalid data type of key column");
    }

    @Test
    void distributionColumnsMustBeKeyColumns() {
        assertThatThrownBy(() -> StatementParser.parse(
                "CREATE TABLE t (id INT, v INT) PRIMARY KEY(id) DISTRIBUTED BY HASH(v)"))
                .hasMessageContaining("is not key column");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE TABLE t (id INT) DUPLICATE KEY(id) DISTRIBUTED BY HASH(id)",
            "CREATE TABLE t (id INT) DISTRIBUTED BY HASH(id)",
            "CREATE TABLE t (id INT, v TEXT) PRIMARY KEY(id)",
            "CREATE TABLE t (id INT) PRIMARY KEY(id) PARTITION BY RANGE(id) ()",
            "CREATE VIEW v AS SELECT 1",
            "CREATE INDEX i ON t (id)",
            "ALTER TABLE t MODIFY COLUMN v BIGINT",
            "ALTER TABLE t RENAME t2",
            "CREATE TABLE t (id INT) PRIMARY KEY(id) PROPERTIES (replication_num = 1)",
    })
    void rejectsSyntaxOutsideTheSupportedSet(String sql) {
        assertThatThrownBy(() -> StatementParser.parse(sql)).isInstanceOf(SqlError.class);
    }

    @Test
    void parsesAddAndDropColumn() {
        Statement.AlterTable alter = (Statement.AlterTable) StatementParser.parse(
                "ALTER TABLE db.t ADD COLUMN c2 VARCHAR(10) DEFAULT 'x' AFTER c1, DROP COLUMN c0").orElseThrow();
        assertThat(alter.name()).isEqualTo(new Statement.TableName("db", "t"));
        assertThat(alter.clauses()).hasSize(2);
        Statement.AddColumn add = (Statement.AddColumn) alter.clauses().get(0);
        assertThat(add.column().name()).isEqualTo("c2");
        assertThat(add.after()).isEqualTo("c1");
        assertThat(alter.clauses().get(1)).isEqualTo(new Statement.DropColumn("c0"));
    }

    @Test
    void leavesQueriesAndSessionStatementsToTheStore() {
        for (String sql : List.of("SELECT 1", "SET NAMES utf8mb4", "SHOW VARIABLES LIKE 'x'")) {
            assertThat(StatementParser.parse(sql)).as(sql).isEmpty();
        }
        assertThat(StatementParser.parse("SHOW DATABASES")).contains(new Statement.ShowDatabases(null));
        assertThat(StatementParser.parse("SHOW TABLES FROM db LIKE 'ord%'"))
                .contains(new Statement.ShowTables("db", "ord%"));
        assertThat(StatementParser.parse("DESC db.t"))
                .contains(new Statement.Describe(new Statement.TableName("db", "t")));
    }
}
