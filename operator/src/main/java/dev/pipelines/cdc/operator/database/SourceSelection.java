package dev.pipelines.cdc.operator.database;

import java.util.List;

/**
 * What a pipeline wants from its source, as preflight checks it.
 *
 * @param tables include patterns: regular expressions matched against the whole {@code schema.table}
 * @param excludeTables patterns removed from {@code tables}
 * @param slotsNeeded replication slots the job needs when its own slot does not exist yet: one,
 *     plus one temporary slot per parallel snapshot reader when it starts with a snapshot
 */
public record SourceSelection(List<String> tables, List<String> excludeTables, String slotName,
    String publicationName, int slotsNeeded) {
  public SourceSelection {
    tables = List.copyOf(tables);
    excludeTables = List.copyOf(excludeTables);
  }
}
