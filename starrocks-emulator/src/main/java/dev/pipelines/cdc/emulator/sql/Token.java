package dev.pipelines.cdc.emulator.sql;

import java.util.Locale;

/** One lexical token of a SQL statement. */
public record Token(Type type, String text, int position) {

    public enum Type { WORD, QUOTED_IDENT, STRING, NUMBER, SYMBOL, END }

    /** True for an unquoted word equal (ignoring case) to the keyword. */
    public boolean isKeyword(String keyword) {
        return type == Type.WORD && text.equalsIgnoreCase(keyword);
    }

    public boolean isSymbol(String symbol) {
        return type == Type.SYMBOL && text.equals(symbol);
    }

    public boolean isIdentifier() {
        return type == Type.WORD || type == Type.QUOTED_IDENT;
    }

    public String upper() {
        return text.toUpperCase(Locale.ROOT);
    }

    public String describe() {
        return type == Type.END ? "end of statement" : "'" + text + "'";
    }
}
