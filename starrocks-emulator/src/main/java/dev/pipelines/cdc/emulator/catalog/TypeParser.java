package dev.pipelines.cdc.emulator.catalog;

import dev.pipelines.cdc.emulator.sql.SqlError;
import dev.pipelines.cdc.emulator.sql.Token;
import dev.pipelines.cdc.emulator.sql.TokenStream;

/** Parses the StarRocks column types the emulator accepts; anything else is a StarRocks-like error. */
public final class TypeParser {

    private TypeParser() {
    }

    public static StarRocksType parse(String text) {
        TokenStream tokens = new TokenStream(text);
        StarRocksType type = parse(tokens);
        tokens.expectEnd();
        return type;
    }

    public static StarRocksType parse(TokenStream tokens) {
        Token t = tokens.next();
        if (t.type() != Token.Type.WORD) {
            throw tokens.unexpected(t, "a column type");
        }
        String name = t.upper();
        return switch (name) {
            case "BOOLEAN", "BOOL" -> StarRocksType.of(StarRocksType.Kind.BOOLEAN);
            case "TINYINT" -> integer(tokens, StarRocksType.Kind.TINYINT);
            case "SMALLINT" -> integer(tokens, StarRocksType.Kind.SMALLINT);
            case "INT", "INTEGER" -> integer(tokens, StarRocksType.Kind.INT);
            case "BIGINT" -> integer(tokens, StarRocksType.Kind.BIGINT);
            case "LARGEINT" -> integer(tokens, StarRocksType.Kind.LARGEINT);
            case "FLOAT" -> StarRocksType.of(StarRocksType.Kind.FLOAT);
            case "DOUBLE" -> StarRocksType.of(StarRocksType.Kind.DOUBLE);
            case "DECIMAL", "DECIMALV3", "DECIMAL32", "DECIMAL64", "DECIMAL128", "NUMERIC" -> decimal(tokens);
            case "DATE" -> StarRocksType.of(StarRocksType.Kind.DATE);
            case "DATETIME" -> StarRocksType.of(StarRocksType.Kind.DATETIME);
            case "CHAR" -> sized(tokens, StarRocksType.Kind.CHAR, 1, StarRocksType.MAX_CHAR);
            case "VARCHAR" -> sized(tokens, StarRocksType.Kind.VARCHAR, 1, StarRocksType.MAX_VARCHAR);
            case "STRING" -> StarRocksType.of(StarRocksType.Kind.STRING);
            case "JSON" -> StarRocksType.of(StarRocksType.Kind.JSON);
            case "VARBINARY", "BINARY" -> sized(tokens, StarRocksType.Kind.VARBINARY, StarRocksType.MAX_VARCHAR,
                    StarRocksType.MAX_VARCHAR);
            case "ARRAY" -> array(tokens);
            default -> throw SqlError.syntax("Unsupported type '" + t.text() + "'"
                    + " (the emulator accepts BOOLEAN, TINYINT..LARGEINT, FLOAT, DOUBLE, DECIMAL(p,s), DATE, DATETIME,"
                    + " CHAR, VARCHAR(n), STRING, JSON, VARBINARY, ARRAY<...>)");
        };
    }

    private static StarRocksType integer(TokenStream tokens, StarRocksType.Kind kind) {
        // Display widths such as INT(11) are accepted and ignored, as in StarRocks.
        if (tokens.acceptSymbol("(")) {
            tokens.integer("display width");
            tokens.expectSymbol(")");
        }
        return StarRocksType.of(kind);
    }

    private static StarRocksType decimal(TokenStream tokens) {
        int precision = 10;
        int scale = 0;
        if (tokens.acceptSymbol("(")) {
            precision = tokens.integer("precision");
            if (tokens.acceptSymbol(",")) {
                scale = tokens.integer("scale");
            }
            tokens.expectSymbol(")");
        }
        if (precision < 1 || precision > StarRocksType.MAX_DECIMAL_PRECISION) {
            throw SqlError.analysis("DECIMAL's precision should range from 1 to 38, but got " + precision);
        }
        if (scale < 0 || scale > precision) {
            throw SqlError.analysis("DECIMAL's scale should be no more than precision, but got "
                    + precision + "," + scale);
        }
        return StarRocksType.decimal(precision, scale);
    }

    private static StarRocksType sized(TokenStream tokens, StarRocksType.Kind kind, int defaultLength, int max) {
        int length = defaultLength;
        if (tokens.acceptSymbol("(")) {
            length = tokens.integer("length");
            tokens.expectSymbol(")");
        }
        if (length < 1 || length > max) {
            throw SqlError.analysis(kind + " size must be between 1 and " + max + ", but got " + length);
        }
        return StarRocksType.sized(kind, length);
    }

    private static StarRocksType array(TokenStream tokens) {
        tokens.expectSymbol("<");
        StarRocksType element = parse(tokens);
        tokens.expectSymbol(">");
        return StarRocksType.array(element);
    }
}
