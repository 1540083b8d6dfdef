package dev.pipelines.cdc.emulator.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipelines.cdc.emulator.catalog.StarRocksType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
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
            case TINYINT -> integer(t, BigInteger.valueOf(Byte.MIN_VALUE), BigInteger.valueOf(Byte.MAX_VALUE));
            case SMALLINT -> integer(t, BigInteger.valueOf(Short.MIN_VALUE), BigInteger.valueOf(Short.MAX_VALUE));
            case INT -> integer(t, BigInteger.valueOf(Integer.MIN_VALUE), BigInteger.valueOf(Integer.MAX_VALUE));
            case BIGINT -> integer(t, BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE));
            case LARGEINT -> integer(t, LARGEINT_MIN, LARGEINT_MAX);
            case FLOAT, DOUBLE -> floating(t, type);
            case DECIMAL -> decimal(t, type);
            case DATE -> inRange(LocalDate.from(DATETIME_IN.parse(t)).atStartOfDay()).toLocalDate().toString();
            case DATETIME -> inRange(LocalDateTime.from(DATETIME_IN.parse(t))).format(DATETIME_OUT);
            case CHAR, VARCHAR, VARBINARY -> bounded(text, type.length());
            case STRING -> bounded(text, StarRocksType.STRING_LENGTH);
            case JSON -> json(text);
            case ARRAY -> array(text, type);
        };
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
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxBytes) {
            throw new TooLong(bytes, maxBytes);
        }
        return text;
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
