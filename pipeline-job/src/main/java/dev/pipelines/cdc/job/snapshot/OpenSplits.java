package dev.pipelines.cdc.job.snapshot;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every split not known to be finished, by table, as the enumerator learns of finished splits from
 * its readers ({@link SnapshotEvents.SplitReport}). Coordinator thread only.
 *
 * <p>After a restore a split the checkpoint had assigned is <i>unconfirmed</i>: a reader either
 * holds it in its restored state (and reports it finished later) or finished it before the barrier.
 * Once every reader has reported what it restored, the unconfirmed splits none holds are finished.
 */
final class OpenSplits {
  private final Map<String, String> tableById = new LinkedHashMap<>();
  private final Map<String, Integer> openByTable = new HashMap<>();
  private final Set<String> unconfirmed = new HashSet<>();
  private final Set<String> held = new HashSet<>();
  private final Set<Integer> reported = new HashSet<>();

  void add(String splitId, String table) {
    if (tableById.put(splitId, table) == null) {
      openByTable.merge(table, 1, Integer::sum);
    }
  }

  /** A restored split that was assigned before the checkpoint. */
  void addUnconfirmed(String splitId, String table) {
    add(splitId, table);
    unconfirmed.add(splitId);
  }

  /** @return the split's table if this was its last open split */
  Optional<String> finished(String splitId) {
    String table = tableById.remove(splitId);
    unconfirmed.remove(splitId);
    if (table == null) {
      return Optional.empty();
    }
    int left = openByTable.merge(table, -1, Integer::sum);
    if (left > 0) {
      return Optional.empty();
    }
    openByTable.remove(table);
    return Optional.of(table);
  }

  /**
   * A reader's report of the splits it restored.
   *
   * @return the unconfirmed splits found finished before the barrier (once every one of
   *     {@code readers} has reported; empty before)
   */
  List<String> restoredBy(int subtask, List<String> restored, int readers) {
    if (!reported.add(subtask)) {
      return List.of();
    }
    held.addAll(restored);
    if (reported.size() < readers || unconfirmed.isEmpty()) {
      return List.of();
    }
    List<String> finishedBefore = unconfirmed.stream().filter(id -> !held.contains(id)).toList();
    unconfirmed.clear();
    return finishedBefore;
  }

  int size() {
    return tableById.size();
  }

  boolean isEmpty() {
    return tableById.isEmpty();
  }

  /** A copy, for the checkpoint. */
  Map<String, String> copy() {
    return Map.copyOf(tableById);
  }
}
