package dev.pipelines.cdc.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SourceCleanupSqlTest {

  @Test
  void plainNamesReadAsUsual() {
    assertThat(SourceCleanupSql.dropSlot("cdc_orders")).isEqualTo("SELECT pg_drop_replication_slot('cdc_orders');");
    assertThat(SourceCleanupSql.dropPublication("cdc_orders")).isEqualTo("DROP PUBLICATION IF EXISTS \"cdc_orders\";");
  }

  @Test
  void aQuoteInTheSlotNameStaysInsideTheLiteral() {
    assertThat(SourceCleanupSql.dropSlot("x'); DROP TABLE t; --"))
        .isEqualTo("SELECT pg_drop_replication_slot('x''); DROP TABLE t; --');");
  }

  @Test
  void aBackslashUsesTheEscapeFormSoNoSettingCanEndTheLiteralEarly() {
    // With standard_conforming_strings off, '\' would escape the closing quote of '...\'; E'' reads the same either way.
    assertThat(SourceCleanupSql.quoteLiteral("a\\'b")).isEqualTo("E'a\\\\''b'");
  }

  @Test
  void aDoubleQuoteInThePublicationStaysInsideTheIdentifier() {
    assertThat(SourceCleanupSql.dropPublication("p\"; DROP TABLE t; --"))
        .isEqualTo("DROP PUBLICATION IF EXISTS \"p\"\"; DROP TABLE t; --\";");
    assertThat(SourceCleanupSql.quoteIdentifier("MixedCase")).isEqualTo("\"MixedCase\"");
  }

  @Test
  void nulIsRefused() {
    assertThatThrownBy(() -> SourceCleanupSql.dropSlot("a\0b")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NUL");
  }
}
