package dev.pipelines.cdc.bench.decoder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PgTimestampsTest {
  private static final DateTimeFormatter PG = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  @Test
  void agreesWithJavaTimeOnManyInstantsAndOffsets() {
    SplittableRandom random = new SplittableRandom(8);
    for (int i = 0; i < 20_000; i++) {
      // years 0002..9998, offsets of up to ±15:59:59 (Postgres' range), 0-6 fraction digits
      long second = random.nextLong(LocalDateTime.of(2, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC),
          LocalDateTime.of(9998, 12, 31, 0, 0).toEpochSecond(ZoneOffset.UTC));
      int offset = random.nextInt(-57_599, 57_600);
      int digits = random.nextInt(7);
      String fraction = "";
      if (digits > 0) {
        StringBuilder f = new StringBuilder();
        for (int d = 0; d < digits; d++) {
          f.append(random.nextInt(10));
        }
        fraction = "." + f;
      }
      OffsetDateTime local = LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC).atOffset(ZoneOffset.UTC)
          .withOffsetSameInstant(ZoneOffset.ofTotalSeconds(offset));
      String pgText = local.format(PG) + fraction + pgOffset(offset);
      String expected = "\"" + local.withOffsetSameInstant(ZoneOffset.UTC).format(PG)
          + (digits == 0 ? "" : fraction + "0".repeat(6 - digits)) + "\"";
      assertThat(convert(pgText)).as(pgText).isEqualTo(expected);
    }
  }

  /** As Postgres prints an offset: ±HH, then :MM and :SS only when not zero. */
  private static String pgOffset(int seconds) {
    int abs = Math.abs(seconds);
    String s = (seconds < 0 ? "-" : "+") + String.format("%02d", abs / 3600);
    if (abs % 3600 != 0) {
      s += String.format(":%02d", abs / 60 % 60);
      if (abs % 60 != 0) {
        s += String.format(":%02d", abs % 60);
      }
    }
    return s;
  }

  private static String convert(String text) {
    JsonBytes out = new JsonBytes(8);
    byte[] b = ("xx" + text).getBytes(StandardCharsets.US_ASCII);
    PgTimestamps.append(out, b, 2, b.length - 2, true);
    return out.toString();
  }
}
