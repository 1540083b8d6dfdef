package dev.pipelines.cdc.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** Values the two drivers return for the same data compare equal; different data does not. */
class CanonicalTest {
  @Test
  void decimalsIgnoreScale() {
    assertThat(Canonical.of(new BigDecimal("5.50"))).isEqualTo(Canonical.of(new BigDecimal("5.5"))).isEqualTo("5.5");
    assertThat(Canonical.of(new BigDecimal("0.00"))).isEqualTo("0");
    assertThat(Canonical.of(new BigDecimal("100"))).isEqualTo("100");
    assertThat(Canonical.of(new BigDecimal("5.51"))).isNotEqualTo(Canonical.of(new BigDecimal("5.5")));
  }

  @Test
  void integersOfAnyWidthAgree() {
    assertThat(Canonical.of(42L)).isEqualTo(Canonical.of(42)).isEqualTo("42");
  }

  @Test
  void timestamptzIsComparedAsUtcDateTime() {
    OffsetDateTime postgres = OffsetDateTime.parse("2024-06-01T12:00:00.123456+02:00");
    LocalDateTime starrocks = LocalDateTime.parse("2024-06-01T10:00:00.123456");
    assertThat(Canonical.of(postgres)).isEqualTo(Canonical.of(starrocks));
    assertThat(Canonical.of(postgres)).isNotEqualTo(Canonical.of(LocalDateTime.parse("2024-06-01T12:00:00.123456")));
    assertThat(Canonical.of(Timestamp.valueOf(starrocks))).isEqualTo(Canonical.of(starrocks));
  }

  @Test
  void nullStaysNull() {
    assertThat(Canonical.of(null)).isNull();
    assertThat(Canonical.of("text")).isEqualTo("text");
  }
}
