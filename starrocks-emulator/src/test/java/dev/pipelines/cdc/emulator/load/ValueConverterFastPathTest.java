package dev.pipelines.cdc.emulator.load;

import dev.pipelines.cdc.emulator.catalog.StarRocksType;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written fast paths (DATETIME, integers, UTF-8 length) answer exactly what the general paths answer. */
class ValueConverterFastPathTest {

    /** The general DATETIME path, as it was before the fast path. */
    private static final DateTimeFormatter IN = new DateTimeFormatterBuilder().appendPattern("uuuu-MM-dd")
            .optionalStart().appendLiteral(' ').optionalEnd().optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendPattern("HH:mm").optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendFraction(ChronoField.MICRO_OF_SECOND, 0, 9, true).optionalEnd().optionalEnd()
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0).parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
            .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0).toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private static String reference(String t) {
        try {
            LocalDateTime v = LocalDateTime.from(IN.parse(t));
            return v.getYear() < 0 || v.getYear() > 9999 ? null : v.format(OUT);
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Test
    void datetimesConvertAsTheFormatterConvertsThem() {
        Random random = new Random(7);
        StarRocksType datetime = StarRocksType.of(StarRocksType.Kind.DATETIME);
        String[] fixed = {"2024-02-29 00:00:00", "2023-02-29 00:00:00", "2024-04-31 10:00:00", "2024-12-31 23:59:59.999999",
                "0000-01-01 00:00:00", "9999-12-31 23:59:59", "2024-01-01 24:00:00", "2024-01-01 23:60:00",
                "2024-01-01 23:59:60", "2024-00-10 01:02:03", "2024-13-10 01:02:03", "2024-01-00 01:02:03",
                "2024-01-01 01:02:03.5", "2024-01-01 01:02:03.", "2024-01-01 01:02:03.1234567", "2024-01-01 1:02:03",
                "2024-01-01T01:02:03", "2024-01-01 01:02", "2024-01-01", "2O24-01-01 01:02:03", "2024-01-01 01:02:0x",
                "2024-01-01 01:02:03.12a", "1900-02-29 00:00:00", "2000-02-29 00:00:00"};
        for (String t : fixed) {
            assertThat(ValueConverter.convert(t, datetime).value()).as(t).isEqualTo(reference(t));
        }
        for (int i = 0; i < 20_000; i++) {
            String t = String.format("%04d-%02d-%02d %02d:%02d:%02d", random.nextInt(10000), random.nextInt(14),
                    random.nextInt(33), random.nextInt(26), random.nextInt(62), random.nextInt(62));
            if (random.nextBoolean()) {
                t += "." + String.format("%06d", random.nextInt(1_000_000)).substring(0, 1 + random.nextInt(6));
            }
            assertThat(ValueConverter.convert(t, datetime).value()).as(t).isEqualTo(reference(t));
        }
    }

    @Test
    void integersConvertAsBigIntegerConvertsThem() {
        Random random = new Random(11);
        for (StarRocksType.Kind kind : new StarRocksType.Kind[] {StarRocksType.Kind.TINYINT, StarRocksType.Kind.INT,
                StarRocksType.Kind.BIGINT}) {
            StarRocksType type = StarRocksType.of(kind);
            BigInteger max = BigInteger.TWO.pow(kind == StarRocksType.Kind.TINYINT ? 7 : kind == StarRocksType.Kind.INT ? 31 : 63);
            for (String t : new String[] {"0", "-0", "+5", "007", "1.5", "", "-", "x", "127", "128", "-128", "-129",
                    "2147483647", "2147483648", "999999999999999999", "-999999999999999999"}) {
                assertThat(ValueConverter.convert(t, type).value()).as(kind + " " + t).isEqualTo(reference(t, max));
            }
            for (int i = 0; i < 5_000; i++) {
                String t = Long.toString(random.nextLong() >> random.nextInt(64));
                assertThat(ValueConverter.convert(t, type).value()).as(kind + " " + t).isEqualTo(reference(t, max));
            }
        }
    }

    private static String reference(String t, BigInteger max) {
        try {
            BigInteger v = new BigInteger(t);
            return v.compareTo(max.negate()) < 0 || v.compareTo(max.subtract(BigInteger.ONE)) > 0 ? null : v.toString();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Test
    void utf8LengthIsWhatGetBytesCounts() {
        Random random = new Random(3);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int j = random.nextInt(12); j > 0; j--) {
                s.append(switch (random.nextInt(6)) {
                    case 0 -> "a";
                    case 1 -> "é";
                    case 2 -> "日";
                    case 3 -> "😀";
                    case 4 -> "\uD800"; // an unpaired high surrogate
                    default -> "\uDC00"; // an unpaired low surrogate
                });
            }
            assertThat(ValueConverter.utf8Length(s.toString())).as(s.toString())
                    .isEqualTo(s.toString().getBytes(StandardCharsets.UTF_8).length);
        }
    }
}
