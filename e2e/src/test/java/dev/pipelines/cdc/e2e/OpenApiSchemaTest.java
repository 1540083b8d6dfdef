package dev.pipelines.cdc.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import java.io.IOException;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The schema check finds each kind of mistake the API server would reject, against the real CRD. */
class OpenApiSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static OpenApiSchema schema;

  private static final String VALID = """
      {"spec": {
        "source": {"postgres": {"host": "pg", "database": "shop", "credentialsSecret": {"name": "pg-cdc"},
                                "tables": ["public.orders"]}},
        "sink": {"starrocks": {"jdbcUrl": "jdbc:mysql://fe:9030", "loadUrls": ["fe:8030"], "database": "shop",
                               "credentialsSecret": {"name": "sr"}}},
        "job": {"flinkConfiguration": {"any.key": "value"}, "jobManager": {"cpu": 0.5}}}}
      """;

  @BeforeAll
  static void load() throws IOException {
    schema = OpenApiSchema.ofCrd(RepoPaths.locate().crd(), CdcPipeline.VERSION);
  }

  @Test
  void aValidSpecHasNoViolations() throws IOException {
    assertThat(schema.violationsOfSpec(JSON.readTree(VALID))).isEmpty();
  }

  @Test
  void unknownFieldIsReported() throws IOException {
    assertThat(violations(spec -> postgres(spec).put("hostname", "pg")))
        .containsExactly("spec.source.postgres.hostname: unknown field");
  }

  @Test
  void missingRequiredFieldIsReported() throws IOException {
    assertThat(violations(spec -> postgres(spec).remove("database")))
        .containsExactly("spec.source.postgres.database: is required");
  }

  @Test
  void wrongTypeIsReported() throws IOException {
    assertThat(violations(spec -> postgres(spec).put("port", "5432")))
        .singleElement().asString().startsWith("spec.source.postgres.port: must be an integer");
    assertThat(violations(spec -> postgres(spec).put("tables", "public.orders")))
        .singleElement().asString().startsWith("spec.source.postgres.tables: must be a list");
  }

  @Test
  void valueOutsideAnEnumIsReported() throws IOException {
    assertThat(violations(spec -> postgres(spec).put("startupMode", "earliest")))
        .singleElement().asString().contains("\"earliest\" is not one of");
  }

  @Test
  void patternAndBoundsAreChecked() throws IOException {
    assertThat(violations(spec -> postgres(spec).put("slotName", "Not-A-Slot")))
        .singleElement().asString().startsWith("spec.source.postgres.slotName: 'Not-A-Slot' does not match");
    assertThat(violations(spec -> postgres(spec).put("port", 70000)))
        .singleElement().asString().contains("above the maximum");
    assertThat(violations(spec -> ((ObjectNode) spec.path("job").path("jobManager")).put("cpu", 0.01)))
        .singleElement().asString().contains("below the minimum");
  }

  @Test
  void mapValuesAreCheckedAgainstAdditionalProperties() throws IOException {
    assertThat(violations(spec -> ((ObjectNode) spec.path("job").path("flinkConfiguration")).put("parallelism", 2)))
        .singleElement().asString().startsWith("spec.job.flinkConfiguration.parallelism: must be a string");
  }

  @Test
  void missingSpecIsReported() {
    assertThat(schema.violationsOfSpec(JSON.createObjectNode())).containsExactly("spec: is required");
  }

  private static ObjectNode postgres(ObjectNode spec) {
    return (ObjectNode) spec.path("source").path("postgres");
  }

  private static java.util.List<String> violations(Consumer<ObjectNode> change) throws IOException {
    JsonNode resource = JSON.readTree(VALID);
    change.accept((ObjectNode) resource.get("spec"));
    return schema.violationsOfSpec(resource);
  }
}
