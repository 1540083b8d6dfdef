package dev.pipelines.cdc.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import dev.pipelines.cdc.operator.config.OperatorSettings;
import dev.pipelines.cdc.operator.validation.CdcPipelineValidator;
import dev.pipelines.cdc.operator.validation.Violation;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The malformed manifests, checked without a server: enough of them, each its own pipeline, and
 * those the operator must refuse are refused by its validator with the stated message (so the IT
 * tests the API server and the operator's wiring, not a message that drifted).
 */
class InvalidManifestsTest {
  static List<InvalidManifest> byOperator() {
    return InvalidManifest.all().stream().filter(m -> m.rejectedBy() == InvalidManifest.RejectedBy.OPERATOR).toList();
  }

  @Test
  void atLeastTwentyEachWithItsOwnName() {
    List<InvalidManifest> all = InvalidManifest.all();

    assertThat(all).hasSizeGreaterThanOrEqualTo(20);
    assertThat(all).extracting(InvalidManifest::name).doesNotHaveDuplicates();
    assertThat(all).extracting(InvalidManifest::rejectedBy).contains(InvalidManifest.RejectedBy.values());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("byOperator")
  void theValidatorReportsTheStatedMessage(InvalidManifest manifest) {
    CdcPipeline pipeline = Serialization.unmarshal(manifest.yaml(), CdcPipeline.class);

    List<Violation> violations = new CdcPipelineValidator(OperatorSettings.fromEnv(Map.of())).validate(pipeline);

    assertThat(violations.stream().map(Violation::toString).collect(Collectors.joining("; ")))
        .contains(manifest.message());
  }
}
