package dev.pipelines.cdc.emulator.sql;

import java.util.List;

/** What a statement answers: a row count (OK packet) or a table of text values (result set). */
public sealed interface QueryResult {

    record Ok(long affectedRows) implements QueryResult {
    }

    /** Values are the text-protocol strings (null for SQL NULL). */
    record Table(List<ResultColumn> columns, List<List<String>> rows) implements QueryResult {
    }

    static Table strings(List<String> names, List<List<String>> rows) {
        return new Table(names.stream().map(ResultColumn::varchar).toList(), rows);
    }
}
