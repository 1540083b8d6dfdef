package dev.pipelines.cdc.emulator.store.memory;

import dev.pipelines.cdc.emulator.sql.SqlError;
import dev.pipelines.cdc.emulator.sql.Token;
import dev.pipelines.cdc.emulator.sql.TokenStream;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses the SELECTs that tests, benchmarks and drivers send: one table (or none), a WHERE of
 * comparisons, IN, LIKE, IS NULL, AND/OR/NOT, aggregates without GROUP BY, ORDER BY and LIMIT. Joins,
 * GROUP BY, subqueries and UNION are refused with an error that says so.
 */
final class SelectParser {

    private static final Set<String> CLAUSE_WORDS = Set.of("FROM", "WHERE", "ORDER", "LIMIT", "GROUP", "HAVING",
            "UNION", "AS", "AND", "OR", "NOT", "IS", "IN", "LIKE", "BETWEEN", "ASC", "DESC", "OFFSET", "FOR", "JOIN",
            "LEFT", "RIGHT", "INNER", "CROSS", "ON", "INTO");

    private final String sql;
    private final TokenStream in;

    private SelectParser(String sql) {
        this.sql = sql;
        this.in = new TokenStream(sql);
    }

    static Select parse(String sql) {
        return new SelectParser(sql).select();
    }

    private Select select() {
        in.expectKeyword("SELECT");
        boolean distinct = in.acceptKeyword("DISTINCT");
        List<Select.Item> items = new ArrayList<>();
        do {
            items.add(item());
        } while (in.acceptSymbol(","));
        String database = null;
        String table = null;
        if (in.acceptKeyword("FROM")) {
            String first = in.identifier("a table name");
            if (in.acceptSymbol(".")) {
                database = first;
                table = in.identifier("a table name");
            } else if (!first.equalsIgnoreCase("DUAL")) {
                table = first;
            }
            if (in.acceptKeyword("AS") || in.peek().isIdentifier() && !clauseWord(in.peek())) {
                in.identifier("a table alias");
            }
            if (in.peek().isSymbol(",") || in.peek().isKeyword("JOIN") || in.peek().isKeyword("LEFT")
                    || in.peek().isKeyword("INNER") || in.peek().isKeyword("CROSS")) {
                throw unsupported("joins");
            }
        }
        Expr where = in.acceptKeyword("WHERE") ? expr() : null;
        if (in.peek().isKeyword("GROUP") || in.peek().isKeyword("HAVING")) {
            throw unsupported("GROUP BY");
        }
        List<Select.Order> order = new ArrayList<>();
        if (in.acceptKeyword("ORDER", "BY")) {
            do {
                Token t = in.peek();
                Expr e = expr();
                int position = t.type() == Token.Type.NUMBER && e instanceof Expr.Literal l && l.value() instanceof Long n
                        ? n.intValue() : 0;
                boolean descending = in.acceptKeyword("DESC");
                if (!descending) {
                    in.acceptKeyword("ASC");
                }
                order.add(new Select.Order(e, position, descending));
            } while (in.acceptSymbol(","));
        }
        long limit = -1;
        long offset = 0;
        if (in.acceptKeyword("LIMIT")) {
            limit = in.integer("a row count");
            if (in.acceptSymbol(",")) {
                offset = limit;
                limit = in.integer("a row count");
            } else if (in.acceptKeyword("OFFSET")) {
                offset = in.integer("an offset");
            }
        }
        if (in.peek().isKeyword("UNION")) {
            throw unsupported("UNION");
        }
        in.acceptKeyword("FOR", "UPDATE");
        in.expectEnd();
        return new Select(distinct, items, database, table, where, order, limit, offset);
    }

    private Select.Item item() {
        if (in.acceptSymbol("*")) {
            return new Select.Item(null, null, true);
        }
        if (in.peek().isIdentifier() && in.peek(1).isSymbol(".") && in.peek(2).isSymbol("*")) {
            in.next();
            in.next();
            in.next();
            return new Select.Item(null, null, true);
        }
        int start = in.peek().position();
        Expr e = expr();
        String label = e instanceof Expr.Column c ? c.name() : sql.substring(start, in.peek().position()).trim();
        if (in.acceptKeyword("AS")) {
            label = aliasToken().text();
        } else if ((in.peek().isIdentifier() && !clauseWord(in.peek())) || in.peek().type() == Token.Type.STRING) {
            label = aliasToken().text();
        }
        return new Select.Item(e, label, false);
    }

    private Token aliasToken() {
        Token t = in.next();
        if (!t.isIdentifier() && t.type() != Token.Type.STRING) {
            throw in.unexpected(t, "an alias");
        }
        return t;
    }

    private static boolean clauseWord(Token t) {
        return t.type() == Token.Type.WORD && CLAUSE_WORDS.contains(t.upper());
    }

    private Expr expr() {
        Expr left = and();
        while (in.acceptKeyword("OR") || in.acceptSymbol("||")) {
            left = new Expr.Binary("OR", left, and());
        }
        return left;
    }

    private Expr and() {
        Expr left = not();
        while (in.acceptKeyword("AND") || in.peek().isSymbol("&") && in.peek(1).isSymbol("&") && skip(2)) {
            left = new Expr.Binary("AND", left, not());
        }
        return left;
    }

    private boolean skip(int tokens) {
        for (int i = 0; i < tokens; i++) {
            in.next();
        }
        return true;
    }

    private Expr not() {
        if (in.acceptKeyword("NOT") || in.acceptSymbol("!")) {
            return new Expr.Unary("NOT", not());
        }
        return comparison();
    }

    private Expr comparison() {
        Expr left = additive();
        while (true) {
            Token t = in.peek();
            if (t.type() == Token.Type.SYMBOL && Set.of("=", "<>", "!=", "<", "<=", ">", ">=").contains(t.text())) {
                in.next();
                if (t.text().equals("<") && in.peek().isSymbol("=") && in.peek(1).isSymbol(">")) {
                    throw unsupported("<=>");
                }
                left = new Expr.Binary(t.text().equals("!=") ? "<>" : t.text(), left, additive());
            } else if (in.acceptKeyword("IS")) {
                boolean negated = in.acceptKeyword("NOT");
                in.expectKeyword("NULL");
                left = new Expr.IsNull(left, negated);
            } else if (in.peek().isKeyword("NOT") && (in.peek(1).isKeyword("IN") || in.peek(1).isKeyword("LIKE")
                    || in.peek(1).isKeyword("BETWEEN"))) {
                in.next();
                left = new Expr.Unary("NOT", suffix(left));
            } else if (t.isKeyword("IN") || t.isKeyword("LIKE") || t.isKeyword("BETWEEN")) {
                left = suffix(left);
            } else {
                return left;
            }
        }
    }

    private Expr suffix(Expr left) {
        if (in.acceptKeyword("IN")) {
            in.expectSymbol("(");
            if (in.peek().isKeyword("SELECT")) {
                throw unsupported("subqueries");
            }
            List<Expr> list = new ArrayList<>();
            do {
                list.add(expr());
            } while (in.acceptSymbol(","));
            in.expectSymbol(")");
            return new Expr.In(left, list, false);
        }
        if (in.acceptKeyword("LIKE")) {
            return new Expr.Binary("LIKE", left, additive());
        }
        in.expectKeyword("BETWEEN");
        Expr low = additive();
        in.expectKeyword("AND");
        Expr high = additive();
        return new Expr.Binary("AND", new Expr.Binary(">=", left, low), new Expr.Binary("<=", left, high));
    }

    private Expr additive() {
        Expr left = multiplicative();
        while (in.peek().isSymbol("+") || in.peek().isSymbol("-")) {
            left = new Expr.Binary(in.next().text(), left, multiplicative());
        }
        return left;
    }

    private Expr multiplicative() {
        Expr left = unary();
        while (in.peek().isSymbol("*") || in.peek().isSymbol("/") || in.peek().isSymbol("%")) {
            left = new Expr.Binary(in.next().text(), left, unary());
        }
        return left;
    }

    private Expr unary() {
        if (in.acceptSymbol("-")) {
            return new Expr.Unary("-", unary());
        }
        in.acceptSymbol("+");
        return primary();
    }

    private Expr primary() {
        Token t = in.next();
        switch (t.type()) {
            case NUMBER -> {
                return new Expr.Literal(number(t.text()));
            }
            case STRING -> {
                return new Expr.Literal(t.text());
            }
            case SYMBOL -> {
                if (t.isSymbol("(")) {
                    if (in.peek().isKeyword("SELECT")) {
                        throw unsupported("subqueries");
                    }
                    Expr e = expr();
                    in.expectSymbol(")");
                    return e;
                }
                throw in.unexpected(t, "an expression");
            }
            case WORD, QUOTED_IDENT -> {
                return word(t);
            }
            default -> throw in.unexpected(t, "an expression");
        }
    }

    private Expr word(Token t) {
        if (t.type() == Token.Type.WORD) {
            String upper = t.upper();
            if (upper.startsWith("@@")) {
                String name = t.text().substring(2);
                if (Set.of("session", "global", "local").contains(name.toLowerCase(Locale.ROOT)) && in.acceptSymbol(".")) {
                    name = in.identifier("a variable name");
                }
                return new Expr.Variable(name.toLowerCase(Locale.ROOT));
            }
            if (upper.startsWith("@")) {
                throw unsupported("user variables");
            }
            switch (upper) {
                case "NULL" -> {
                    return new Expr.Literal(null);
                }
                case "TRUE" -> {
                    return new Expr.Literal(1L);
                }
                case "FALSE" -> {
                    return new Expr.Literal(0L);
                }
                case "CAST" -> {
                    return cast();
                }
                default -> {
                }
            }
            if (in.peek().isSymbol("(")) {
                return call(upper);
            }
        }
        String name = t.text();
        while (in.acceptSymbol(".")) {
            name = in.identifier("a column name");
        }
        return new Expr.Column(name);
    }

    private Expr call(String name) {
        in.expectSymbol("(");
        String fn = name.equals("CHARACTER_LENGTH") ? "CHAR_LENGTH" : name;
        if (in.acceptSymbol("*")) {
            in.expectSymbol(")");
            return new Expr.Call(fn, List.of(), false, true);
        }
        boolean distinct = in.acceptKeyword("DISTINCT");
        List<Expr> args = new ArrayList<>();
        if (!in.peek().isSymbol(")")) {
            do {
                args.add(expr());
            } while (in.acceptSymbol(","));
        }
        in.expectSymbol(")");
        return new Expr.Call(fn, args, distinct, false);
    }

    private Expr cast() {
        in.expectSymbol("(");
        Expr operand = expr();
        in.expectKeyword("AS");
        String type = in.identifier("a type").toUpperCase(Locale.ROOT);
        int scale = 0;
        if (in.acceptSymbol("(")) {
            in.integer("a length");
            if (in.acceptSymbol(",")) {
                scale = in.integer("a scale");
            }
            in.expectSymbol(")");
        }
        if (type.equals("UNSIGNED") || type.equals("SIGNED")) {
            in.acceptKeyword("INTEGER");
            in.acceptKeyword("INT");
        }
        if (in.acceptKeyword("CHARACTER", "SET") || in.acceptKeyword("CHARSET")) {
            in.identifier("a character set");
        }
        in.expectSymbol(")");
        return switch (type) {
            case "CHAR", "VARCHAR", "SIGNED", "UNSIGNED", "DECIMAL", "DATE", "DATETIME" ->
                    new Expr.Cast(operand, type, scale);
            default -> throw unsupported("CAST AS " + type);
        };
    }

    private static Object number(String text) {
        if (text.contains(".")) {
            return new BigDecimal(text);
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return new BigDecimal(text);
        }
    }

    private static SqlError unsupported(String what) {
        return SqlError.analysis("The emulator's memory store does not answer " + what
                + " (it answers single-table SELECTs: WHERE, aggregates without GROUP BY, ORDER BY, LIMIT);"
                + " run the emulator with -Dstarrocks.emulator.store=mariadb for other queries");
    }
}
