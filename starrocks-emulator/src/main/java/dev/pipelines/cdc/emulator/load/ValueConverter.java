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
 * A value that does not convert (bad format, out of range, too long) is "unqualified".
 */
final class ValueConverter {

    /** The result: a store value, or the reason the value is unqualified. */
    record Converted(String value, String error) {
        boolean ok() {
            return error == null;
        }
    }

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
            return new Converted(null, null);
        }
        try {
            return new Converted(convertOrThrow(text, type), null);
        } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
            return new Converted(null, "Value '" + abbreviate(text) + "' is invalid for type " + type.sql()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
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
            case DATE -> LocalDate.from(DATETIME_IN.parse(t)).toString();
            case DATETIME -> LocalDateTime.from(DATETIME_IN.parse(t)).format(DATETIME_OUT);
            case CHAR, VARCHAR, VARBINARY -> bounded(text, type.length());
            case STRING -> bounded(text, StarRocksType.STRING_LENGTH);
            case JSON -> json(text);
            case ARRAY -> array(text, type);
        };
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

    private static String floating(String t, StarRocksType type) {
        double d = Double.parseDouble(t);
        if (Double.isNaN(d) || Double.isInfinite(d)
                || type.kind() == StarRocksType.Kind.FLOAT && Math.abs(d) > Float.MAX_VALUE) {
            throw new IllegalArgumentException("out of range");
        }
        return t;
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
            throw new IllegalArgumentException("the length of input (" + bytes + " bytes) is longer than schema ("
                    + maxBytes + ")");
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
        for (JsonNode element : node) {
            if (!element.isNull()) {
                String elementText = element.isValueNode() ? element.asText() : element.toString();
                convertOrThrow(elementText, type.element());
            }
        }
        return node.toString();
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
