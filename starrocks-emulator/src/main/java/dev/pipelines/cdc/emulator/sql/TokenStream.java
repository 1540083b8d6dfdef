package dev.pipelines.cdc.emulator.sql;

import java.util.List;

/** A cursor over tokens with the small vocabulary a recursive-descent parser needs. */
public final class TokenStream {

    private final List<Token> tokens;
    private int pos;

    public TokenStream(String sql) {
        this.tokens = Tokenizer.tokenize(sql);
    }

    public Token peek() {
        return tokens.get(pos);
    }

    public Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    public Token next() {
        Token t = tokens.get(pos);
        if (t.type() != Token.Type.END) {
            pos++;
        }
        return t;
    }

    public boolean atEnd() {
        return peek().type() == Token.Type.END || peek().isSymbol(";") && peek(1).type() == Token.Type.END;
    }

    public boolean acceptKeyword(String... words) {
        for (int i = 0; i < words.length; i++) {
            if (!peek(i).isKeyword(words[i])) {
                return false;
            }
        }
        pos += words.length;
        return true;
    }

    public void expectKeyword(String... words) {
        for (String word : words) {
            Token t = next();
            if (!t.isKeyword(word)) {
                throw unexpected(t, word);
            }
        }
    }

    public boolean acceptSymbol(String symbol) {
        if (peek().isSymbol(symbol)) {
            pos++;
            return true;
        }
        return false;
    }

    public void expectSymbol(String symbol) {
        Token t = next();
        if (!t.isSymbol(symbol)) {
            throw unexpected(t, "'" + symbol + "'");
        }
    }

    public String identifier(String what) {
        Token t = next();
        if (!t.isIdentifier()) {
            throw unexpected(t, what);
        }
        return t.text();
    }

    public String string(String what) {
        Token t = next();
        if (t.type() != Token.Type.STRING) {
            throw unexpected(t, what);
        }
        return t.text();
    }

    public int integer(String what) {
        Token t = next();
        if (t.type() != Token.Type.NUMBER || t.text().contains(".")) {
            throw unexpected(t, what);
        }
        try {
            return Integer.parseInt(t.text());
        } catch (NumberFormatException e) {
            throw unexpected(t, what);
        }
    }

    public void expectEnd() {
        acceptSymbol(";");
        if (peek().type() != Token.Type.END) {
            throw unexpected(peek(), "end of statement");
        }
    }

    public SqlError unexpected(Token t, String expected) {
        return SqlError.syntax("Unexpected input " + t.describe() + " at position " + t.position()
                + ", expecting " + expected);
    }
}
