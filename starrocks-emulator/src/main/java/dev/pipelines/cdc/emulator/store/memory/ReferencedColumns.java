package dev.pipelines.cdc.emulator.store.memory;

import java.util.Locale;
import java.util.Set;

/** The columns a SELECT names, so a scan decodes only those. */
final class ReferencedColumns {

    private ReferencedColumns() {
    }

    /** Column names a SELECT reads, for decoding only those; null means all (a star). */
    static Set<String> of(Select select) {
        Set<String> names = new java.util.HashSet<>();
        for (Select.Item item : select.items()) {
            if (item.star()) {
                return null;
            }
            collect(item.expr(), names);
        }
        collect(select.where(), names);
        select.orderBy().forEach(o -> collect(o.expr(), names));
        return names;
    }

    private static void collect(Expr e, Set<String> names) {
        if (e instanceof Expr.Column c) {
            names.add(c.name().toLowerCase(Locale.ROOT));
        } else if (e instanceof Expr.Unary u) {
            collect(u.operand(), names);
        } else if (e instanceof Expr.Binary b) {
            collect(b.left(), names);
            collect(b.right(), names);
        } else if (e instanceof Expr.In in) {
            collect(in.operand(), names);
            in.list().forEach(x -> collect(x, names));
        } else if (e instanceof Expr.IsNull n) {
            collect(n.operand(), names);
        } else if (e instanceof Expr.Call c) {
            c.args().forEach(x -> collect(x, names));
        } else if (e instanceof Expr.Cast c) {
            collect(c.operand(), names);
        }
    }
}
