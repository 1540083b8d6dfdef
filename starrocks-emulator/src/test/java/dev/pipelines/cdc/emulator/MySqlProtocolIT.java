package dev.pipelines.cdc.emulator;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The MySQL-protocol front, driven by the three JDBC drivers that talk to StarRocks in this project. */
@ExtendWith(StarRocksEmulatorExtension.class)
class MySqlProtocolIT {

    private static final String DB = "proto_db";

    @BeforeAll
    static void schema(StarRocksEmulator sr) {
        Jdbc.sql(sr).execute("CREATE DATABASE IF NOT EXISTS " + DB,
                "CREATE TABLE IF NOT EXISTS " + DB + ".t (id BIGINT NOT NULL, name VARCHAR(32), amount DECIMAL(12,4),"
                        + " big LARGEINT) PRIMARY KEY(id) DISTRIBUTED BY HASH(id) BUCKETS 2");
    }

    @ParameterizedTest
    @ValueSource(strings = {Jdbc.LEGACY_5_1, Jdbc.CONNECTOR_J, Jdbc.MARIADB})
    void answersTheConnectorsVersionProbe(String driver, StarRocksEmulator sr) throws SQLException {
        try (Connection c = Jdbc.connect(sr, driver, null, sr.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select current_version() as ver;")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("ver")).startsWith("3.").contains("emulator");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Jdbc.LEGACY_5_1, Jdbc.CONNECTOR_J, Jdbc.MARIADB})
    void answersTheConnectorsColumnQueryWithStarRocksTypesAndSignedPositions(String driver, StarRocksEmulator sr)
            throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = Jdbc.connect(sr, driver, null, sr.password());
             // Verbatim from the connector's StarRocksQueryVisitor.
             PreparedStatement ps = c.prepareStatement("select `COLUMN_NAME`, `ORDINAL_POSITION`, `COLUMN_KEY`,"
                     + " `DATA_TYPE`, `COLUMN_SIZE`, `DECIMAL_DIGITS` from `information_schema`.`COLUMNS`"
                     + " where `TABLE_SCHEMA`=? and `TABLE_NAME`=?;")) {
            ps.setObject(1, DB);
            ps.setObject(2, "t");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object position = rs.getObject("ORDINAL_POSITION");
                    assertThat(position).isInstanceOf(Long.class);
                    rows.add(rs.getString(1) + "|" + rs.getLong(2) + "|" + rs.getString(3) + "|" + rs.getString(4)
                            + "|" + rs.getObject(5) + "|" + rs.getObject(6));
                }
            }
        }
        assertThat(rows).containsExactly(
                "id|1|PRI|bigint|19|0",
                "name|2||varchar|32|null",
                "amount|3||decimal|12|4",
                "big|4||largeint|39|0");
    }

    @ParameterizedTest
    @ValueSource(strings = {Jdbc.LEGACY_5_1, Jdbc.CONNECTOR_J, Jdbc.MARIADB})
    void rejectsAWrongPassword(String driver, StarRocksEmulator sr) {
        assertThatThrownBy(() -> Jdbc.connect(sr, driver, null, "wrong").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("Access denied");
    }

    @Test
    void connectsToADatabaseAndRejectsAnUnknownOne(StarRocksEmulator sr) throws SQLException {
        try (Connection c = Jdbc.connect(sr, DB)) {
            assertThat(c.createStatement().executeQuery("SHOW TABLES").next()).isTrue();
        }
        assertThatThrownBy(() -> Jdbc.connect(sr, "no_such_db").close()).hasMessageContaining("Unknown database");
    }

    @Test
    void refusesDmlBecauseDataArrivesOnlyThroughStreamLoad(StarRocksEmulator sr) {
        assertThatThrownBy(() -> Jdbc.sql(sr).execute("INSERT INTO " + DB + ".t VALUES (1, 'a', 1, 1)"))
                .hasMessageContaining("Stream Load");
        assertThatThrownBy(() -> Jdbc.sql(sr).execute("GRANT ALL ON *.* TO x"))
                .hasMessageContaining("does not support");
    }
}
