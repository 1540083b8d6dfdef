package dev.pipelines.cdc.emulator.store.memory;

import java.util.List;

/** An expression of the small SELECT dialect the memory store answers (see {@link SelectParser}). */
sealed interface Expr {

    /** A number (Long or BigDecimal), a string, or null. */
    record Literal(Object value) implements Expr {
    }

    /** A column of the FROM table; {@code name} is matched without case. */
    record Column(String name) implements Expr {
    }

    /** {@code @@name}, {@code @@session.name}, {@code @@global.name}. */
    record Variable(String name) implements Expr {
    }

    /** NOT, unary minus. */
    record Unary(String op, Expr operand) implements Expr {
    }

    /** Comparison, AND/OR, arithmetic, LIKE. */
    record Binary(String op, Expr left, Expr right) implements Expr {
    }

    record In(Expr operand, List<Expr> list, boolean negated) implements Expr {
    }

    record IsNull(Expr operand, boolean negated) implements Expr {
    }

    /** A function call; {@code star} for COUNT(*), {@code distinct} for COUNT(DISTINCT x). */
    record Call(String name, List<Expr> args, boolean distinct, boolean star) implements Expr {
        boolean aggregate() {
            return switch (name) {
                case "COUNT", "SUM", "MIN", "MAX", "AVG" -> true;
                default -> false;
            };
        }
    }

    /** {@code CAST(x AS CHAR|SIGNED|UNSIGNED|DECIMAL(p,s)|DATE|DATETIME)}; {@code scale} for DECIMAL. */
    record Cast(Expr operand, String type, int scale) implements Expr {
    }

    static boolean containsAggregate(Expr e) {
        if (e instanceof Call c) {
            return c.aggregate() || c.args().stream().anyMatch(Expr::containsAggregate);
        }
        if (e instanceof Unary u) {
            return containsAggregate(u.operand());
        }
        if (e instanceof Binary b) {
            return containsAggregate(b.left()) || containsAggregate(b.right());
        }
        if (e instanceof In in) {
            return containsAggregate(in.operand()) || in.list().stream().anyMatch(Expr::containsAggregate);
        }
        if (e instanceof IsNull n) {
            return containsAggregate(n.operand());
        }
        if (e instanceof Cast c) {
            return containsAggregate(c.operand());
        }
        return false;
    }
}
