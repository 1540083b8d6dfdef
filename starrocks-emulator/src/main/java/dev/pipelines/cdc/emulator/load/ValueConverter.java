package dev.pipelines.cdc.emulator.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipelines.cdc.emulator.catalog.StarRocksType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * Converts a source text value to a StarRocks column type, producing the text the store keeps.
 * A value that does not convert (bad format, out of range) is "unqualified": StarRocks' JSON reader
 * turns it into NULL unless strict mode is on ({@code add_nullable_column(..., invalid_as_null)} in
 * {@code be/src/formats/json/nullable_column.cpp}). A string longer than its column is different:
 * StarRocks' table sink filters the row in every mode ({@code OlapTableSink::_validate_data}, "String
 * '…'(length=N) is too long. The max length of 'c' is M"), so it is reported as {@link Converted#tooLong()}.
 */
final class ValueConverter {

    /** The result: a store value, or the reason the value is unqualified. */
    record Converted(String value, String error, boolean tooLong) {
        boolean ok() {
            return error == null;
        }
    }

    /** A string longer than its column: the row is filtered whatever the strict mode. */
    static final class TooLong extends IllegalArgumentException {
        final int bytes;
        final int maxBytes;

        TooLong(int bytes, int maxBytes) {
            super("length=" + bytes + ", max " + maxBytes, null);
            this.bytes = bytes;
            this.maxBytes = maxBytes;
        }
    }

    /** StarRocks' {@code string_to_float} syntax for finite values (no hex, no Java suffixes). */
    private static final java.util.regex.Pattern FLOAT_TEXT =
            java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private static final BigInteger LARGEINT_MAX = BigInteger.TWO.pow(127).subtract(BigInteger.ONE);
    private static final BigInteger LARGEINT_MIN = BigInteger.TWO.pow(127).negate();
    private static final DateTimeFormatter DATETIME_IN = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd")
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendPattern("HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendFraction(ChronoField.MICRO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalEnd()
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
            .parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
            .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    // yyyy is the year of era: year 0000 prints as 0001. Kept, because the MariaDB store's driver reads a
    // stored 0000 DATETIME back as 0001 anyway, and both stores must agree (StarRocks would keep 0000).
    private static final DateTimeFormatter DATETIME_OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private ValueConverter() {
    }

    static Converted convert(String text, StarRocksType type) {
        if (text == null) {
            return new Converted(null, null, false);
        }
        try {
            return new Converted(convertOrThrow(text, type), null, false);
        } catch (TooLong e) {
            return new Converted(null, "String '" + abbreviate(text) + "'(length=" + e.bytes
                    + ") is too long. The max length", true);
        } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
            return new Converted(null, "Value '" + abbreviate(text) + "' is invalid for type " + type.sql()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), false);
        }
    }

    private static String convertOrThrow(String text, StarRocksType type) {
        String t = text.trim();
        return switch (type.kind()) {
            case BOOLEAN -> bool(t);
            case TINYINT -> integer(t, Byte.MIN_VALUE, Byte.MAX_VALUE);
            case SMALLINT -> integer(t, Short.MIN_VALUE, Short.MAX_VALUE);
            case INT -> integer(t, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case BIGINT -> integer(t, Long.MIN_VALUE, Long.MAX_VALUE);
            case LARGEINT -> integer(t, LARGEINT_MIN, LARGEINT_MAX);
            case FLOAT, DOUBLE -> floating(t, type);
            case DECIMAL -> decimal(t, type);
            case DATE -> inRange(LocalDate.from(DATETIME_IN.parse(t)).atStartOfDay()).toLocalDate().toString();
            case DATETIME -> datetime(t);
            case CHAR, VARCHAR, VARBINARY -> bounded(text, type.length());
            case STRING -> bounded(text, StarRocksType.STRING_LENGTH);
            case JSON -> json(text);
            case ARRAY -> array(text, type);
        };
    }

    /**
     * The canonical {@code yyyy-MM-dd HH:mm:ss[.f{1,6}]} read by hand (the formatter cost ~3 µs a value, a
     * fifth of a narrow row's load CPU); anything else, or anything the calendar refuses, goes through the
     * formatter, so what is accepted and the error texts stay the formatter's (year 0000 too, see DATETIME_OUT).
     */
    private static String datetime(String t) {
        int n = t.length();
        if ((n == 19 || n >= 21 && n <= 26 && t.charAt(19) == '.') && t.charAt(4) == '-' && t.charAt(7) == '-'
                && t.charAt(10) == ' ' && t.charAt(13) == ':' && t.charAt(16) == ':') {
            int year = digits(t, 0, 4);
            int month = digits(t, 5, 7);
            int day = digits(t, 8, 10);
            int hour = digits(t, 11, 13);
            int minute = digits(t, 14, 16);
            int second = digits(t, 17, 19);
            int micros = 0;
            for (int i = 20; i < 26; i++) {
                int d = i < n ? digit(t.charAt(i)) : 0;
                micros = d < 0 || micros < 0 ? -1 : micros * 10 + d;
            }
            if (year > 0 && month > 0 && month <= 12 && day > 0 && hour >= 0 && hour < 24 && minute >= 0
                    && minute < 60 && second >= 0 && second < 60 && micros >= 0
                    && day <= java.time.YearMonth.of(year, month).lengthOfMonth()) {
                char[] out = new char[26];
                t.getChars(0, 19, out, 0);
                out[19] = '.';
                for (int i = 25; i >= 20; i--) {
                    out[i] = (char) ('0' + micros % 10);
                    micros /= 10;
                }
                return new String(out);
            }
        }
        return inRange(LocalDateTime.from(DATETIME_IN.parse(t))).format(DATETIME_OUT);
    }

    /** The decimal number in {@code t[from, to)}, or -1 if a character is not a digit. */
    private static int digits(String t, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int d = digit(t.charAt(i));
            if (d < 0) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }

    private static int digit(char c) {
        return c >= '0' && c <= '9' ? c - '0' : -1;
    }

    /** StarRocks' DATE and DATETIME range: 0000-01-01 to 9999-12-31. */
    private static LocalDateTime inRange(LocalDateTime value) {
        if (value.getYear() < 0 || value.getYear() > 9999) {
            throw new IllegalArgumentException("out of range");
        }
        return value;
    }

    private static String bool(String t) {
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "true", "1" -> "1";
            case "false", "0" -> "0";
            default -> throw new IllegalArgumentException("not a boolean");
        };
    }

    private static String integer(String t, long min, long max) {
        if (t.length() <= 18) {
            try {
                // Up to 18 characters always fit a long: no BigInteger for the common case.
                long value = Long.parseLong(t);
                if (value >= min && value <= max) {
                    return Long.toString(value);
                }
            } catch (NumberFormatException e) {
                // Through BigInteger below, for its error text.
            }
        }
        return integer(t, BigInteger.valueOf(min), BigInteger.valueOf(max));
    }

    private static String integer(String t, BigInteger min, BigInteger max) {
        BigInteger value = new BigInteger(t);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException("out of range");
        }
        return value.toString();
    }

    /**
     * FLOAT and DOUBLE as StarRocks parses a JSON string value ({@code StringParser::string_to_float} in
     * {@code be/src/util/string_parser.hpp}): after an optional sign, the first {@code i}/{@code n}
     * decides: {@code inf…} is infinity, {@code nan} is NaN (so "NaN", "Infinity", "-Infinity" load as
     * those values); otherwise digits, '.', and one exponent. A finite value beyond the type is out of
     * range. The store keeps Java's shortest text of the value, which MariaDB cannot hold as a number
     * when it is NaN or infinite (hence text storage, see {@link StarRocksType#storageType()}).
     */
    private static String floating(String t, StarRocksType type) {
        boolean negative = t.startsWith("-");
        String body = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
        for (int k = 0; k < body.length(); k++) {
            char c = Character.toLowerCase(body.charAt(k));
            if (c == 'i') {
                if (body.regionMatches(true, k, "inf", 0, 3)) {
                    return negative ? "-Infinity" : "Infinity";
                }
                throw new IllegalArgumentException("not a number");
            }
            if (c == 'n') {
                if (body.regionMatches(true, k, "nan", 0, 3)) {
                    return "NaN";
                }
                throw new IllegalArgumentException("not a number");
            }
        }
        if (!FLOAT_TEXT.matcher(t).matches()) {
            throw new IllegalArgumentException("not a number");
        }
        double d = Double.parseDouble(t);
        if (Double.isInfinite(d) || type.kind() == StarRocksType.Kind.FLOAT && Float.isInfinite((float) d)) {
            throw new IllegalArgumentException("out of range");
        }
        return type.kind() == StarRocksType.Kind.FLOAT ? Float.toString((float) d) : Double.toString(d);
    }

    private static String decimal(String t, StarRocksType type) {
        BigDecimal value = new BigDecimal(t).setScale(type.scale(), RoundingMode.HALF_UP);
        if (value.precision() - value.scale() > type.precision() - type.scale()) {
            throw new IllegalArgumentException("out of range");
        }
        return value.toPlainString();
    }

    /** StarRocks limits CHAR/VARCHAR/VARBINARY lengths in bytes. */
    private static String bounded(String text, int maxBytes) {
        if ((long) text.length() * 3 <= maxBytes) {
            return text; // UTF-8 takes at most 3 bytes per UTF-16 char (4 for a surrogate pair of 2)
        }
        int bytes = utf8Length(text);
        if (bytes > maxBytes) {
            throw new TooLong(bytes, maxBytes);
        }
        return text;
    }

    /** What {@code s.getBytes(UTF_8).length} is, without the copy. */
    static int utf8Length(String s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes++; // unpaired: String.getBytes(UTF_8) writes '?'
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    private static String array(String text, StarRocksType type) {
        JsonNode node;
        try {
            node = RowParser.JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException("not an array");
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException("not an array");
        }
        // An element that does not convert becomes NULL even in strict mode: StarRocks' JSON reader adds
        // array elements with invalid_as_null = true (add_nullable_array_column). A too-long element
        // filters the row (assumed from the table sink's length check; not confirmed for nested values).
        com.fasterxml.jackson.databind.node.ArrayNode out = RowParser.JSON.createArrayNode();
        for (JsonNode element : node) {
            if (element.isNull()) {
                out.addNull();
                continue;
            }
            String elementText = element.isValueNode() ? element.asText() : element.toString();
            try {
                convertOrThrow(elementText, type.element());
                out.add(element);
            } catch (TooLong e) {
                throw e;
            } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
                out.addNull();
            }
        }
        return out.toString();
    }

    private static String json(String text) {
        try {
            return RowParser.JSON.readTree(text).toString();
        } catch (Exception e) {
            throw new IllegalArgumentException("not valid JSON");
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 100 ? text.substring(0, 100) + "..." : text;
    }
}
