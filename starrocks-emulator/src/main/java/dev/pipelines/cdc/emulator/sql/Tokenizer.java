package dev.pipelines.cdc.emulator.sql;

import java.util.ArrayList;
import java.util.List;

/** Splits a statement into tokens; comments are dropped, quotes are resolved. */
public final class Tokenizer {

    private Tokenizer() {
    }

    public static List<Token> tokenize(String sql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-' || c == '#') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '`') {
                int end = sql.indexOf('`', i + 1);
                if (end < 0) {
                    throw SqlError.syntax("unclosed quoted identifier at position " + i);
                }
                tokens.add(new Token(Token.Type.QUOTED_IDENT, sql.substring(i + 1, end), i));
                i = end + 1;
            } else if (c == '\'' || c == '"') {
                StringBuilder text = new StringBuilder();
                int j = i + 1;
                while (true) {
                    if (j >= n) {
                        throw SqlError.syntax("unclosed string literal at position " + i);
                    }
                    char d = sql.charAt(j);
                    if (d == '\\' && j + 1 < n) {
                        text.append(unescape(sql.charAt(j + 1)));
                        j += 2;
                    } else if (d == c && j + 1 < n && sql.charAt(j + 1) == c) {
                        text.append(c);
                        j += 2;
                    } else if (d == c) {
                        break;
                    } else {
                        text.append(d);
                        j++;
                    }
                }
                tokens.add(new Token(Token.Type.STRING, text.toString(), i));
                i = j + 1;
            } else if (Character.isDigit(c)) {
                int j = i;
                while (j < n && (Character.isDigit(sql.charAt(j)) || sql.charAt(j) == '.')) {
                    j++;
                }
                tokens.add(new Token(Token.Type.NUMBER, sql.substring(i, j), i));
                i = j;
            } else if (Character.isLetter(c) || c == '_' || c == '$' || c == '@') {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || "_$@".indexOf(sql.charAt(j)) >= 0)) {
                    j++;
                }
                tokens.add(new Token(Token.Type.WORD, sql.substring(i, j), i));
                i = j;
            } else {
                String two = i + 1 < n ? sql.substring(i, i + 2) : "";
                if (two.equals("<=") || two.equals(">=") || two.equals("!=") || two.equals("<>")) {
                    tokens.add(new Token(Token.Type.SYMBOL, two, i));
                    i += 2;
                } else {
                    tokens.add(new Token(Token.Type.SYMBOL, String.valueOf(c), i));
                    i++;
                }
            }
        }
        tokens.add(new Token(Token.Type.END, "", n));
        return tokens;
    }

    private static char unescape(char c) {
        return switch (c) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case '0' -> '\0';
            default -> c;
        };
    }
}
