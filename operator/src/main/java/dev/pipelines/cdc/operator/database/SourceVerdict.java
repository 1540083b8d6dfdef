package dev.pipelines.cdc.operator.database;

import dev.pipelines.cdc.config.plan.CatalogTable;
import dev.pipelines.cdc.config.plan.ProblemKind;
import dev.pipelines.cdc.config.plan.SourceCatalog;
import dev.pipelines.cdc.config.plan.SourcePlan;
import dev.pipelines.cdc.config.plan.SourcePlanner;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Source facts → preflight verdict. Pure, so every reason is unit-tested without a database. What
 * the job would refuse is decided by the shared planning rules ({@link SourcePlanner}, the job calls
 * them too); this class adds what only the operator checks (wal_level, the REPLICATION attribute,
 * free slots) and turns the first failing check into a reason, in this order: wal_level first
 * (nothing else matters without it), replication, the plan's table problems, slots, the publication.
 * The message names every table concerned and the statement that fixes it.
 */
public final class SourceVerdict {
  /** Plan problems checked before the slots; the publication's are checked after them. */
  private static final Set<ProblemKind> TABLE_PROBLEMS = EnumSet.of(ProblemKind.TABLE_NOT_FOUND,
      ProblemKind.TRANSFORM_INVALID, ProblemKind.NOT_SELECTABLE, ProblemKind.NO_PRIMARY_KEY, ProblemKind.TARGET_NAMES_INVALID);

  private SourceVerdict() {}

  public static SourceReport evaluate(SourceFacts facts, SourceSelection selection) {
    SourcePlan plan = SourcePlanner.plan(facts.catalog(), selection.planRequest(), facts.columnsBySource(),
        facts.filterErrors());
    return new SourceReport(check(facts, selection, plan), true, replicaIdentityWarning(plan.selected()), facts.slot(),
        facts.slotReadError(), facts.rowEstimates().total(plan.selectedNames()));
  }

  private static CheckResult check(SourceFacts facts, SourceSelection selection, SourcePlan plan) {
    SourceCatalog catalog = facts.catalog();
    String user = catalog.user().name();
    if (!"logical".equals(facts.walLevel())) {
      return CheckResult.failed(DatabaseReasons.WAL_LEVEL_NOT_LOGICAL,
          "wal_level is '" + facts.walLevel() + "'; logical replication needs wal_level=logical"
              + " (ALTER SYSTEM SET wal_level = logical, then restart PostgreSQL)");
    }
    if (!facts.replication() && !catalog.user().superuser()) {
      return CheckResult.failed(DatabaseReasons.MISSING_REPLICATION_PRIVILEGE,
          "user '" + user + "' has neither the REPLICATION attribute nor superuser; as a superuser run"
              + " ALTER ROLE " + user + " REPLICATION");
    }
    Optional<ProblemKind> first = plan.firstProblem();
    if (first.isPresent() && TABLE_PROBLEMS.contains(first.get())) {
      return failed(plan, first.get());
    }
    int free = facts.maxReplicationSlots() - facts.usedReplicationSlots();
    // The job needs its own slot only: its snapshot reads inside the slot's exported snapshot and opens
    // no temporary slots (flink-cdc's incremental snapshot opened one per parallel reader).
    if (facts.slot().isEmpty() && facts.slotReadError().isEmpty() && free < 1) {
      return CheckResult.failed(DatabaseReasons.NO_FREE_REPLICATION_SLOTS,
          "max_replication_slots is " + facts.maxReplicationSlots() + " and " + facts.usedReplicationSlots()
              + " are in use; the pipeline needs one, its slot " + selection.slotName()
              + ": drop unused slots or raise max_replication_slots (restart needed)");
    }
    if (first.isPresent()) {
      return failed(plan, first.get());
    }
    int selected = plan.selected().size();
    return CheckResult.passed(DatabaseReasons.PREFLIGHT_PASSED,
        "wal_level logical, user '" + user + "' may replicate, " + selected + (selected == 1 ? " table" : " tables")
            + " selected, each with a primary key; "
            + (facts.slot().isPresent() ? "slot " + selection.slotName() + " exists" : free + " replication slots free")
            + "; publication " + selection.publicationName()
            + (catalog.publication().isPresent() ? " exists" : " will be created by the job"));
  }

  private static CheckResult failed(SourcePlan plan, ProblemKind kind) {
    return CheckResult.failed(reason(kind), plan.message(kind).orElseThrow());
  }

  /** The condition reason of each kind of plan problem. */
  static String reason(ProblemKind kind) {
    return switch (kind) {
      case TABLE_NOT_FOUND -> DatabaseReasons.TABLE_NOT_FOUND;
      case TRANSFORM_INVALID -> DatabaseReasons.TRANSFORM_INVALID;
      case NOT_SELECTABLE -> DatabaseReasons.MISSING_SELECT_PRIVILEGE;
      case NO_PRIMARY_KEY -> DatabaseReasons.MISSING_PRIMARY_KEY;
      case TARGET_NAMES_INVALID -> DatabaseReasons.TARGET_TABLES_INVALID;
      case PUBLICATION_NOT_CREATABLE -> DatabaseReasons.PUBLICATION_NOT_CREATABLE;
      case PUBLICATION_INCOMPLETE -> DatabaseReasons.PUBLICATION_INCOMPLETE;
      case PUBLICATION_UNSUITABLE -> DatabaseReasons.PUBLICATION_UNSUITABLE;
    };
  }

  private static Optional<String> replicaIdentityWarning(List<CatalogTable> selected) {
    List<String> partial = selected.stream().filter(t -> t.toastable() && !t.replicaIdentityFull())
        .map(CatalogTable::qualifiedName).toList();
    if (partial.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(String.join(", ", partial) + (partial.size() == 1 ? " has" : " have")
        + " TOAST-able columns and REPLICA IDENTITY other than FULL: an UPDATE that leaves a large value"
        + " unchanged does not carry it, so the job reads it back by key (one lookup per such update)."
        + " ALTER TABLE ... REPLICA IDENTITY FULL avoids the lookups at the cost of larger WAL");
  }
}
