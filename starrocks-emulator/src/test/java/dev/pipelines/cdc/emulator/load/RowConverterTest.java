package dev.pipelines.cdc.emulator.load;

import dev.pipelines.cdc.emulator.sql.Statement;
import dev.pipelines.cdc.emulator.sql.StatementParser;
import dev.pipelines.cdc.emulator.catalog.TableDef;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RowConverterTest {

    private static final TableDef TABLE = ((Statement.CreateTable) StatementParser.parse(
            "CREATE TABLE db.t (id INT NOT NULL, name VARCHAR(5) NOT NULL, score TINYINT, born DATE,"
                    + " note STRING DEFAULT 'none') PRIMARY KEY(id) DISTRIBUTED BY HASH(id)").orElseThrow()).table();

    private static LoadBatch convert(Map<String, String> headers, String body) {
        LoadRequest request = LoadRequest.fromHeaders("db", "t", headers::get);
        return RowConverter.convert(request, TABLE, body.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> json(String... extra) {
        Map<String, String> h = new HashMap<>(Map.of("format", "json", "strip_outer_array", "true"));
        for (int i = 0; i < extra.length; i += 2) {
            h.put(extra[i], extra[i + 1]);
        }
        return h;
    }

    @Test
    void nonStrictModeTurnsUnqualifiedValuesIntoNullAndFiltersOnlyNotNullViolations() {
        LoadBatch batch = convert(json(), """
                [{"id":1,"name":"a","score":"abc"},
                 {"id":2,"name":"b","score":2000},
                 {"id":3,"name":"toolong"},
                 {"id":4,"name":null},
                 {"id":5,"name":"e","score":7,"born":"2024-02-30"}]""");
        assertThat(batch.totalRows()).isEqualTo(5);
        assertThat(batch.filteredRows()).isEqualTo(2);
        assertThat(batch.changes()).extracting(c -> c.values().get("id")).containsExactly("1", "2", "5");
        assertThat(batch.changes().get(0).values().get("score")).isNull();
        assertThat(batch.changes().get(2).values().get("born")).isNull();
        // Too long filters the row in any mode (StarRocks' table sink), not NULL.
        assertThat(batch.errors()).anyMatch(e -> e.contains("toolong") && e.contains("is too long"));
    }

    @Test
    void strictModeFiltersUnqualifiedValues() {
        LoadBatch batch = convert(json("strict_mode", "true"),
                "[{\"id\":1,\"name\":\"a\",\"score\":\"abc\"},{\"id\":2,\"name\":\"b\",\"score\":null}]");
        assertThat(batch.filteredRows()).isEqualTo(1);
        assertThat(batch.errors().get(0)).contains("abc").contains("strict mode");
    }

    @Test
    void fullUpsertFillsMissingColumnsWithDefaultsAndPartialUpdateLeavesThemOut() {
        RowChange full = convert(json(), "[{\"id\":1,\"name\":\"a\"}]").changes().get(0);
        assertThat(full.values()).containsEntry("note", "none").containsEntry("score", null);
        assertThat(full.updated()).contains("note", "score");

        RowChange partial = convert(json("partial_update", "true", "columns", "id,score"),
                "[{\"id\":1,\"score\":5}]").changes().get(0);
        assertThat(partial.updated()).containsExactly("id", "score");
    }

    @Test
    void opOneDeletesByKey() {
        LoadBatch batch = convert(json("columns", "id,name,__op"), "[{\"id\":1,\"__op\":1},{\"id\":2,\"name\":\"x\",\"__op\":0}]");
        assertThat(batch.changes()).extracting(RowChange::op).containsExactly(RowChange.Op.DELETE, RowChange.Op.UPSERT);
    }

    @Test
    void csvRowsWithTheWrongFieldCountAreFiltered() {
        LoadBatch batch = convert(Map.of("column_separator", ",", "columns", "id,name"), "1,a\n2\n3,c,extra\n");
        assertThat(batch.totalRows()).isEqualTo(3);
        assertThat(batch.filteredRows()).isEqualTo(2);
        assertThat(batch.errors()).allMatch(e -> e.contains("Value count does not match column count"));
    }

    @Test
    void anUnknownColumnInTheColumnsHeaderFailsTheWholeLoad() {
        assertThatThrownBy(() -> convert(json("columns", "id,nope"), "[]"))
                .isInstanceOf(LoadException.class).hasMessageContaining("Unknown column 'nope'");
    }

    @Test
    void exceedsComparesTheFilteredRatio() {
        LoadBatch batch = new LoadBatch(java.util.List.of(), false, 10, 1, 0, java.util.List.of());
        assertThat(batch.exceeds(0)).isTrue();
        assertThat(batch.exceeds(0.1)).isFalse();
    }
}
