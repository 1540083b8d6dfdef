package dev.pipelines.cdc.job.reconcile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one reconciler instance knows of the tables: which the pipeline captures (from the config
 * the job was started with) and whose snapshot is done, at which generation.
 *
 * <p>Built again at every restore from the checkpoint's done tables, keeping only the captured
 * ones: a table removed from the pipeline forgets its done state, so when it is added again later
 * its stream rows mark keys again until its new snapshot (a later generation) is done. A done
 * marker of an older generation than the one known changes nothing.
 */
final class TableGuards {
  private final Set<String> captured;
  private final Map<String, Integer> doneGeneration = new HashMap<>();

  TableGuards(Set<String> captured) {
    this.captured = Set.copyOf(captured);
  }

  /** One table's done generation, as checkpointed. */
  record Done(String table, int generation) implements java.io.Serializable {}

  boolean captured(String table) {
    return captured.contains(table);
  }

  boolean done(String table) {
    return doneGeneration.containsKey(table);
  }

  /** @return whether this marker is news (the table was not done at this generation or a later one) */
  boolean markDone(String table, int generation) {
    if (!captured(table)) {
      return false;
    }
    Integer known = doneGeneration.get(table);
    if (known != null && known >= generation) {
      return false;
    }
    doneGeneration.put(table, generation);
    return true;
  }

  /** Restores one checkpointed entry; an uncaptured table is left out. */
  void restore(Done done) {
    markDone(done.table(), done.generation());
  }

  List<Done> checkpoint() {
    return doneGeneration.entrySet().stream().map(e -> new Done(e.getKey(), e.getValue())).toList();
  }
}
