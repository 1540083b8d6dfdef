package dev.pipelines.cdc.emulator.sql;

/**
 * Column metadata of a result set, in MySQL protocol terms.
 *
 * @param mysqlType MySQL field type code (e.g. 8 = LONGLONG, 253 = VAR_STRING)
 * @param charset   collation id: 33 (utf8_general_ci) for text, 63 (binary) otherwise
 * @param flags     column flags (32 = UNSIGNED, 1 = NOT NULL, 128 = BINARY)
 */
public record ResultColumn(String name, int mysqlType, int charset, long length, int flags, int decimals) {

    public static final int TYPE_TINY = 1;
    public static final int TYPE_SHORT = 2;
    public static final int TYPE_LONG = 3;
    public static final int TYPE_FLOAT = 4;
    public static final int TYPE_DOUBLE = 5;
    public static final int TYPE_LONGLONG = 8;
    public static final int TYPE_DATE = 10;
    public static final int TYPE_TIME = 11;
    public static final int TYPE_DATETIME = 12;
    public static final int TYPE_NEWDECIMAL = 246;
    public static final int TYPE_BLOB = 252;
    public static final int TYPE_VAR_STRING = 253;

    public static final int UTF8 = 33;
    public static final int BINARY = 63;

    public static ResultColumn varchar(String name) {
        return new ResultColumn(name, TYPE_VAR_STRING, UTF8, 65535, 0, 0);
    }

    public static ResultColumn bigint(String name) {
        return new ResultColumn(name, TYPE_LONGLONG, BINARY, 20, 0, 0);
    }

    /** Display width 1: drivers read a TINY(1) as a boolean, as they read MariaDB's TINYINT(1). */
    public static ResultColumn bool(String name) {
        return new ResultColumn(name, TYPE_TINY, BINARY, 1, 0, 0);
    }

    public static ResultColumn decimal(String name, int precision, int scale) {
        return new ResultColumn(name, TYPE_NEWDECIMAL, BINARY, precision + 2L, 0, scale);
    }

    public static ResultColumn date(String name) {
        return new ResultColumn(name, TYPE_DATE, BINARY, 10, 128, 0);
    }

    public static ResultColumn datetime(String name) {
        return new ResultColumn(name, TYPE_DATETIME, BINARY, 26, 128, 6);
    }

    public static ResultColumn blob(String name) {
        return new ResultColumn(name, TYPE_BLOB, BINARY, 65535, 128, 0);
    }
}
