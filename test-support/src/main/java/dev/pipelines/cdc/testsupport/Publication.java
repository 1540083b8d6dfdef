package dev.pipelines.cdc.testsupport;

import java.util.List;

/** One row of {@code pg_publication} with the tables it publishes ("schema.table"). */
public record Publication(String name, boolean allTables, List<String> tables) {
}
