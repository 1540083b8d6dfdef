package dev.pipelines.cdc.emulator.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NameRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"orders", "OrderItems", "order", "group", "select", "key", "_x", "__op_log"})
    void takesDocumentedNamesIncludingMixedCaseAndReservedWords(String name) {
        assertThatCode(() -> NameRules.checkTable(name)).doesNotThrowAnyException();
        assertThatCode(() -> NameRules.checkColumn(name)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Display Name", "say \"hi\"", "a`b", "order-items", "commandes_été", "1st", ""})
    void refusesColumnsOutsideTheDocumentedSetWithStarRocksError(String name) {
        assertThatThrownBy(() -> NameRules.checkColumn(name)).isInstanceOfSatisfying(SqlError.class, e -> {
            assertThat(e.code()).isEqualTo(1166);
            assertThat(e.sqlState()).isEqualTo("42000");
            assertThat(e.getMessage()).isEqualTo("Incorrect column name '" + name + "'. Column regex is '"
                    + NameRules.TABLE_OR_COLUMN_REGEX + "'");
        });
        assertThatThrownBy(() -> NameRules.checkTable(name)).isInstanceOfSatisfying(SqlError.class, e ->
                assertThat(e.code()).isEqualTo(1103));
    }

    @Test
    void lengthLimitsAreDocumentedOnes() {
        assertThatCode(() -> NameRules.checkTable("t".repeat(1024))).doesNotThrowAnyException();
        assertThatThrownBy(() -> NameRules.checkTable("t".repeat(1025))).isInstanceOf(SqlError.class);
        assertThatThrownBy(() -> NameRules.checkColumn("c".repeat(1025))).isInstanceOf(SqlError.class);
        assertThatCode(() -> NameRules.checkDatabase("d".repeat(256))).doesNotThrowAnyException();
        assertThatThrownBy(() -> NameRules.checkDatabase("d".repeat(257))).isInstanceOf(SqlError.class);
    }

    @Test
    void systemReservedColumnsAreRefusedInAnyCase() {
        for (String name : new String[] {"__op", "__OP", "__row"}) {
            assertThatThrownBy(() -> NameRules.checkColumn(name)).isInstanceOfSatisfying(SqlError.class, e -> assertThat(
                    e.getMessage()).isEqualTo("Column name [" + name + "] is a system reserved name. Please choose a different one."));
        }
        assertThatThrownBy(() -> NameRules.checkColumn("__starrocks_shadow_v")).isInstanceOf(SqlError.class);
        assertThatThrownBy(() -> NameRules.checkColumn("__generated_partition_column_p")).isInstanceOf(SqlError.class);
    }

    @Test
    void databaseFollowsTheFeRegex() {
        assertThatCode(() -> NameRules.checkDatabase("_analytics")).doesNotThrowAnyException();
        for (String name : new String[] {"__analytics", "_", "my-db", "1db", dev.pipelines.cdc.emulator.catalog.InformationSchemaRows.RESERVED_SCHEMA}) {
            assertThatThrownBy(() -> NameRules.checkDatabase(name)).isInstanceOfSatisfying(SqlError.class, e -> {
                assertThat(e.code()).isEqualTo(1102);
                assertThat(e.getMessage()).isEqualTo("Incorrect database name '" + name + "'");
            });
        }
    }
}
