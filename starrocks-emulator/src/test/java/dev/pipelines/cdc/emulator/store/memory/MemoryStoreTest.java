package dev.pipelines.cdc.emulator.store.memory;

import dev.pipelines.cdc.emulator.catalog.ColumnDef;
import dev.pipelines.cdc.emulator.catalog.StarRocksType;
import dev.pipelines.cdc.emulator.catalog.TableDef;
import dev.pipelines.cdc.emulator.load.LoadBatch;
import dev.pipelines.cdc.emulator.load.RowChange;
import dev.pipelines.cdc.emulator.sql.QueryResult;
import dev.pipelines.cdc.emulator.sql.SqlError;
import dev.pipelines.cdc.emulator.store.QuerySession;
import dev.pipelines.cdc.emulator.store.StoreFullException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The memory store without servers: upsert/delete/partial semantics, the bound, and the SELECT engine's rules. */
class MemoryStoreTest {

    private static final TableDef TABLE = new TableDef("db", "t", List.of(
            new ColumnDef("id", StarRocksType.of(StarRocksType.Kind.BIGINT), false, null, ""),
            new ColumnDef("v", StarRocksType.of(StarRocksType.Kind.INT), true, null, ""),
            new ColumnDef("d", StarRocksType.decimal(10, 2), true, null, ""),
            new ColumnDef("s", StarRocksType.sized(StarRocksType.Kind.VARCHAR, 20), true, "dflt", "")),
            List.of("id"), List.of(), 0, Map.of(), "");

    private static RowChange upsert(String id, String v, String d, String s) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("id", id);
        values.put("v", v);
        values.put("d", d);
        values.put("s", s);
        return new RowChange(RowChange.Op.UPSERT, values, values.keySet());
    }

    private static LoadBatch batch(RowChange... changes) {
        return new LoadBatch(List.of(changes), false, changes.length, 0, 0, List.of());
    }

    private static MemoryStore loaded() throws Exception {
        MemoryStore store = new MemoryStore(1 << 20);
        store.saveDatabase("db");
        store.saveTable(TABLE);
        store.createTable(TABLE);
        store.apply(TABLE, List.of(batch(upsert("3", "30", "1.50", "c"), upsert("1", null, "2.25", "a"),
                upsert("2", "20", null, "b"), upsert("4", "20", "-1.00", null))));
        return store;
    }

    private static List<String> rows(MemoryStore store, String sql) {
        try (QuerySession session = store.openSession()) {
            session.use("db");
            QueryResult.Table table = (QueryResult.Table) session.query(sql);
            List<String> out = new ArrayList<>();
            table.rows().forEach(r -> out.add(String.join(",", r.stream().map(String::valueOf).toList())));
            return out;
        }
    }

    @Test
    void upsertsDeletesAndPartialUpdatesApplyInOrder() throws Exception {
        MemoryStore store = loaded();
        Map<String, String> partial = new LinkedHashMap<>(Map.of("id", "3", "v", "31", "s", "dflt"));
        store.apply(TABLE, List.of(batch(
                new RowChange(RowChange.Op.DELETE, Map.of("id", "1"), Set.of("id")),
                new RowChange(RowChange.Op.UPSERT, partial, Set.of("id", "v")),
                upsert("1", "10", "0.10", "again"))));
        assertThat(rows(store, "SELECT * FROM t")).containsExactly("1,10,0.10,again", "2,20,null,b", "3,31,1.50,c",
                "4,20,-1.00,null");
    }

    @Test
    void queriesFollowMariaDbsRules() throws Exception {
        MemoryStore store = loaded();
        assertThat(rows(store, "SELECT id FROM db.t ORDER BY v, id DESC")).as("NULL first, then by value")
                .containsExactly("1", "4", "2", "3");
        assertThat(rows(store, "SELECT count(*), count(v), count(DISTINCT v), sum(d), sum(v), min(s), max(d) FROM t"))
                .containsExactly("4,3,2,2.75,70,a,2.25");
        assertThat(rows(store, "SELECT coalesce(sum(id), 0), sum(char_length(s)) FROM t WHERE id > 100"))
                .containsExactly("0,null");
        assertThat(rows(store, "SELECT id FROM t WHERE v IN (20, NULL) OR s LIKE 'a%'")).containsExactly("1", "2", "4");
        assertThat(rows(store, "SELECT id FROM t WHERE NOT (v IN (30, NULL))")).as("NULL in a NOT IN is unknown")
                .isEmpty();
        assertThat(rows(store, "SELECT id AS k FROM t ORDER BY k DESC LIMIT 1, 2")).containsExactly("3", "2");
        assertThat(rows(store, "SELECT DISTINCT v FROM t WHERE v BETWEEN 10 AND 25")).containsExactly("20");
        assertThat(rows(store, "SELECT 1, @@max_allowed_packet")).containsExactly("1,16777216");
        assertThat(rows(store, "SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_NAME = 't'"
                + " AND COLUMN_KEY = 'PRI'")).containsExactly("id");
    }

    @Test
    void refusesWhatItDoesNotAnswerAndNamesTheWayOut() throws Exception {
        MemoryStore store = loaded();
        assertThatThrownBy(() -> rows(store, "SELECT v, count(*) FROM t GROUP BY v")).isInstanceOf(SqlError.class)
                .hasMessageContaining("GROUP BY").hasMessageContaining("starrocks.emulator.store=mariadb");
        assertThatThrownBy(() -> rows(store, "SELECT nope FROM t")).hasMessageContaining("Unknown column 'nope'");
        assertThatThrownBy(() -> rows(store, "SELECT * FROM missing")).hasMessageContaining("db.missing' doesn't exist");
        assertThatThrownBy(() -> rows(store, "SELECT @@no_such_variable")).hasMessageContaining("Unknown system variable");
    }

    @Test
    void aLoadPastTheBoundFailsWholeAndChangesNothing() throws Exception {
        MemoryStore store = loaded();
        long before = store.bytes();
        RowChange[] many = new RowChange[20_000];
        for (int i = 0; i < many.length; i++) {
            many[i] = upsert(String.valueOf(100 + i), "1", "1.00", "x".repeat(20));
        }
        assertThatThrownBy(() -> store.apply(TABLE, List.of(batch(many)))).isInstanceOf(StoreFullException.class)
                .hasMessageContaining(MemoryStore.MAX_BYTES_PROPERTY);
        assertThat(store.bytes()).isEqualTo(before);
        assertThat(rows(store, "SELECT count(*) FROM t")).containsExactly("4");
        assertThat(Arrays.asList(store.rows())).containsExactly(4L);
    }
}
