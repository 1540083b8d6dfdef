package dev.pipelines.cdc.emulator.catalog;

import java.util.Locale;

/**
 * A StarRocks column type as the emulator's catalog keeps it. MariaDB cannot hold some of these
 * natively (LARGEINT, ARRAY), so the catalog, not MariaDB, is the source of truth for types.
 *
 * @param length    byte length of CHAR/VARCHAR/VARBINARY (StarRocks counts bytes, not characters)
 * @param precision DECIMAL precision
 * @param scale     DECIMAL scale
 * @param element   element type of ARRAY, else null
 */
public record StarRocksType(Kind kind, int length, int precision, int scale, StarRocksType element) {

    public enum Kind {
        BOOLEAN, TINYINT, SMALLINT, INT, BIGINT, LARGEINT, FLOAT, DOUBLE, DECIMAL, DATE, DATETIME,
        CHAR, VARCHAR, STRING, JSON, VARBINARY, ARRAY
    }

    /** StarRocks stores STRING as VARCHAR(65533). */
    public static final int STRING_LENGTH = 65533;
    public static final int MAX_VARCHAR = 1048576;
    public static final int MAX_CHAR = 255;
    public static final int MAX_DECIMAL_PRECISION = 38;

    public static StarRocksType of(Kind kind) {
        return new StarRocksType(kind, 0, 0, 0, null);
    }

    public static StarRocksType sized(Kind kind, int length) {
        return new StarRocksType(kind, length, 0, 0, null);
    }

    public static StarRocksType decimal(int precision, int scale) {
        return new StarRocksType(Kind.DECIMAL, 0, precision, scale, null);
    }

    public static StarRocksType array(StarRocksType element) {
        return new StarRocksType(Kind.ARRAY, 0, 0, 0, element);
    }

    /** The type as written in StarRocks DDL, e.g. {@code VARCHAR(20)}, {@code ARRAY<INT>}. */
    public String sql() {
        return switch (kind) {
            case DECIMAL -> "DECIMAL(" + precision + "," + scale + ")";
            case CHAR, VARCHAR, VARBINARY -> kind + "(" + length + ")";
            case ARRAY -> "ARRAY<" + element.sql() + ">";
            default -> kind.name();
        };
    }

    /** {@code information_schema.COLUMNS.DATA_TYPE}: the lower-case type name. */
    public String dataType() {
        return switch (kind) {
            case STRING -> "varchar";
            case DECIMAL -> "decimal";
            default -> kind.name().toLowerCase(Locale.ROOT);
        };
    }

    /** {@code information_schema.COLUMNS.COLUMN_TYPE}, in the MySQL-like spelling StarRocks uses. */
    public String columnType() {
        return switch (kind) {
            case BOOLEAN -> "boolean";
            case TINYINT -> "tinyint(4)";
            case SMALLINT -> "smallint(6)";
            case INT -> "int(11)";
            case BIGINT -> "bigint(20)";
            case LARGEINT -> "largeint(40)";
            case FLOAT -> "float";
            case DOUBLE -> "double";
            case DECIMAL -> "decimal(" + precision + "," + scale + ")";
            case DATE -> "date";
            case DATETIME -> "datetime";
            case CHAR -> "char(" + length + ")";
            case VARCHAR -> "varchar(" + length + ")";
            case STRING -> "varchar(" + STRING_LENGTH + ")";
            case JSON -> "json";
            case VARBINARY -> "varbinary(" + length + ")";
            case ARRAY -> "array<" + element.columnType() + ">";
        };
    }

    /** {@code information_schema.COLUMNS.COLUMN_SIZE} (a StarRocks extension): length or precision. */
    public Long columnSize() {
        return switch (kind) {
            case BOOLEAN -> 1L;
            case TINYINT -> 3L;
            case SMALLINT -> 5L;
            case INT -> 10L;
            case BIGINT -> 19L;
            case LARGEINT -> 39L;
            case FLOAT -> 12L;
            case DOUBLE -> 22L;
            case DECIMAL -> (long) precision;
            case DATE -> 10L;
            case DATETIME -> 19L;
            case CHAR, VARCHAR, VARBINARY -> (long) length;
            case STRING -> (long) STRING_LENGTH;
            default -> null;
        };
    }

    /** {@code information_schema.COLUMNS.DECIMAL_DIGITS}: scale for exact numerics. */
    public Long decimalDigits() {
        return switch (kind) {
            case TINYINT, SMALLINT, INT, BIGINT, LARGEINT -> 0L;
            case DECIMAL -> (long) scale;
            default -> null;
        };
    }

    public boolean isCharacter() {
        return kind == Kind.CHAR || kind == Kind.VARCHAR || kind == Kind.STRING;
    }

    /** Primary-key columns cannot be floating point, DECIMAL, JSON, ARRAY or binary in StarRocks. */
    public boolean canBeKey() {
        return switch (kind) {
            case BOOLEAN, TINYINT, SMALLINT, INT, BIGINT, LARGEINT, DATE, DATETIME, CHAR, VARCHAR, STRING -> true;
            default -> false;
        };
    }

    /** The MariaDB column type that stores values of this type without loss. */
    public String storageType() {
        return switch (kind) {
            case BOOLEAN -> "TINYINT(1)";
            case TINYINT -> "TINYINT";
            case SMALLINT -> "SMALLINT";
            case INT -> "INT";
            case BIGINT -> "BIGINT";
            case LARGEINT -> "DECIMAL(39,0)";
            // As text: StarRocks keeps NaN and infinities (loaded from "NaN", "Infinity"), MariaDB's
            // FLOAT/DOUBLE cannot. The text is Java's shortest form of the float or double value.
            case FLOAT, DOUBLE -> "VARCHAR(32)";
            case DECIMAL -> "DECIMAL(" + precision + "," + scale + ")";
            case DATE -> "DATE";
            case DATETIME -> "DATETIME(6)";
            // Short strings stay VARCHAR so they can be keys; long ones go to LONGTEXT (MariaDB's row limit is 64 KB).
            case CHAR, VARCHAR -> length <= 512 ? "VARCHAR(" + length + ")" : "LONGTEXT";
            case STRING -> "LONGTEXT";
            case JSON, ARRAY -> "LONGTEXT";
            case VARBINARY -> "LONGBLOB";
        };
    }

    /** Storage type for a key column: MariaDB keys need bounded lengths (StarRocks caps keys at 128 bytes). */
    public String storageKeyType() {
        return kind == Kind.STRING || (kind == Kind.VARCHAR && length > 512) ? "VARCHAR(512)" : storageType();
    }
}
