package dev.pipelines.cdc.emulator.store.memory;

import dev.pipelines.cdc.emulator.catalog.StarRocksType;
import dev.pipelines.cdc.emulator.sql.QueryResult;
import dev.pipelines.cdc.emulator.sql.ResultColumn;
import dev.pipelines.cdc.emulator.sql.SqlError;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Runs a {@link Select} over a {@link QuerySource} with MariaDB's semantics for what the MariaDB store
 * holds: three-valued logic, numbers compared as numbers, text in code point order, NULLs first in
 * ascending order, SUM of integers as an exact decimal, DATETIME printed without an all-zero fraction.
 */
final class QueryEvaluator {

    private static final Pattern ALL_ZERO_FRACTION = Pattern.compile("\\.0+$");

    private final Select select;
    private final QuerySource source;
    private final List<Select.Item> items = new ArrayList<>();
    private final Map<Expr.Call, Object[]> aggregates = new IdentityHashMap<>();

    QueryEvaluator(Select select, QuerySource source) {
        this.select = select;
        this.source = source;
        for (Select.Item item : select.items()) {
            if (item.star()) {
                for (String name : source.names()) {
                    items.add(new Select.Item(new Expr.Column(name), name, false));
                }
            } else {
                items.add(item);
            }
        }
    }

    QueryResult.Table run() {
        ResultTypes types = new ResultTypes(source);
        List<ResultColumn> columns = items.stream().map(i -> types.column(i.label(), i.expr())).toList();
        List<String[]> rows = new ArrayList<>();
        for (String[] row : source.rows()) {
            if (select.where() == null || truth(eval(select.where(), row)) == Boolean.TRUE) {
                rows.add(row);
            }
        }
        boolean aggregate = items.stream().anyMatch(i -> Expr.containsAggregate(i.expr()));
        if (aggregate) {
            items.forEach(i -> accumulate(i.expr(), rows));
            String[] first = rows.isEmpty() ? new String[source.names().size()] : rows.get(0);
            return new QueryResult.Table(columns, List.of(project(first)));
        }
        if (!select.orderBy().isEmpty()) {
            rows.sort(ordering());
        }
        Set<List<String>> out = select.distinct() ? new LinkedHashSet<>() : null;
        List<List<String>> result = new ArrayList<>();
        long skip = select.offset();
        for (String[] row : rows) {
            List<String> projected = project(row);
            if (out != null && !out.add(projected)) {
                continue;
            }
            if (skip > 0) {
                skip--;
                continue;
            }
            if (select.limit() >= 0 && result.size() >= select.limit()) {
                break;
            }
            result.add(projected);
        }
        return new QueryResult.Table(columns, result);
    }

    private List<String> project(String[] row) {
        List<String> values = new ArrayList<>(items.size());
        for (Select.Item item : items) {
            values.add(text(item.expr(), row));
        }
        return values;
    }

    private Comparator<String[]> ordering() {
        Comparator<String[]> order = null;
        for (Select.Order o : select.orderBy()) {
            Expr e = o.position() > 0 ? itemAt(o.position()) : byAlias(o.expr());
            Comparator<String[]> c = (a, b) -> Values.compare(eval(e, a), eval(e, b));
            c = o.descending() ? c.reversed() : c;
            order = order == null ? c : order.thenComparing(c);
        }
        return order;
    }

    private Expr itemAt(int position) {
        if (position > items.size()) {
            throw new SqlError(1054, "42S22", "Unknown column '" + position + "' in 'order clause'");
        }
        return items.get(position - 1).expr();
    }

    private Expr byAlias(Expr e) {
        if (e instanceof Expr.Column c && source.indexOf(c.name()) < 0) {
            for (Select.Item item : items) {
                if (item.label().equalsIgnoreCase(c.name())) {
                    return item.expr();
                }
            }
        }
        return e;
    }

    // ---- values ------------------------------------------------------------------------------------

    private int columnIndex(String name) {
        int i = source.indexOf(name);
        if (i < 0) {
            throw new SqlError(1054, "42S22", "Unknown column '" + name + "' in 'field list'");
        }
        return i;
    }

    /** The text the client receives. */
    private String text(Expr e, String[] row) {
        if (e instanceof Expr.Column c) {
            int i = columnIndex(c.name());
            String v = row[i];
            return v != null && source.types().get(i).kind() == StarRocksType.Kind.DATETIME
                    ? ALL_ZERO_FRACTION.matcher(v).replaceFirst("") : v;
        }
        if (e instanceof Expr.Call call && (call.name().equals("MIN") || call.name().equals("MAX"))) {
            Object[] state = aggregates.get(call);
            return state == null ? null : (String) state[1];
        }
        return render(eval(e, row));
    }

    private static String render(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Double d) {
            return d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e15 ? String.valueOf(d.longValue())
                    : d.toString();
        }
        if (v instanceof java.time.LocalDateTime t) {
            return ALL_ZERO_FRACTION.matcher(t.format(Values.DATETIME)).replaceFirst("");
        }
        return v.toString();
    }

    private Object eval(Expr e, String[] row) {
        if (e instanceof Expr.Literal l) {
            return l.value();
        }
        if (e instanceof Expr.Column c) {
            int i = columnIndex(c.name());
            return Values.typed(row[i], source.types().get(i));
        }
        if (e instanceof Expr.Variable v) {
            return SessionVariables.value(v.name());
        }
        if (e instanceof Expr.Unary u) {
            Object x = eval(u.operand(), row);
            if (x == null) {
                return null;
            }
            return u.op().equals("NOT") ? bool(!truth(x)) : negate(x);
        }
        if (e instanceof Expr.Binary b) {
            return binary(b, row);
        }
        if (e instanceof Expr.In in) {
            Object x = eval(in.operand(), row);
            if (x == null) {
                return null;
            }
            boolean sawNull = false;
            for (Expr candidate : in.list()) {
                Object y = eval(candidate, row);
                if (y == null) {
                    sawNull = true;
                } else if (Values.compare(x, y) == 0) {
                    return bool(!in.negated());
                }
            }
            return sawNull ? null : bool(in.negated());
        }
        if (e instanceof Expr.IsNull n) {
            return bool((eval(n.operand(), row) == null) != n.negated());
        }
        if (e instanceof Expr.Cast c) {
            return cast(c, eval(c.operand(), row), row);
        }
        Expr.Call call = (Expr.Call) e;
        if (call.aggregate()) {
            Object[] state = aggregates.get(call);
            return state == null ? null : state[0];
        }
        return function(call, row);
    }

    private Object binary(Expr.Binary b, String[] row) {
        if (b.op().equals("AND") || b.op().equals("OR")) {
            Boolean l = truth(eval(b.left(), row));
            if (b.op().equals("AND") && l == Boolean.FALSE || b.op().equals("OR") && l == Boolean.TRUE) {
                return bool(l);
            }
            Boolean r = truth(eval(b.right(), row));
            if (l == null || r == null) {
                return b.op().equals("AND") && r == Boolean.FALSE ? bool(false)
                        : b.op().equals("OR") && r == Boolean.TRUE ? bool(true) : null;
            }
            return bool(r);
        }
        Object x = eval(b.left(), row);
        Object y = eval(b.right(), row);
        if (x == null || y == null) {
            return null;
        }
        return switch (b.op()) {
            case "=" -> bool(Values.compare(x, y) == 0);
            case "<>" -> bool(Values.compare(x, y) != 0);
            case "<" -> bool(Values.compare(x, y) < 0);
            case "<=" -> bool(Values.compare(x, y) <= 0);
            case ">" -> bool(Values.compare(x, y) > 0);
            case ">=" -> bool(Values.compare(x, y) >= 0);
            case "LIKE" -> bool(SessionVariables.like(render(x), render(y)));
            default -> arithmetic(b.op(), x, y);
        };
    }

    private static Object arithmetic(String op, Object x, Object y) {
        if (x instanceof Long a && y instanceof Long c && !op.equals("/")) {
            return switch (op) {
                case "+" -> Math.addExact(a, c);
                case "-" -> Math.subtractExact(a, c);
                case "*" -> Math.multiplyExact(a, c);
                default -> c == 0 ? null : a % c;
            };
        }
        BigDecimal a = Values.decimal(x);
        BigDecimal c = Values.decimal(y);
        return switch (op) {
            case "+" -> a.add(c);
            case "-" -> a.subtract(c);
            case "*" -> a.multiply(c);
            // MariaDB's div_precision_increment: 4 more digits than the dividend's scale.
            case "/" -> c.signum() == 0 ? null : a.divide(c, Math.max(0, a.scale()) + 4, RoundingMode.HALF_UP);
            default -> c.signum() == 0 ? null : a.remainder(c);
        };
    }

    private static Object negate(Object x) {
        return x instanceof Long l ? -l : Values.decimal(x).negate();
    }

    private Object function(Expr.Call call, String[] row) {
        List<Expr> args = call.args();
        switch (call.name()) {
            case "COALESCE", "IFNULL" -> {
                for (Expr arg : args) {
                    Object v = eval(arg, row);
                    if (v != null) {
                        return v;
                    }
                }
                return null;
            }
            case "CHAR_LENGTH", "LENGTH", "LOWER", "UPPER" -> {
                arity(call, 1);
                String s = text(args.get(0), row);
                if (s == null) {
                    return null;
                }
                return switch (call.name()) {
                    case "CHAR_LENGTH" -> (long) s.codePointCount(0, s.length());
                    case "LENGTH" -> (long) s.getBytes(StandardCharsets.UTF_8).length;
                    case "LOWER" -> s.toLowerCase(Locale.ROOT);
                    default -> s.toUpperCase(Locale.ROOT);
                };
            }
            case "CONCAT" -> {
                StringBuilder out = new StringBuilder();
                for (Expr arg : args) {
                    String s = text(arg, row);
                    if (s == null) {
                        return null;
                    }
                    out.append(s);
                }
                return out.toString();
            }
            case "DATABASE", "SCHEMA" -> {
                return null;
            }
            default -> throw new SqlError(1305, "42000", "FUNCTION " + call.name().toLowerCase(Locale.ROOT)
                    + " does not exist in the emulator's memory store (it has COUNT, SUM, MIN, MAX, AVG, COALESCE,"
                    + " IFNULL, CHAR_LENGTH, LENGTH, LOWER, UPPER, CONCAT, CAST)");
        }
    }

    private static void arity(Expr.Call call, int n) {
        if (call.args().size() != n) {
            throw new SqlError(1582, "42000", "Incorrect parameter count in the call to native function '"
                    + call.name().toLowerCase(Locale.ROOT) + "'");
        }
    }

    private Object cast(Expr.Cast c, Object v, String[] row) {
        if (v == null) {
            return null;
        }
        return switch (c.type()) {
            case "CHAR", "VARCHAR" -> text(c.operand(), row);
            case "SIGNED", "UNSIGNED" -> Values.decimal(v).setScale(0, v instanceof String ? RoundingMode.DOWN
                    : RoundingMode.HALF_UP).longValue();
            case "DECIMAL" -> Values.decimal(v).setScale(c.scale(), RoundingMode.HALF_UP);
            default -> text(c.operand(), row);
        };
    }

    // ---- aggregates --------------------------------------------------------------------------------

    /** Computes every aggregate under {@code e} over the rows, once: [value, text for MIN/MAX]. */
    private void accumulate(Expr e, List<String[]> rows) {
        if (e instanceof Expr.Call call && call.aggregate()) {
            aggregates.put(call, aggregate(call, rows));
            return;
        }
        if (e instanceof Expr.Call call) {
            call.args().forEach(a -> accumulate(a, rows));
        } else if (e instanceof Expr.Unary u) {
            accumulate(u.operand(), rows);
        } else if (e instanceof Expr.Binary b) {
            accumulate(b.left(), rows);
            accumulate(b.right(), rows);
        } else if (e instanceof Expr.Cast c) {
            accumulate(c.operand(), rows);
        } else if (e instanceof Expr.IsNull n) {
            accumulate(n.operand(), rows);
        }
    }

    private Object[] aggregate(Expr.Call call, List<String[]> rows) {
        if (call.star()) {
            return new Object[] {(long) rows.size(), null};
        }
        arity(call, 1);
        Expr arg = call.args().get(0);
        Set<Object> distinct = call.distinct() ? new TreeSet<>(Values::compare) : null;
        long count = 0;
        BigDecimal sum = BigDecimal.ZERO;
        Object best = null;
        String bestText = null;
        for (String[] row : rows) {
            Object v = eval(arg, row);
            if (v == null || distinct != null && !distinct.add(v)) {
                continue;
            }
            count++;
            switch (call.name()) {
                case "SUM", "AVG" -> sum = sum.add(Values.decimal(v));
                case "MIN", "MAX" -> {
                    int c = best == null ? 0 : Values.compare(v, best);
                    if (best == null || (call.name().equals("MIN") ? c < 0 : c > 0)) {
                        best = v;
                        bestText = text(arg, row);
                    }
                }
                default -> {
                }
            }
        }
        return switch (call.name()) {
            case "COUNT" -> new Object[] {count, null};
            case "SUM" -> new Object[] {count == 0 ? null : floating(arg) ? (Object) sum.doubleValue() : sum, null};
            case "AVG" -> new Object[] {count == 0 ? null : sum.divide(BigDecimal.valueOf(count),
                    Math.max(0, sum.scale()) + 4, RoundingMode.HALF_UP), null};
            default -> new Object[] {best, bestText};
        };
    }

    /** FLOAT/DOUBLE columns are text in both stores; MariaDB sums text as DOUBLE. */
    boolean floating(Expr arg) {
        if (arg instanceof Expr.Column c) {
            StarRocksType.Kind kind = source.types().get(columnIndex(c.name())).kind();
            return kind != StarRocksType.Kind.BOOLEAN && kind != StarRocksType.Kind.TINYINT
                    && kind != StarRocksType.Kind.SMALLINT && kind != StarRocksType.Kind.INT
                    && kind != StarRocksType.Kind.BIGINT && kind != StarRocksType.Kind.LARGEINT
                    && kind != StarRocksType.Kind.DECIMAL;
        }
        return false;
    }

    private static Boolean truth(Object v) {
        if (v == null) {
            return null;
        }
        return Values.decimal(v).signum() != 0;
    }

    private static Long bool(boolean b) {
        return b ? 1L : 0L;
    }
}
