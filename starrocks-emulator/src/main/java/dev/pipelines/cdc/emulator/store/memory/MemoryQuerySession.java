package dev.pipelines.cdc.emulator.store.memory;

import dev.pipelines.cdc.emulator.catalog.TableDef;
import dev.pipelines.cdc.emulator.sql.QueryResult;
import dev.pipelines.cdc.emulator.sql.SqlError;
import dev.pipelines.cdc.emulator.store.QuerySession;

import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * A client's queries over the memory store: single-table SELECTs (see {@link SelectParser}) over user
 * tables and information_schema, the variables drivers read, SET and transaction statements (accepted;
 * every load is already atomic).
 */
final class MemoryQuerySession implements QuerySession {

    private final MemoryStore store;
    private String database;

    MemoryQuerySession(MemoryStore store) {
        this.store = store;
    }

    @Override
    public QueryResult query(String sql) {
        String first = sql.trim().split("[\\s(]+", 2)[0].toUpperCase(Locale.ROOT);
        if (!first.equals("SELECT")) {
            throw SqlError.analysis("The emulator's memory store answers SELECT, not " + first
                    + "; run the emulator with -Dstarrocks.emulator.store=mariadb for it");
        }
        Select select = SelectParser.parse(sql);
        QuerySource source = select.table() == null ? QuerySource.none()
                : QuerySource.of(store, select.database() != null ? select.database() : database, select.table(),
                wanted(ReferencedColumns.of(select)));
        return new QueryEvaluator(select, source).run();
    }

    /** Decode only the columns the query names (all for a star). */
    private static Function<TableDef, boolean[]> wanted(Set<String> names) {
        return table -> {
            boolean[] wanted = new boolean[table.columns().size()];
            for (int i = 0; i < wanted.length; i++) {
                wanted[i] = names == null || names.contains(table.columns().get(i).name().toLowerCase(Locale.ROOT));
            }
            return wanted;
        };
    }

    @Override
    public QueryResult sessionStatement(String sql) {
        return SessionVariables.statement(sql);
    }

    @Override
    public void use(String db) {
        this.database = db;
    }

    @Override
    public void close() {
        // Nothing held per session.
    }
}
