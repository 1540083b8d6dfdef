package dev.pipelines.cdc.operator.database;

import dev.pipelines.cdc.config.names.SourceTableNames;
import dev.pipelines.cdc.config.names.TargetNamePlan;
import dev.pipelines.cdc.config.names.TargetNames;
import dev.pipelines.cdc.operator.status.Reasons;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Source facts → preflight verdict. Pure, so every reason is unit-tested without a database. The
 * first failing check decides the reason (wal_level first: nothing else matters without it);
 * its message names every table concerned and the statement that fixes it.
 */
public final class SourceVerdict {
  private SourceVerdict() {}

  public static SourceReport evaluate(SourceFacts facts, SourceSelection selection, String user) {
    List<Pattern> include = selection.tables().stream().map(Pattern::compile).toList();
    List<Pattern> exclude = selection.excludeTables().stream().map(Pattern::compile).toList();
    // The job's semantics (TableSelector): whole-name match of schema.table, minus excludes.
    List<CatalogTable> selected = facts.tables().stream()
        .filter(t -> matchesAny(include, t.qualifiedName()) && !matchesAny(exclude, t.qualifiedName()))
        .toList();
    Optional<String> warning = replicaIdentityWarning(selected);
    return new SourceReport(check(facts, selection, user, include, exclude, selected), true, warning, facts.slot(),
        facts.slotReadError());
  }

  private static CheckResult check(SourceFacts facts, SourceSelection selection, String user, List<Pattern> include,
      List<Pattern> exclude, List<CatalogTable> selected) {
    if (!"logical".equals(facts.walLevel())) {
      return CheckResult.failed(Reasons.WAL_LEVEL_NOT_LOGICAL,
          "wal_level is '" + facts.walLevel() + "'; logical replication needs wal_level=logical"
              + " (ALTER SYSTEM SET wal_level = logical, then restart PostgreSQL)");
    }
    if (!facts.replication() && !facts.superuser()) {
      return CheckResult.failed(Reasons.MISSING_REPLICATION_PRIVILEGE,
          "user '" + user + "' has neither the REPLICATION attribute nor superuser; as a superuser run"
              + " ALTER ROLE " + user + " REPLICATION");
    }
    List<String> unmatched = include.stream()
        .filter(p -> facts.tables().stream()
            .noneMatch(t -> p.matcher(t.qualifiedName()).matches() && !matchesAny(exclude, t.qualifiedName())))
        .map(Pattern::pattern)
        .toList();
    if (!unmatched.isEmpty()) {
      return CheckResult.failed(Reasons.TABLE_NOT_FOUND,
          "no table matches " + quoted(unmatched) + " (patterns are regular expressions over the whole"
              + " schema.table name, minus excludeTables; names are case-sensitive)");
    }
    List<String> unreadable = names(selected.stream().filter(t -> !t.selectable()).toList());
    if (!unreadable.isEmpty()) {
      return CheckResult.failed(Reasons.MISSING_SELECT_PRIVILEGE,
          "user '" + user + "' may not read " + String.join(", ", unreadable) + "; the snapshot needs"
              + " GRANT SELECT ON " + String.join(", ", unreadable) + " TO " + user);
    }
    List<String> keyless = names(selected.stream().filter(t -> !t.hasPrimaryKey()).toList());
    if (!keyless.isEmpty()) {
      return CheckResult.failed(Reasons.MISSING_PRIMARY_KEY,
          String.join(", ", keyless) + (keyless.size() == 1 ? " has" : " have") + " no primary key; the job"
              + " writes StarRocks primary-key tables and splits snapshots by key: add one (ALTER TABLE ... ADD"
              + " PRIMARY KEY) or leave the table out with excludeTables");
    }
    // The job's own rule on target names (TargetNames): the catalog decides which tables meet by
    // default (a.orders and b.orders) and which default names StarRocks refuses. Columns are the
    // job's to check: preflight reads tables only.
    TargetNamePlan targets = TargetNames.plan(selected.stream()
        .map(t -> new SourceTableNames(t.qualifiedName(), t.name(), List.of())).toList(), selection.routes());
    if (!targets.valid()) {
      return CheckResult.failed(Reasons.TARGET_TABLES_INVALID, targets.message());
    }
    int free = facts.maxReplicationSlots() - facts.usedReplicationSlots();
    if (facts.slot().isEmpty() && facts.slotReadError().isEmpty() && free < selection.slotsNeeded()) {
      return CheckResult.failed(Reasons.NO_FREE_REPLICATION_SLOTS,
          "max_replication_slots is " + facts.maxReplicationSlots() + " and " + facts.usedReplicationSlots()
              + " are in use; the pipeline needs " + selection.slotsNeeded() + " (slot " + selection.slotName()
              + (selection.slotsNeeded() > 1 ? ", plus one temporary slot per parallel snapshot reader" : "")
              + "): drop unused slots or raise max_replication_slots (restart needed)");
    }
    Optional<CheckResult> publication = publication(facts, selection, user, selected);
    if (publication.isPresent()) {
      return publication.get();
    }
    return CheckResult.passed(Reasons.PREFLIGHT_PASSED,
        "wal_level logical, user '" + user + "' may replicate, " + selected.size()
            + (selected.size() == 1 ? " table" : " tables") + " selected, each with a primary key; "
            + (facts.slot().isPresent() ? "slot " + selection.slotName() + " exists" : free + " replication slots free")
            + "; publication " + selection.publicationName()
            + (facts.publication().isPresent() ? " exists" : " will be created by the job"));
  }

  /**
   * The job's own rule (PublicationMode): a publication that covers every selected table is used
   * as it is; a missing one is created, and an incomplete one extended, by the job, which needs
   * CREATE on the database (to create) and ownership of the tables and the publication. A CDC user
   * rarely owns them, so this is where the job would otherwise fail at start.
   */
  private static Optional<CheckResult> publication(SourceFacts facts, SourceSelection selection, String user,
      List<CatalogTable> selected) {
    String name = selection.publicationName();
    List<String> notOwned = names(selected.stream().filter(t -> !t.owned()).toList());
    if (facts.publication().isEmpty()) {
      if (facts.superuser() || (facts.canCreateInDatabase() && notOwned.isEmpty())) {
        return Optional.empty();
      }
      String lacks = (facts.canCreateInDatabase() ? "" : "CREATE on the database")
          + (!facts.canCreateInDatabase() && !notOwned.isEmpty() ? " and " : "")
          + (notOwned.isEmpty() ? "" : "ownership of " + String.join(", ", notOwned));
      return Optional.of(CheckResult.failed(Reasons.PUBLICATION_NOT_CREATABLE,
          "publication " + name + " does not exist and user '" + user + "' may not create it (lacks " + lacks
              + "); as the tables' owner run CREATE PUBLICATION " + name + " FOR TABLE "
              + String.join(", ", names(selected))));
    }
    PublicationFacts pub = facts.publication().get();
    List<String> missing = pub.allTables() ? List.of()
        : names(selected).stream().filter(t -> !pub.tables().contains(t)).toList();
    boolean mayAdd = facts.superuser()
        || (pub.owned() && selected.stream().filter(t -> missing.contains(t.qualifiedName())).allMatch(CatalogTable::owned));
    if (missing.isEmpty() || mayAdd) {
      return Optional.empty();
    }
    return Optional.of(CheckResult.failed(Reasons.PUBLICATION_INCOMPLETE,
        "publication " + name + " does not publish " + String.join(", ", missing) + " and user '" + user
            + "' may not add them (needs ownership of the publication and the tables); as its owner run ALTER"
            + " PUBLICATION " + name + " ADD TABLE " + String.join(", ", missing)));
  }

  private static Optional<String> replicaIdentityWarning(List<CatalogTable> selected) {
    List<String> partial = names(selected.stream().filter(t -> t.toastable() && !t.replicaIdentityFull()).toList());
    if (partial.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(String.join(", ", partial) + (partial.size() == 1 ? " has" : " have")
        + " TOAST-able columns and REPLICA IDENTITY other than FULL: an UPDATE that leaves a large value"
        + " unchanged does not carry it, so the job reads it back by key (one lookup per such update)."
        + " ALTER TABLE ... REPLICA IDENTITY FULL avoids the lookups at the cost of larger WAL");
  }

  private static boolean matchesAny(List<Pattern> patterns, String name) {
    return patterns.stream().anyMatch(p -> p.matcher(name).matches());
  }

  private static List<String> names(List<CatalogTable> tables) {
    return tables.stream().map(CatalogTable::qualifiedName).toList();
  }

  private static String quoted(List<String> patterns) {
    return String.join(", ", patterns.stream().map(p -> "'" + p + "'").toList());
  }
}
