package dev.pipelines.cdc.config.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The running pipeline's publication check ({@code PublicationWatch} asks it): every way the
 * publication can stop carrying the captured tables' changes, and the ways it still does.
 */
class PublicationCoverageTest {
  private static final CatalogTable ORDERS = new CatalogTable("public", "orders", TableKind.TABLE, List.of("id"), false,
      false, true, true);
  private static final CatalogTable ITEMS = new CatalogTable("public", "items", TableKind.TABLE, List.of("id"), false,
      false, true, true);
  private static final CatalogTable EVENTS = new CatalogTable("public", "events", TableKind.PARTITIONED_TABLE,
      List.of("id"), false, false, true, true);
  private static final String NEW_SNAPSHOT = "then start the pipeline without its checkpoint (a new snapshot)";

  static Stream<Arguments> running() {
    return Stream.of(
        Arguments.of("every table, every change", pub(false,
            PublishedChange.all(), true, "public.orders", "public.items"),
            List.of(ORDERS, ITEMS), List.of()),
        Arguments.of("FOR ALL TABLES", Optional.of(new CatalogPublication(false, true, Set.of(),
            PublishedChange.all(), true)),
            List.of(ORDERS, EVENTS), List.of()),
        Arguments.of("more tables than captured", pub(false, PublishedChange.all(), false, "public.orders", "public.x"),
            List.of(ORDERS), List.of()),
        Arguments.of("a captured table removed", pub(false, PublishedChange.all(), true, "public.orders"),
            List.of(ORDERS, ITEMS), List.of("public.items was removed from publication pub while the pipeline ran",
                "ALTER PUBLICATION pub ADD TABLE public.items", NEW_SNAPSHOT)),
        Arguments.of("two removed", pub(false, PublishedChange.all(), true), List.of(ORDERS, ITEMS),
            List.of("public.orders, public.items were removed", "ADD TABLE public.orders, public.items")),
        Arguments.of("the publication dropped", Optional.empty(), List.of(ORDERS),
            List.of("publication pub was dropped while the pipeline ran", "CREATE PUBLICATION pub FOR TABLE public.orders"
                + " WITH (publish_via_partition_root = true)", NEW_SNAPSHOT)),
        Arguments.of("deletes no longer published", pub(false, Set.of(PublishedChange.INSERT, PublishedChange.UPDATE,
                PublishedChange.TRUNCATE), true, "public.orders"), List.of(ORDERS),
            List.of("does not publish delete", "StarRocks would keep deleted rows", NEW_SNAPSHOT)),
        Arguments.of("partition root turned off", pub(false, PublishedChange.all(), false, "public.events_1"),
            List.of(EVENTS), List.of("publishes public.events as their partitions", NEW_SNAPSHOT)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("running")
  void whileRunning(String name, Optional<CatalogPublication> publication, List<CatalogTable> captured,
      List<String> fragments) {
    Optional<String> stop = PublicationCoverage.whileRunning("pub", publication, captured);

    assertThat(stop.isPresent()).as("stops").isEqualTo(!fragments.isEmpty());
    fragments.forEach(f -> assertThat(stop.orElseThrow()).contains(f));
    stop.ifPresent(m -> assertThat(m).doesNotContain("\n"));
  }

  private static Optional<CatalogPublication> pub(boolean owned, Set<PublishedChange> publishes, boolean viaRoot,
      String... tables) {
    return Optional.of(new CatalogPublication(owned, false, Set.of(tables), publishes, viaRoot));
  }
}
