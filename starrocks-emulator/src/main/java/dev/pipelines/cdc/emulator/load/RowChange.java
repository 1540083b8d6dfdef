package dev.pipelines.cdc.emulator.load;

import java.util.Map;
import java.util.Set;

/**
 * One converted row to apply: an upsert or a delete by key ({@code __op} = 1).
 *
 * @param values  column name to store text (null = NULL) for every column of the table (deletes: the key)
 * @param updated the columns an existing row takes from this change: all of them, except in a partial
 *                update, where columns absent from the source keep their stored value
 */
public record RowChange(Op op, Map<String, String> values, Set<String> updated) {

    public enum Op { UPSERT, DELETE }
}
