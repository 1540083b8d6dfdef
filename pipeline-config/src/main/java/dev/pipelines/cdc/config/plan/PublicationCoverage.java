package dev.pipelines.cdc.config.plan;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether an existing publication carries every change of the captured tables the way the job
 * reads them. Pure. pgoutput decodes only what the publication says, and says nothing about the
 * rest: a publication changed by someone else loses changes silently. So the planner refuses, at
 * every start, one that lacks a kind of change or publishes partitioned tables as their partitions,
 * and the job's {@code PublicationWatch} asks the same, plus whether every captured table is still
 * in it, while it runs. (Which tables are missing at a start, and whether the job may add them, is
 * the planner's publication decision.)
 */
public final class PublicationCoverage {
  private PublicationCoverage() {}

  /** What makes {@code publication} unusable for {@code captured} whatever its tables; empty: usable. */
  public static List<String> unsuitable(String name, CatalogPublication publication, List<CatalogTable> captured) {
    List<String> problems = new ArrayList<>();
    Set<PublishedChange> lacking = EnumSet.allOf(PublishedChange.class);
    lacking.removeAll(publication.publishes());
    if (!lacking.isEmpty()) {
      problems.add("publication " + name + " does not publish " + words(lacking) + " (publish = '"
          + words(publication.publishes()) + "'), so " + consequence(lacking) + "; as its owner run ALTER PUBLICATION "
          + name + " SET (publish = '" + words(PublishedChange.all()) + "')");
    }
    List<String> partitioned = partitioned(captured);
    if (!publication.viaPartitionRoot() && !partitioned.isEmpty()) {
      problems.add("publication " + name + " publishes " + String.join(", ", partitioned) + " as their partitions"
          + " (publish_via_partition_root is off), under names the pipeline does not capture; as its owner run"
          + " ALTER PUBLICATION " + name + " SET (publish_via_partition_root = true)");
    }
    return problems;
  }

  /**
   * Written columns of captured tables that the publication does not publish (its column list leaves
   * them out, PostgreSQL 15+): their values would never arrive, and the stream would stop on the first
   * change as a schema change. A table the publication does not hold, or whose columns the catalog
   * does not show, is not asked about here.
   *
   * @param writtenBySource the columns the pipeline writes of each captured table, by {@code schema.table}
   */
  public static List<String> unpublishedColumns(String name, CatalogPublication publication,
      Map<String, List<String>> writtenBySource) {
    List<String> problems = new ArrayList<>();
    writtenBySource.forEach((table, written) -> {
      List<String> published = publication.columnsByTable().get(table);
      if (published == null) {
        return;
      }
      List<String> missing = written.stream().filter(c -> !published.contains(c)).toList();
      if (!missing.isEmpty()) {
        problems.add("publication " + name + " publishes only columns " + published + " of " + table + ", not "
            + missing + ", which the pipeline writes; as its owner give it a column list that holds them (ALTER"
            + " PUBLICATION " + name + " SET TABLE ..., listing every table) or leave them out with"
            + " spec.transforms columns.exclude");
      }
    });
    return problems;
  }

  /**
   * Captured tables whose membership the published list shows, that are not in it. Partitioned
   * tables of a publication without {@code publish_via_partition_root} are listed as partitions, so
   * their membership cannot be read there: {@link #unsuitable} refuses that publication instead.
   */
  public static List<CatalogTable> missing(CatalogPublication publication, List<CatalogTable> captured) {
    if (publication.allTables()) {
      return List.of();
    }
    return captured.stream()
        .filter(t -> publication.viaPartitionRoot() || t.kind() != TableKind.PARTITIONED_TABLE)
        .filter(t -> !publication.tables().contains(t.qualifiedName()))
        .toList();
  }

  /**
   * The check of a running pipeline: what lost, or will lose, changes of {@code captured} since the
   * job started. A change not published is not in the slot's stream at all, so the only way back to
   * exact tables is a new snapshot: the message says so.
   *
   * @param captured the captured tables, as the catalog shows them now (a dropped one is absent and
   *     not asked about: it has no more changes)
   */
  public static Optional<String> whileRunning(String name, Optional<CatalogPublication> publication,
      List<CatalogTable> captured) {
    String restart = " then start the pipeline without its checkpoint (a new snapshot): changes made meanwhile were"
        + " not published and are not in the replication slot";
    if (publication.isEmpty()) {
      return Optional.of("publication " + name + " was dropped while the pipeline ran; create it again (CREATE"
          + " PUBLICATION " + name + " FOR TABLE " + String.join(", ", names(captured))
          + " WITH (publish_via_partition_root = true)) and" + restart);
    }
    List<String> problems = new ArrayList<>(unsuitable(name, publication.get(), captured));
    List<String> missing = names(missing(publication.get(), captured));
    if (!missing.isEmpty()) {
      problems.add(0, String.join(", ", missing) + (missing.size() == 1 ? " was" : " were") + " removed from"
          + " publication " + name + " while the pipeline ran; as its owner run ALTER PUBLICATION " + name
          + " ADD TABLE " + String.join(", ", missing));
    }
    return problems.isEmpty() ? Optional.empty()
        : Optional.of(String.join("; ", problems) + ";" + restart);
  }

  private static String consequence(Set<PublishedChange> lacking) {
    List<String> lost = new ArrayList<>();
    if (lacking.contains(PublishedChange.INSERT)) {
      lost.add("new rows would not arrive");
    }
    if (lacking.contains(PublishedChange.UPDATE)) {
      lost.add("StarRocks would keep rows' old values");
    }
    if (lacking.contains(PublishedChange.DELETE)) {
      lost.add("StarRocks would keep deleted rows");
    }
    if (lacking.contains(PublishedChange.TRUNCATE)) {
      lost.add("a TRUNCATE would pass unseen instead of stopping the job");
    }
    return String.join(", ", lost);
  }

  private static String words(Set<PublishedChange> changes) {
    return changes.stream().sorted().map(PublishedChange::word).collect(Collectors.joining(", "));
  }

  private static List<String> partitioned(List<CatalogTable> tables) {
    return names(tables.stream().filter(t -> t.kind() == TableKind.PARTITIONED_TABLE).toList());
  }

  private static List<String> names(List<CatalogTable> tables) {
    return tables.stream().map(CatalogTable::qualifiedName).toList();
  }
}
