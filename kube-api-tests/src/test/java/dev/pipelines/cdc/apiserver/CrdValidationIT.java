package dev.pipelines.cdc.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.pipelines.cdc.operator.testkit.TestPipelines;
import dev.pipelines.cdc.operator.api.v1alpha1.Condition;
import dev.pipelines.cdc.operator.api.v1alpha1.Phase;
import dev.pipelines.cdc.operator.status.ConditionTypes;
import dev.pipelines.cdc.operator.status.Reasons;
import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.FieldValidateable;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every malformed manifest under {@code invalid/} is refused with its own message: by the real API
 * server (CRD schema, CEL) before the operator sees it, or by the operator's validator in the
 * SpecValid condition. Afterwards the operator still reconciles a valid pipeline: nothing crashed it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrdValidationIT {
  private static final String NAMESPACE = "validation";

  @RegisterExtension
  static final RealCluster cluster = new RealCluster().withNamespaces(NAMESPACE).withoutGarbageCollection();

  private final Pipelines pipelines = new Pipelines(cluster.admin(), NAMESPACE);

  static List<InvalidManifest> manifests() {
    return InvalidManifest.all();
  }

  @Order(1)
  @ParameterizedTest(name = "{0}")
  @MethodSource("manifests")
  void refusedWithItsMessage(InvalidManifest manifest) {
    switch (manifest.rejectedBy()) {
      case API_SERVER -> assertThatThrownBy(() -> cluster.admin().resource(manifest.resource(NAMESPACE)).create())
          .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
            assertThat(e.getCode()).as("HTTP status").isEqualTo(422);
            assertThat(e.getStatus().getMessage()).contains(manifest.message());
          });
      case OPERATOR -> {
        cluster.admin().resource(manifest.resource(NAMESPACE)).create();
        String name = manifest.name();
        await().atMost(Pipelines.TIMEOUT).untilAsserted(() -> {
          Condition valid = pipelines.condition(name, ConditionTypes.SPEC_VALID);
          assertThat(valid.status()).isEqualTo("False");
          assertThat(valid.reason()).isEqualTo(Reasons.INVALID_SPEC);
          assertThat(valid.message()).contains(manifest.message());
          assertThat(pipelines.condition(name, ConditionTypes.READY).reason()).isEqualTo(Reasons.INVALID_SPEC);
          assertThat(pipelines.get(name).getStatus().phase()).isEqualTo(Phase.Invalid);
        });
        assertThat(pipelines.flinkDeployment(name)).as("FlinkDeployment of an invalid pipeline").isNull();
      }
    }
  }

  /**
   * Not a refusal: an unknown (misspelt) field is pruned by the structural schema. kubectl asks for
   * strict field validation and would refuse it; a client that does not ask (fabric8, most
   * operators and GitOps tools) gets only a warning, and the pipeline silently runs with the default.
   */
  @Order(2)
  @Test
  void aMisspeltFieldIsDroppedNotRefused() {
    cluster.admin().resource(withTypo("typo")).create();

    CdcPipeline stored = pipelines.get("typo");
    assertThat(Serialization.asJson(stored.getSpec())).doesNotContain("paralelism");
    assertThat(stored.getSpec().job().parallelism()).isEqualTo(1);
  }

  /** As kubectl applies (strict field validation): the misspelt field is refused, naming it. */
  @Order(2)
  @Test
  void aMisspeltFieldIsRefusedWithStrictFieldValidation() {
    assertThatThrownBy(() -> cluster.admin().resource(withTypo("typo-strict")).dryRun()
        .fieldValidation(FieldValidateable.Validation.STRICT).create())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
          assertThat(e.getCode()).as("HTTP status").isEqualTo(400);
          assertThat(e.getStatus().getMessage()).contains("unknown field \"spec.job.paralelism\"");
        });
  }

  /**
   * Every manifest the repository ships (examples/, deploy/kind/pipeline.yaml: CdcPipelines and their Secrets) is
   * accepted as written, as kubectl applies it: the user's YAML (not the typed model, which would drop unknown fields
   * and write every default), strict field validation, server-side dry run (nothing stored, the operator sees none).
   * This replaced e2e's hand-written schema check (OpenApiSchema), which re-implemented the API server's.
   */
  @Order(2)
  @ParameterizedTest(name = "{0}")
  @MethodSource("shippedManifests")
  void everyShippedManifestIsAcceptedAsWritten(String file) throws IOException {
    List<JsonNode> documents = new YAMLMapper().readerFor(JsonNode.class)
        .<JsonNode>readValues(Path.of(KubeApiAssumptions.requiredProperty("repo.dir"), file).toFile()).readAll();
    assertThat(documents).isNotEmpty();
    for (JsonNode document : documents) {
      GenericKubernetesResource resource = Serialization.jsonMapper().convertValue(document, GenericKubernetesResource.class);
      resource.getMetadata().setNamespace(NAMESPACE);
      assertThatCode(() -> cluster.admin().resource(resource).dryRun()
          .fieldValidation(FieldValidateable.Validation.STRICT).create())
          .as("%s: %s %s", file, resource.getKind(), resource.getMetadata().getName()).doesNotThrowAnyException();
    }
  }

  static List<String> shippedManifests() {
    // Every example, whatever its name: a new one is covered without being listed here.
    List<String> files = new java.util.ArrayList<>();
    try (java.util.stream.Stream<Path> examples = java.nio.file.Files.list(
        Path.of(KubeApiAssumptions.requiredProperty("repo.dir"), "examples"))) {
      examples.map(f -> "examples/" + f.getFileName()).filter(f -> f.endsWith(".yaml")).sorted().forEach(files::add);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    files.add("deploy/kind/pipeline.yaml");
    return files;
  }

  @Order(3)
  @Test
  void theOperatorStillReconcilesAValidPipeline() {
    pipelines.createSecrets();
    pipelines.submit(TestPipelines.minimal());

    pipelines.awaitFlinkDeployment(TestPipelines.NAME);
    assertThat(cluster.operator().getRuntimeInfo().allEventSourcesAreHealthy()).isTrue();
  }

  /** The minimal pipeline as its user wrote it (not the typed model), with {@code spec.job.paralelism} misspelt. */
  @SuppressWarnings("unchecked")
  private static GenericKubernetesResource withTypo(String name) {
    GenericKubernetesResource typo = Serialization.unmarshal(
        TestPipelines.class.getResourceAsStream("/pipelines/minimal.yaml"), GenericKubernetesResource.class);
    typo.getMetadata().setName(name);
    typo.getMetadata().setNamespace(NAMESPACE);
    typo.getMetadata().setUid(null);
    typo.getMetadata().setGeneration(null);
    ((Map<String, Object>) ((Map<String, Object>) typo.getAdditionalProperties().get("spec")).get("job"))
        .put("paralelism", 3);
    return typo;
  }
}
