package dev.pipelines.cdc.operator.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.operator.TestOperatorSettings;
import dev.pipelines.cdc.operator.testkit.TestPipelines;
import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CdcPipelineValidatorTest {
  private final CdcPipelineValidator validator = new CdcPipelineValidator(TestOperatorSettings.settings());

  @Test
  void minimalAndFullPipelinesAreValid() {
    assertThat(validator.validate(TestPipelines.minimal())).isEmpty();
    assertThat(validator.validate(TestPipelines.full())).isEmpty();
  }

  /** One case per rule: the field set to a bad value, the field reported, and the gist of the message. */
  static Stream<Arguments> rules() {
    return Stream.of(
        Arguments.of("metadata.name", "a-name-that-is-far-too-long-for-a-flink-deployment-x", "metadata.name", "at most 45"),
        Arguments.of("metadata.name", "9orders", "metadata.name", "DNS-1035"),
        Arguments.of("spec.source.postgres.host", " ", "spec.source.postgres.host", "PostgreSQL server's host name"),
        Arguments.of("spec.source.postgres.database", "", "spec.source.postgres.database", "database to capture"),
        Arguments.of("spec.source.postgres.port", 70000, "spec.source.postgres.port", "not a TCP port"),
        Arguments.of("spec.source.postgres.credentialsSecret.name", "Bad_Name", "spec.source.postgres.credentialsSecret.name", "not a valid Secret name"),
        Arguments.of("spec.source.postgres.tables", List.of(), "spec.source.postgres.tables", "at least one table"),
        Arguments.of("spec.source.postgres.tables", List.of("orders"), "spec.source.postgres.tables[0]", "schema-qualified, e.g. public.orders"),
        Arguments.of("spec.source.postgres.tables", List.of("public.(orders"), "spec.source.postgres.tables[0]", "not a valid regular expression"),
        Arguments.of("spec.source.postgres.excludeTables", List.of("public.[x"), "spec.source.postgres.excludeTables[0]", "not a valid regular expression"),
        Arguments.of("spec.source.postgres.slotName", "Orders-Slot", "spec.source.postgres.slotName", "lower-case letters, digits or '_'"),
        Arguments.of("spec.source.postgres.publicationName", "p".repeat(64), "spec.source.postgres.publicationName", "1-63"),
        Arguments.of("spec.source.postgres.snapshotChunkSize", 0, "spec.source.postgres.snapshotChunkSize", "outside 1-1000000"),
        Arguments.of("spec.source.postgres.maxLag", "1GB", "spec.source.postgres.maxLag", "quantity such as 512Mi"),
        Arguments.of("spec.sink.starrocks.jdbcUrl", "jdbc:postgresql://x/y", "spec.sink.starrocks.jdbcUrl", "must be jdbc:mysql://<host>[:<port>]"),
        Arguments.of("spec.sink.starrocks.loadUrls", List.of(), "spec.sink.starrocks.loadUrls", "at least one FE HTTP address"),
        Arguments.of("spec.sink.starrocks.loadUrls", List.of("starrocks-fe"), "spec.sink.starrocks.loadUrls[0]", "must be host:port"),
        Arguments.of("spec.sink.starrocks.database", "1db", "spec.sink.starrocks.database", "starts with '1'"),
        Arguments.of("spec.sink.starrocks.credentialsSecret.name", "", "spec.sink.starrocks.credentialsSecret.name", "name the Secret"),
        Arguments.of("spec.sink.starrocks.routes", List.of(Map.of("sourceTable", "orders", "targetTable", "o")), "spec.sink.starrocks.routes[0].sourceTable", "schema-qualified"),
        Arguments.of("spec.sink.starrocks.routes", List.of(Map.of("sourceTable", "public.a", "targetTable", "x"), Map.of("sourceTable", "public.a", "targetTable", "y")), "spec.sink.starrocks.routes[1].sourceTable", "routed more than once"),
        Arguments.of("spec.sink.starrocks.routes", List.of(Map.of("sourceTable", "public.a", "targetTable", "bad-name")), "spec.sink.starrocks.routes[0].targetTable", "letters a-z and A-Z, digits and '_'"),
        Arguments.of("spec.sink.starrocks.routes", List.of(Map.of("sourceTable", "public.a", "targetTable", "orders"), Map.of("sourceTable", "public.b", "targetTable", "Orders")), "spec.sink.starrocks.routes[1].targetTable", "tables [public.a, public.b] would write StarRocks tables [orders, Orders]"),
        Arguments.of("spec.job.parallelism", 100000, "spec.job.parallelism", "100000 is above this operator's limit of 64 (operator setting maxParallelism: Helm value maxParallelism, env CDC_MAX_PARALLELISM"),
        Arguments.of("spec.job.parallelism", 65, "spec.job.parallelism", "above this operator's limit of 64"),
        Arguments.of("spec.job.flinkConfiguration", Map.of("pipeline.max-parallelism", "40000"), "spec.job.flinkConfiguration.pipeline.max-parallelism", "outside 1-32768"),
        Arguments.of("spec.job.flinkConfiguration", Map.of("pipeline.max-parallelism", "lots"), "spec.job.flinkConfiguration.pipeline.max-parallelism", "not a whole number"),
        Arguments.of("spec.sink.starrocks.flushInterval", "50ms", "spec.sink.starrocks.flushInterval", "at least 100ms"),
        Arguments.of("spec.sink.starrocks.flushInterval", "5 mins", "spec.sink.starrocks.flushInterval", "at least 100ms"),
        Arguments.of("spec.sink.starrocks.properties", Map.of("columns", "a,b"), "spec.sink.starrocks.properties.columns", "set by the pipeline itself"),
        Arguments.of("spec.job.parallelism", 0, "spec.job.parallelism", "at least 1"),
        Arguments.of("spec.job.checkpointInterval", "500ms", "spec.job.checkpointInterval", "at least 1s"),
        Arguments.of("spec.job.stateDir", null, "spec.job.stateDir", "required with upgradeMode savepoint"),
        Arguments.of("spec.job.jobManager", Map.of("memory", "lots"), "spec.job.jobManager.memory", "not a memory size"),
        Arguments.of("spec.job.taskManager", Map.of("memory", "2GB!"), "spec.job.taskManager.memory", "not a memory size"),
        Arguments.of("spec.job.taskManager", Map.of("taskSlots", 0), "spec.job.taskManager.taskSlots", "at least 1"),
        Arguments.of("spec.job.flinkConfiguration", Map.of("state.checkpoints.dir", "s3://x"), "spec.job.flinkConfiguration.state.checkpoints.dir", "set from spec.job.stateDir"),
        Arguments.of("spec.transforms", List.of(Map.of("tables", List.of("public.a"), "filter", "id = 1; DROP TABLE x")), "spec.transforms[0].filter", "holds a ';'"),
        Arguments.of("spec.transforms", List.of(Map.of("tables", List.of("public.a"), "filter", "id > 0 -- x")), "spec.transforms[0].filter", "holds a comment"),
        Arguments.of("spec.transforms", List.of(Map.of("tables", List.of("public.a"), "route", Map.of("targetTable", "orders", "sourceTableColumn", "source table"))), "spec.transforms[0].route.sourceTableColumn", "contains a space"),
        Arguments.of("spec.transforms", List.of(Map.of("tables", List.of("public.a"), "route", Map.of("targetTable", "order-lines"))), "spec.transforms[0].route.targetTable", "contains '-'"),
        Arguments.of("spec.transforms", List.of(Map.of("tables", List.of())), "spec.transforms[0].tables", "at least one table"),
        Arguments.of("spec.transforms", List.of(Map.of("tables", List.of("orders"))), "spec.transforms[0].tables[0]", "schema-qualified"),
        Arguments.of("spec.transforms", List.of(Map.of("tables", List.of("public.(x"))), "spec.transforms[0].tables[0]", "not a valid regular expression"),
        Arguments.of("spec.transforms", List.of(Map.of("tables", List.of("public.a"), "columns",
            Map.of("include", List.of("id"), "exclude", List.of("ssn")))), "spec.transforms[0].columns", "include or exclude, not both"),
        Arguments.of("spec.transforms", List.of(Map.of("tables", List.of("public.a"), "columns",
            Map.of("exclude", List.of("ssn", "ssn")))), "spec.transforms[0].columns.exclude[1]", "'ssn' is listed twice"),
        Arguments.of("spec.transforms", List.of(Map.of("tables", List.of("public.a"), "columns",
            Map.of("rename", List.of(Map.of("from", "Full Name", "to", "full name"))))), "spec.transforms[0].columns.rename[0].to", "contains a space"),
        Arguments.of("spec.transforms", List.of(Map.of("tables", List.of("public.a"), "columns",
            Map.of("rename", List.of(Map.of("from", "x", "to", "__op"))))), "spec.transforms[0].columns.rename[0].to", "reserved by StarRocks"),
        Arguments.of("spec.transforms", List.of(Map.of("tables", List.of("public.a"), "columns",
            Map.of("rename", List.of(Map.of("from", "a", "to", "b"), Map.of("from", "a", "to", "c"))))), "spec.transforms[0].columns.rename[1].from", "renamed more than once"),
        Arguments.of("spec.transforms", List.of(Map.of("tables", List.of("public.a"), "columns",
            Map.of("rename", List.of(Map.of("from", "a", "to", "b"), Map.of("from", "c", "to", "B"))))), "spec.transforms[0].columns.rename[1].to", "'c' and 'a' are both renamed to 'B'"));
  }

  @Test
  void parallelismUpToTheLimitAndWithinFlinksMaxParallelismIsValid() {
    assertThat(validator.validate(TestPipelines.with(TestPipelines.minimal(), "spec.job.parallelism", 64))).isEmpty();
    assertThat(validator.validate(TestPipelines.with(TestPipelines.minimal(), "spec.job.flinkConfiguration",
        Map.of("pipeline.max-parallelism", "-1")))).isEmpty();
    CdcPipeline aboveMax = TestPipelines.with(TestPipelines.with(TestPipelines.minimal(), "spec.job.parallelism", 8),
        "spec.job.flinkConfiguration", Map.of("pipeline.max-parallelism", "4"));
    assertThat(validator.validate(aboveMax)).singleElement().satisfies(v -> {
      assertThat(v.field()).isEqualTo("spec.job.flinkConfiguration.pipeline.max-parallelism");
      assertThat(v.message()).isEqualTo("4 is below spec.job.parallelism 8: Flink refuses a parallelism above the max parallelism");
    });
  }

  @Test
  void routeTargetsAreRefusedWithTheJobsOwnWords() {
    CdcPipeline p = TestPipelines.with(TestPipelines.minimal(), "spec.sink.starrocks.routes",
        List.of(Map.of("sourceTable", "public.a", "targetTable", "orders"), Map.of("sourceTable", "public.b", "targetTable", "orders"),
            Map.of("sourceTable", "public.c", "targetTable", "Order Items")));
    dev.pipelines.cdc.config.names.TargetNamePlan job = dev.pipelines.cdc.config.names.TargetNames.plan(List.of(
        new dev.pipelines.cdc.config.names.SourceTableNames("public.a", "a", List.of()),
        new dev.pipelines.cdc.config.names.SourceTableNames("public.b", "b", List.of()),
        new dev.pipelines.cdc.config.names.SourceTableNames("public.c", "c", List.of())),
        List.of(new dev.pipelines.cdc.config.TableRoute("public.a", "orders"),
            new dev.pipelines.cdc.config.TableRoute("public.b", "orders"),
            new dev.pipelines.cdc.config.TableRoute("public.c", "Order Items")));

    assertThat(validator.validate(p)).extracting(Violation::message).containsExactlyInAnyOrderElementsOf(job.problems());
    assertThat(validator.validate(p)).extracting(Violation::field)
        .containsExactly("spec.sink.starrocks.routes[2].targetTable", "spec.sink.starrocks.routes[1].targetTable");
  }

  /** The job's rule (TargetNames.databaseProblem, called by PipelinePlan before any DDL), not a pattern of its own. */
  @ParameterizedTest
  @ValueSource(strings = {"1db", "my-db", "_", "__x", "information_schema"})
  void sinkDatabaseIsRefusedWithTheJobsOwnWords(String database) {
    CdcPipeline p = TestPipelines.with(TestPipelines.minimal(), "spec.sink.starrocks.database", database);

    assertThat(validator.validate(p)).singleElement().satisfies(v -> {
      assertThat(v.field()).isEqualTo("spec.sink.starrocks.database");
      assertThat(v.message()).isEqualTo(dev.pipelines.cdc.config.names.TargetNames.databaseProblem(database).orElseThrow());
    });
  }

  /** Names StarRocks takes that the operator's older pattern (a letter first, at most 64) refused while the job took them. */
  @ParameterizedTest
  @ValueSource(strings = {"_analytics", "a_65_character_name_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
  void sinkDatabasesStarRocksTakesAreValid(String database) {
    assertThat(validator.validate(TestPipelines.with(TestPipelines.minimal(), "spec.sink.starrocks.database", database)))
        .isEmpty();
  }

  @ParameterizedTest(name = "{0} = {1} → {2}")
  @MethodSource("rules")
  void eachRuleNamesItsFieldWithAnActionableMessage(String path, Object value, String field, String message) {
    CdcPipeline pipeline = path.equals("metadata.name")
        ? renamed((String) value)
        : TestPipelines.with(TestPipelines.minimal(), path, value);

    List<Violation> violations = validator.validate(pipeline);

    assertThat(violations).singleElement().satisfies(v -> {
      assertThat(v.field()).isEqualTo(field);
      assertThat(v.message()).contains(message);
    });
  }

  @Test
  void subSecondFlushIsAtLeastOnceOnly() {
    CdcPipeline lowLatency = TestPipelines.with(TestPipelines.minimal(), "spec.sink.starrocks.flushInterval", "200ms");
    assertThat(validator.validate(lowLatency)).isEmpty();

    CdcPipeline exactlyOnce = TestPipelines.with(lowLatency, "spec.sink.starrocks.semantic", "exactly-once");
    assertThat(validator.validate(exactlyOnce)).singleElement().satisfies(v -> {
      assertThat(v.field()).isEqualTo("spec.sink.starrocks.flushInterval");
      assertThat(v.message()).contains("only at-least-once supports").contains("spec.job.checkpointInterval");
    });
  }

  @Test
  void statelessNeedsNoStateDir() {
    CdcPipeline stateless = TestPipelines.with(
        TestPipelines.with(TestPipelines.minimal(), "spec.job.stateDir", null), "spec.job.upgradeMode", "stateless");

    assertThat(validator.validate(stateless)).isEmpty();
  }

  @Test
  void reportsEveryViolationAtOnce() {
    CdcPipeline bad = TestPipelines.with(
        TestPipelines.with(TestPipelines.minimal(), "spec.source.postgres.port", 0), "spec.job.parallelism", 0);

    assertThat(validator.validate(bad)).extracting(Violation::field)
        .containsExactly("spec.source.postgres.port", "spec.job.parallelism");
  }

  @Test
  void missingSourceIsReportedNotThrown() {
    CdcPipeline noSource = TestPipelines.with(TestPipelines.minimal(), "spec.source", null);

    assertThat(validator.validate(noSource)).extracting(Violation::field).containsExactly("spec.source.postgres");
  }

  private static CdcPipeline renamed(String name) {
    CdcPipeline p = TestPipelines.minimal();
    p.getMetadata().setName(name);
    return p;
  }
}
