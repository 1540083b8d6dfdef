package dev.pipelines.cdc.emulator;

import dev.pipelines.cdc.testsupport.Sql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The DDL our job sends, checked as StarRocks checks it, and the catalog queries that read it back. */
@ExtendWith(StarRocksEmulatorExtension.class)
class DdlIT {

    private static final String DB = "ddl_db";

    @BeforeAll
    static void database(StarRocksEmulator sr) {
        Jdbc.sql(sr).execute("CREATE DATABASE IF NOT EXISTS " + DB);
    }

    @Test
    void createsATableWithEveryStarRocksTypeAndReportsThemInInformationSchema(StarRocksEmulator sr) {
        Sql sql = Jdbc.sql(sr);
        sql.execute("""
                CREATE TABLE IF NOT EXISTS ddl_db.all_types (
                  id BIGINT NOT NULL, k2 VARCHAR(20) NOT NULL,
                  c_bool BOOLEAN, c_tiny TINYINT, c_small SMALLINT, c_int INT, c_big BIGINT, c_large LARGEINT,
                  c_float FLOAT, c_double DOUBLE, c_dec DECIMAL(18,6), c_date DATE, c_dt DATETIME, c_char CHAR(4),
                  c_varchar VARCHAR(100), c_string STRING, c_json JSON, c_bin VARBINARY(8), c_arr ARRAY<INT>
                ) PRIMARY KEY(id, k2) DISTRIBUTED BY HASH(id) BUCKETS 8
                PROPERTIES ("replication_num" = "1")""");
        List<Map<String, Object>> columns = sql.rows("SELECT COLUMN_NAME, DATA_TYPE, COLUMN_TYPE, COLUMN_KEY,"
                + " IS_NULLABLE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'ddl_db'"
                + " AND TABLE_NAME = 'all_types' ORDER BY ORDINAL_POSITION");
        assertThat(columns).extracting(r -> r.get("COLUMN_NAME") + " " + r.get("COLUMN_TYPE") + " "
                        + r.get("COLUMN_KEY") + " " + r.get("IS_NULLABLE"))
                .containsExactly("id bigint(20) PRI NO", "k2 varchar(20) PRI NO", "c_bool boolean  YES",
                        "c_tiny tinyint(4)  YES", "c_small smallint(6)  YES", "c_int int(11)  YES",
                        "c_big bigint(20)  YES", "c_large largeint(40)  YES", "c_float float  YES",
                        "c_double double  YES", "c_dec decimal(18,6)  YES", "c_date date  YES",
                        "c_dt datetime  YES", "c_char char(4)  YES", "c_varchar varchar(100)  YES",
                        "c_string varchar(65533)  YES", "c_json json  YES", "c_bin varbinary(8)  YES",
                        "c_arr array<int(11)>  YES");
        assertThat(sql.scalar("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'ddl_db'"
                + " AND TABLE_NAME = 'all_types'")).isEqualTo("all_types");
        assertThat(sql.query("SHOW DATABASES", rs -> rs.getString(1))).contains("information_schema", DB)
                .doesNotContain("_starrocks_catalog", "mysql");
        assertThat(sql.query("select column_name from information_schema.columns where table_schema = 'ddl_db'"
                + " and table_name = 'all_types' and column_key = 'PRI'", rs -> rs.getString(1)))
                .as("lower-case information_schema names work too").containsExactly("id", "k2");
        assertThat(sql.query("SHOW TABLES FROM ddl_db LIKE 'all%'", rs -> rs.getString(1))).containsExactly("all_types");
    }

    @Test
    void createIfNotExistsIsIdempotentAndPlainCreateFailsOnAnExistingTable(StarRocksEmulator sr) {
        Sql sql = Jdbc.sql(sr);
        String ddl = "CREATE TABLE IF NOT EXISTS ddl_db.twice (id INT NOT NULL) PRIMARY KEY(id) DISTRIBUTED BY HASH(id)";
        sql.execute(ddl, ddl);
        assertThatThrownBy(() -> sql.execute(ddl.replace("IF NOT EXISTS ", "")))
                .hasMessageContaining("already exists");
        assertThatThrownBy(() -> sql.execute("CREATE DATABASE " + DB)).hasMessageContaining("database exists");
    }

    @Test
    void showCreateTableAndDescribeReadBackTheDefinition(StarRocksEmulator sr) {
        Sql sql = Jdbc.sql(sr);
        sql.execute("CREATE TABLE IF NOT EXISTS ddl_db.shown (id INT NOT NULL COMMENT 'key', v VARCHAR(8) DEFAULT 'x')"
                + " PRIMARY KEY(id) DISTRIBUTED BY HASH(id) BUCKETS 3 PROPERTIES (\"replication_num\" = \"1\")");
        String create = (String) sql.rows("SHOW CREATE TABLE ddl_db.shown").get(0).get("Create Table");
        assertThat(create).contains("PRIMARY KEY(`id`)").contains("DISTRIBUTED BY HASH(`id`) BUCKETS 3")
                .contains("`v` varchar(8) NULL DEFAULT \"x\"").contains("\"replication_num\" = \"1\"");
        assertThat(sql.rows("DESC ddl_db.shown")).extracting(r -> r.get("Field") + ":" + r.get("Type") + ":"
                + r.get("Key")).containsExactly("id:int(11):true", "v:varchar(8):false");
    }

    @Test
    void addAndDropColumnChangeTheTableAndKeepRows(StarRocksEmulator sr) throws Exception {
        Sql sql = Jdbc.sql(sr);
        sql.execute("CREATE TABLE IF NOT EXISTS ddl_db.evolving (id INT NOT NULL, a INT, b INT) PRIMARY KEY(id)"
                + " DISTRIBUTED BY HASH(id)");
        Http.Reply load = Http.of(sr).streamLoad(sr, DB, "evolving", Map.of("format", "json"),
                "{\"id\":1,\"a\":10,\"b\":20}");
        assertThat(load.field("Status")).isEqualTo("Success");

        sql.execute("ALTER TABLE ddl_db.evolving ADD COLUMN c VARCHAR(10) DEFAULT 'dflt'",
                "ALTER TABLE ddl_db.evolving DROP COLUMN a");
        assertThat(sql.rows("SELECT * FROM ddl_db.evolving")).containsExactly(
                Map.of("id", 1, "b", 20, "c", "dflt"));
        assertThat(sql.query("SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'ddl_db'"
                + " AND TABLE_NAME = 'evolving' ORDER BY ORDINAL_POSITION", rs -> rs.getString(1)))
                .containsExactly("id", "b", "c");

        assertThatThrownBy(() -> sql.execute("ALTER TABLE ddl_db.evolving DROP COLUMN id"))
                .hasMessageContaining("key column");
        assertThatThrownBy(() -> sql.execute("ALTER TABLE ddl_db.evolving ADD COLUMN b INT"))
                .hasMessageContaining("already exists");
        assertThatThrownBy(() -> sql.execute("ALTER TABLE ddl_db.evolving ADD COLUMN d INT NOT NULL"))
                .hasMessageContaining("DEFAULT");
    }

    @Test
    void rejectsDdlStarRocksWouldRejectOrTheEmulatorDoesNotImplement(StarRocksEmulator sr) {
        Sql sql = Jdbc.sql(sr);
        assertThatThrownBy(() -> sql.execute("CREATE TABLE ddl_db.bad (v INT, id INT NOT NULL) PRIMARY KEY(id)"))
                .hasMessageContaining("ordered prefix");
        assertThatThrownBy(() -> sql.execute("CREATE TABLE ddl_db.bad (id INT) DUPLICATE KEY(id)"))
                .hasMessageContaining("primary-key tables only");
        assertThatThrownBy(() -> sql.execute("CREATE TABLE ddl_db.bad (id INT, v MEDIUMTEXT) PRIMARY KEY(id)"))
                .hasMessageContaining("Unsupported type");
        assertThatThrownBy(() -> sql.execute("CREATE TABLE no_such_db.t (id INT) PRIMARY KEY(id)"))
                .hasMessageContaining("Unknown database 'no_such_db'");
        assertThatThrownBy(() -> sql.execute("ALTER TABLE ddl_db.nope ADD COLUMN x INT"))
                .hasMessageContaining("Unknown table");
        assertThatThrownBy(() -> sql.execute("CREATE MATERIALIZED VIEW mv AS SELECT 1"))
                .hasMessageContaining("syntax error");
        assertThatThrownBy(() -> sql.execute("CREATE DATABASE `bad-name`")).hasMessageContaining("Incorrect database name");
        assertThatThrownBy(() -> sql.execute("CREATE TABLE ddl_db.`1bad` (id INT) PRIMARY KEY(id)"))
                .hasMessageContaining("Incorrect table name");
        assertThatThrownBy(() -> sql.execute("CREATE TABLE ddl_db.bad (id INT, `a b` INT) PRIMARY KEY(id)"))
                .hasMessageContaining("Incorrect column name");
        assertThatThrownBy(() -> sql.execute("CREATE TABLE ddl_db.bad (id INT, `Display Name` INT) PRIMARY KEY(id)"))
                .hasMessageContaining("Incorrect column name 'Display Name'");
        assertThatThrownBy(() -> sql.execute("CREATE TABLE ddl_db.bad (id INT, `__op` INT) PRIMARY KEY(id)"))
                .hasMessageContaining("is a system reserved name");
        assertThatThrownBy(() -> sql.execute("CREATE TABLE ddl_db.bad (id INT, v INT, V INT) PRIMARY KEY(id)"))
                .hasMessageContaining("Duplicate column name 'V'");
        sql.execute("CREATE TABLE IF NOT EXISTS ddl_db._underscore_ok (id INT) PRIMARY KEY(id)");
        assertThat(sql.query("SHOW TABLES FROM ddl_db", rs -> rs.getString(1))).doesNotContain("bad")
                .contains("_underscore_ok");
    }
}
