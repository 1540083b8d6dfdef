package dev.pipelines.cdc.config.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.config.TableRoute;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The planning rules the operator's preflight and the job share, one case per problem kind, per
 * publication decision, and per case where the two sides used to disagree (named "disagreement").
 */
class PlanningRulesTest {
  private static final CatalogTable ORDERS = table("public", "orders");
  private static final CatalogTable ITEMS_1 = table("public", "order_items_1");
  private static final CatalogTable ITEMS_OLD = keyless("public", "order_items_old");
  private static final CatalogTable SALES_ORDERS = table("sales", "orders");
  private static final CatalogTable FOREIGN_ORDERS = new CatalogTable("public", "orders", TableKind.TABLE, List.of("id"),
      false, false, true, false);
  private static final CatalogTable PARTED = new CatalogTable("public", "events", TableKind.PARTITIONED_TABLE,
      List.of("id", "day"), false, false, true, false);
  private static final CatalogUser CDC = new CatalogUser("cdc", false, true);
  private static final CatalogUser CDC_NO_CREATE = new CatalogUser("cdc", false, false);
  private static final CatalogUser SUPERUSER = new CatalogUser("cdc", true, false);

  /**
   * @param expectedSelected the selected tables, in catalog order; null: not what the case is about
   * @param expectedKinds the kind of every problem, in order
   * @param fragments text every problem message together must contain
   * @param absent text none of them may contain
   */
  record Case(String name, SourceCatalog catalog, PlanRequest request, Map<String, List<String>> columns,
      List<String> expectedSelected, PublicationAction expectedPublication, List<ProblemKind> expectedKinds,
      List<String> fragments, List<String> absent) {
    @Override
    public String toString() {
      return name;
    }

    Arguments arguments() {
      return Arguments.of(this);
    }
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        ok("a ready source: one keyed table, publication created by the job",
            catalog(CDC, none(), ORDERS), request("public.orders"), List.of("public.orders"), PublicationAction.CREATE),
        problem("an include pattern matching no table", catalog(CDC, none(), ORDERS),
            request("public.orders", "public\\.invoice_.*"), ProblemKind.TABLE_NOT_FOUND,
            List.of("no table matches 'public\\.invoice_.*' in database shop", "minus excludeTables"),
            List.of("'public.orders'")),
        problem("patterns match whole names only", catalog(CDC, none(), ORDERS), request("orders"),
            ProblemKind.TABLE_NOT_FOUND, List.of("no table matches 'orders'"), List.of()),
        problem("disagreement: an include pattern whose only match is excluded selects nothing (both sides refuse)",
            catalog(CDC, none(), ORDERS, ITEMS_OLD),
            new PlanRequest(List.of("public.orders", "public\\.order_items_.*"), List.of("public.order_items_old"), "pub",
                List.of()),
            ProblemKind.TABLE_NOT_FOUND, List.of("no table matches 'public\\.order_items_.*'"), List.of("'public.orders'")),
        ok("an excluded keyless table is not planned", catalog(CDC, none(), ORDERS, ITEMS_1, ITEMS_OLD),
            new PlanRequest(List.of("public.orders", "public\\.order_items_.*"), List.of("public.order_items_old"), "pub",
                List.of()),
            List.of("public.order_items_1", "public.orders"), PublicationAction.CREATE),
        problem("a selected table without primary key", catalog(CDC, none(), ORDERS, ITEMS_1, ITEMS_OLD),
            request("public\\.order.*"), ProblemKind.NO_PRIMARY_KEY,
            List.of("table public.order_items_old has no primary key", "ALTER TABLE ... ADD PRIMARY KEY", "excludeTables"),
            List.of()),
        problem("two tables without primary key are named in one sentence",
            catalog(CDC, none(), keyless("public", "a"), keyless("public", "b")), request("public\\..*"),
            ProblemKind.NO_PRIMARY_KEY, List.of("tables public.a, public.b have no primary key"), List.of()),
        problem("a table the user may not read", catalog(CDC, none(),
                new CatalogTable("public", "orders", TableKind.TABLE, List.of("id"), false, false, false, true)),
            request("public.orders"), ProblemKind.NOT_SELECTABLE,
            List.of("user 'cdc' may not read public.orders", "GRANT SELECT ON public.orders TO cdc"), List.of()),
        problem("two tables meeting in one StarRocks table by default", catalog(CDC, none(), ORDERS, SALES_ORDERS),
            request(".*\\.orders"), ProblemKind.TARGET_NAMES_INVALID,
            List.of("tables [public.orders, sales.orders] would all write StarRocks table orders; give each its own"
                + " targetTable in spec.sink.starrocks.routes"), List.of()),
        ok("a route separates them", catalog(CDC, none(), ORDERS, SALES_ORDERS),
            new PlanRequest(List.of(".*\\.orders"), List.of(), "pub", List.of(new TableRoute("sales.orders", "sales_orders"))),
            List.of("public.orders", "sales.orders"), PublicationAction.CREATE),
        problem("a table whose own name StarRocks refuses gets the route as the fix",
            catalog(CDC, none(), table("public", "order-items")), request("public\\..*"), ProblemKind.TARGET_NAMES_INVALID,
            List.of("table public.order-items would be written to StarRocks table 'order-items', whose name contains '-'",
                "targetTable: order_items"), List.of()),
        problem("a table name flink-cdc cannot read back", catalog(CDC, none(), table("public", "Order Lines")),
            request("public\\..*"), ProblemKind.TARGET_NAMES_INVALID,
            List.of("table public.Order Lines cannot be captured", "excludeTables"), List.of()),
        new Case("column names are checked where the job knows them", catalog(CDC, none(), ORDERS), request("public.orders"),
            Map.of("public.orders", List.of("id", "Display Name")), List.of("public.orders"), PublicationAction.CREATE,
            List.of(ProblemKind.TARGET_NAMES_INVALID), List.of("table public.orders: column 'Display Name' contains a space"),
            List.of()).arguments(),
        ok("a partitioned parent is a table like any other",
            catalog(CDC, none(), new CatalogTable("public", "events", TableKind.PARTITIONED_TABLE, List.of("id", "day"),
                false, false, true, true)), request("public.events"), List.of("public.events"), PublicationAction.CREATE),
        ok("a missing publication: a superuser creates it without owning the tables",
            catalog(SUPERUSER, none(), FOREIGN_ORDERS), request("public.orders"), List.of("public.orders"),
            PublicationAction.CREATE),
        problem("disagreement: a missing publication the user may not create (the job used to fail once started)",
            catalog(CDC_NO_CREATE, none(), FOREIGN_ORDERS), request("public.orders"), ProblemKind.PUBLICATION_NOT_CREATABLE,
            List.of("publication pub does not exist and user 'cdc' may not create it (lacks CREATE on the database and"
                + " ownership of public.orders); as the tables' owner run CREATE PUBLICATION pub FOR TABLE public.orders"),
            List.of()),
        problem("a missing publication: CREATE on the database is not enough without the tables",
            catalog(CDC, none(), FOREIGN_ORDERS), request("public.orders"), ProblemKind.PUBLICATION_NOT_CREATABLE,
            List.of("(lacks ownership of public.orders)"), List.of("CREATE on the database")),
        ok("a complete publication is used as it is, whoever owns it",
            catalog(CDC_NO_CREATE, Optional.of(new CatalogPublication(false, false, Set.of("public.orders"),
                PublishedChange.all(), true)), FOREIGN_ORDERS),
            request("public.orders"), List.of("public.orders"), PublicationAction.USE_AS_IS),
        ok("a FOR ALL TABLES publication is complete",
            catalog(CDC_NO_CREATE, Optional.of(new CatalogPublication(false, true, Set.of(),
                PublishedChange.all(), true)), FOREIGN_ORDERS),
            request("public.orders"), List.of("public.orders"), PublicationAction.USE_AS_IS),
        ok("an incomplete publication the user owns, with tables it owns, is extended",
            catalog(CDC, Optional.of(new CatalogPublication(true, false, Set.of("public.order_items_1"),
                PublishedChange.all(), true)), ORDERS, ITEMS_1),
            request("public.orders", "public.order_items_1"), List.of("public.order_items_1", "public.orders"),
            PublicationAction.EXTEND),
        problem("disagreement: an incomplete publication the user owns, lacking a table it does not own (the job only"
                + " checked the publication's owner)",
            catalog(CDC, Optional.of(new CatalogPublication(true, false, Set.of("public.order_items_1"),
                PublishedChange.all(), true)), FOREIGN_ORDERS,
                ITEMS_1),
            request("public.orders", "public.order_items_1"), ProblemKind.PUBLICATION_INCOMPLETE,
            List.of("publication pub does not publish public.orders and user 'cdc' may not add them",
                "ALTER PUBLICATION pub ADD TABLE public.orders"), List.of("order_items_1")),
        problem("an incomplete publication someone else owns",
            catalog(CDC, Optional.of(new CatalogPublication(false, false, Set.of(),
                PublishedChange.all(), true)), ORDERS), request("public.orders"),
            ProblemKind.PUBLICATION_INCOMPLETE, List.of("ALTER PUBLICATION pub ADD TABLE public.orders"), List.of()),
        ok("disagreement: a superuser extends a publication someone else owns (the job refused)",
            catalog(SUPERUSER, Optional.of(new CatalogPublication(false, false, Set.of(),
                PublishedChange.all(), true)), FOREIGN_ORDERS),
            request("public.orders"), List.of("public.orders"), PublicationAction.EXTEND),
        problem("a publication that does not publish deletes and truncates, even one that lists every table",
            catalog(CDC, publication(true, Set.of(PublishedChange.INSERT, PublishedChange.UPDATE), true, "public.orders"),
                ORDERS),
            request("public.orders"), ProblemKind.PUBLICATION_UNSUITABLE,
            List.of("publication pub does not publish delete, truncate (publish = 'insert, update'), so StarRocks would"
                + " keep deleted rows, a TRUNCATE would pass unseen instead of stopping the job",
                "ALTER PUBLICATION pub SET (publish = 'insert, update, delete, truncate')"), List.of()),
        problem("a publication without inserts",
            catalog(CDC_NO_CREATE, publication(false, Set.of(PublishedChange.UPDATE, PublishedChange.DELETE,
                PublishedChange.TRUNCATE), true, "public.orders"), FOREIGN_ORDERS),
            request("public.orders"), ProblemKind.PUBLICATION_UNSUITABLE,
            List.of("does not publish insert (publish = 'update, delete, truncate'), so new rows would not arrive"),
            List.of("old values")),
        problem("a partitioned table in a publication without publish_via_partition_root (listed as its partitions)",
            catalog(CDC, publication(true, PublishedChange.all(), false, "public.events_2025", "public.orders"), ORDERS,
                PARTED),
            request("public.orders", "public.events"), ProblemKind.PUBLICATION_UNSUITABLE,
            List.of("publication pub publishes public.events as their partitions (publish_via_partition_root is off)",
                "ALTER PUBLICATION pub SET (publish_via_partition_root = true)"),
            List.of("ADD TABLE", "orders as")),
        ok("publish_via_partition_root matters only for partitioned tables",
            catalog(CDC_NO_CREATE, publication(false, PublishedChange.all(), false, "public.orders"), FOREIGN_ORDERS),
            request("public.orders"), List.of("public.orders"), PublicationAction.USE_AS_IS),
        ok("a partitioned table in a publication via its root is listed as itself",
            catalog(CDC_NO_CREATE, publication(false, PublishedChange.all(), true, "public.events"), PARTED),
            request("public.events"), List.of("public.events"), PublicationAction.USE_AS_IS),
        new Case("an unsuitable publication is refused even where the job could add the missing tables",
            catalog(CDC, publication(true, Set.of(PublishedChange.INSERT, PublishedChange.UPDATE,
                PublishedChange.DELETE), true), ORDERS), request("public.orders"), Map.of(), List.of("public.orders"),
            PublicationAction.REFUSED, List.of(ProblemKind.PUBLICATION_UNSUITABLE), List.of("does not publish truncate"),
            List.of("ADD TABLE")).arguments(),
        new Case("an unsuitable publication that also lacks a table the user may not add: both problems",
            catalog(CDC, publication(false, Set.of(PublishedChange.INSERT, PublishedChange.UPDATE,
                PublishedChange.DELETE), true), ORDERS), request("public.orders"), Map.of(), List.of("public.orders"),
            PublicationAction.REFUSED, List.of(ProblemKind.PUBLICATION_INCOMPLETE, ProblemKind.PUBLICATION_UNSUITABLE),
            List.of("does not publish truncate", "ALTER PUBLICATION pub ADD TABLE public.orders"), List.of()).arguments(),
        new Case("every problem at once, in kind order", catalog(CDC_NO_CREATE, none(), FOREIGN_ORDERS, keyless("public", "events"),
                new CatalogTable("public", "secret", TableKind.TABLE, List.of("id"), false, false, false, true)),
            request("public.orders", "public.evnts", "public.events", "public.secret"), Map.of(),
            List.of("public.events", "public.orders", "public.secret"), PublicationAction.REFUSED,
            List.of(ProblemKind.TABLE_NOT_FOUND, ProblemKind.NOT_SELECTABLE, ProblemKind.NO_PRIMARY_KEY,
                ProblemKind.PUBLICATION_NOT_CREATABLE),
            List.of("no table matches 'public.evnts'", "may not read public.secret", "table public.events has no primary key",
                "CREATE PUBLICATION pub FOR TABLE public.events, public.orders, public.secret"), List.of()).arguments());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rule(Case c) {
    SourcePlan plan = SourcePlanner.plan(c.catalog(), c.request(), c.columns());

    if (c.expectedSelected() != null) {
      assertThat(plan.selectedNames()).as("selected").containsExactlyElementsOf(c.expectedSelected());
      assertThat(plan.publication()).as("publication").isEqualTo(c.expectedPublication());
    }
    assertThat(plan.problems()).extracting(PlanProblem::kind).as("problems").containsExactlyElementsOf(c.expectedKinds());
    assertThat(plan.valid()).isEqualTo(c.expectedKinds().isEmpty());
    assertThat(plan.firstProblem()).isEqualTo(c.expectedKinds().stream().findFirst());
    String message = plan.message();
    c.fragments().forEach(f -> assertThat(message).contains(f));
    c.absent().forEach(f -> assertThat(message).doesNotContain(f));
    if (plan.valid() && c.expectedSelected() != null) {
      assertThat(plan.targetBySource().keySet()).containsExactlyElementsOf(c.expectedSelected());
    }
  }

  private static Arguments ok(String name, SourceCatalog catalog, PlanRequest request, List<String> selected,
      PublicationAction publication) {
    return new Case(name, catalog, request, Map.of(), selected, publication, List.of(), List.of(), List.of()).arguments();
  }

  /** One problem of one kind; the selection and publication are not what the case is about. */
  private static Arguments problem(String name, SourceCatalog catalog, PlanRequest request, ProblemKind kind,
      List<String> fragments, List<String> absent) {
    return new Case(name, catalog, request, Map.of(), null, null, List.of(kind), fragments, absent).arguments();
  }

  private static SourceCatalog catalog(CatalogUser user, Optional<CatalogPublication> publication, CatalogTable... tables) {
    // The catalog query orders by schema and name; so do the cases.
    return new SourceCatalog("shop", Stream.of(tables).sorted(java.util.Comparator.comparing(CatalogTable::qualifiedName))
        .toList(), publication, user);
  }

  private static Optional<CatalogPublication> publication(boolean owned, Set<PublishedChange> publishes,
      boolean viaRoot, String... tables) {
    return Optional.of(new CatalogPublication(owned, false, Set.of(tables), publishes, viaRoot));
  }

  private static Optional<CatalogPublication> none() {
    return Optional.empty();
  }

  private static PlanRequest request(String... include) {
    return new PlanRequest(List.of(include), List.of(), "pub", List.of());
  }

  private static CatalogTable table(String schema, String name) {
    return new CatalogTable(schema, name, TableKind.TABLE, List.of("id"), false, false, true, true);
  }

  private static CatalogTable keyless(String schema, String name) {
    return new CatalogTable(schema, name, TableKind.TABLE, List.of(), false, false, true, true);
  }
}
