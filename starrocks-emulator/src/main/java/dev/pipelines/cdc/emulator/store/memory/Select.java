package dev.pipelines.cdc.emulator.store.memory;

import java.util.List;

/**
 * A parsed SELECT.
 *
 * @param database the FROM table's database as written, or null (the session's)
 * @param table    the FROM table, or null for a SELECT without FROM
 * @param where    null when absent
 * @param limit    -1 when absent
 */
record Select(boolean distinct, List<Item> items, String database, String table, Expr where, List<Order> orderBy,
              long limit, long offset) {

    /** A select-list entry: {@code *}, or an expression with its label (alias, or the text as written). */
    record Item(Expr expr, String label, boolean star) {
    }

    /** ORDER BY an expression, or a select-list position (1-based) when {@code position > 0}. */
    record Order(Expr expr, int position, boolean descending) {
    }
}
