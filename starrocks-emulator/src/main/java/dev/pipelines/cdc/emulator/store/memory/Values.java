package dev.pipelines.cdc.emulator.store.memory;

import dev.pipelines.cdc.emulator.catalog.StarRocksType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * Typed values for ordering and comparing, as MariaDB orders what the MariaDB store keeps: integers
 * (and BOOLEAN) as numbers, LARGEINT and DECIMAL as exact decimals, everything else as text in code
 * point order (utf8mb4_bin). FLOAT and DOUBLE are text in both stores (MariaDB's FLOAT cannot hold NaN).
 */
final class Values {

    /** The store's DATETIME text, {@code yyyy-MM-dd HH:mm:ss[.ffffff]}. */
    static final DateTimeFormatter DATETIME = new DateTimeFormatterBuilder().appendPattern("uuuu-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true).optionalEnd().toFormatter();

    private Values() {
    }

    /** The stored text as the value queries and keys compare; null stays null. */
    static Object typed(String text, StarRocksType type) {
        if (text == null) {
            return null;
        }
        return switch (type.kind()) {
            case BOOLEAN, TINYINT, SMALLINT, INT, BIGINT -> Long.parseLong(text);
            case LARGEINT, DECIMAL -> new BigDecimal(text);
            // As MariaDB compares DATE/DATETIME columns: by value, so '2024-05-06 07:08:09' equals the stored
            // '2024-05-06 07:08:09.000000'.
            case DATE -> LocalDate.parse(text);
            case DATETIME -> LocalDateTime.parse(text, DATETIME);
            default -> text;
        };
    }

    /** Nulls first (MySQL's ascending order), numbers by value, text by code point, text against a number as a number. */
    static int compare(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        }
        if (a instanceof String x && b instanceof String y) {
            return compareText(x, y);
        }
        if (a instanceof LocalDateTime || a instanceof LocalDate || b instanceof LocalDateTime || b instanceof LocalDate) {
            LocalDateTime x = dateTime(a);
            LocalDateTime y = dateTime(b);
            if (x != null && y != null) {
                return x.compareTo(y);
            }
            return compareText(a.toString(), b.toString());
        }
        return decimal(a).compareTo(decimal(b));
    }

    private static LocalDateTime dateTime(Object v) {
        if (v instanceof LocalDateTime t) {
            return t;
        }
        if (v instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        try {
            String s = v.toString().trim().replace('T', ' ');
            return s.length() == 10 ? LocalDate.parse(s).atStartOfDay() : LocalDateTime.parse(s, DATETIME);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static int compareText(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** A number as MariaDB reads it from text in a numeric context: the leading number, else 0. */
    static BigDecimal decimal(Object v) {
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof Long l) {
            return BigDecimal.valueOf(l);
        }
        if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? BigDecimal.ZERO : BigDecimal.valueOf(d);
        }
        String s = v.toString().trim();
        java.util.regex.Matcher m = LEADING_NUMBER.matcher(s);
        if (!m.lookingAt() || m.group().isEmpty()) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(m.group());
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }

    private static final java.util.regex.Pattern LEADING_NUMBER =
            java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /** A key of one or more typed parts, ordered part by part like a MariaDB primary key. */
    record Key(Object[] parts) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            for (int i = 0; i < parts.length; i++) {
                int c = compare(parts[i], other.parts[i]);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && compareTo(k) == 0;
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(parts);
        }
    }
}
