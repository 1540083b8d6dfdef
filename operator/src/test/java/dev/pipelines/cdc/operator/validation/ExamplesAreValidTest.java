package dev.pipelines.cdc.operator.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.operator.TestOperatorSettings;
import dev.pipelines.cdc.operator.testkit.TestPipelines;
import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every CdcPipeline in {@code examples/} passes the operator's validation, so the docs stay true. */
class ExamplesAreValidTest {

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("../examples"))) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void examplePipelinesAreValid(Path file) throws IOException {
    List<HasMetadata> objects;
    try (InputStream in = Files.newInputStream(file)) {
      // One document comes back as itself, several as a list.
      Object read = Serialization.unmarshal(in);
      objects = read instanceof List<?> list ? list.stream().map(HasMetadata.class::cast).toList()
          : List.of((HasMetadata) read);
    }
    // Unregistered kinds come back as generic resources; convert the CdcPipelines.
    List<CdcPipeline> pipelines = objects.stream()
        .filter(o -> "CdcPipeline".equals(o.getKind()))
        .map(o -> Serialization.jsonMapper().convertValue(o, CdcPipeline.class))
        .toList();

    assertThat(pipelines).as("CdcPipelines in %s", file).isNotEmpty();
    for (CdcPipeline p : pipelines) {
      p.getMetadata().setNamespace("data");
      assertThat(new CdcPipelineValidator(TestOperatorSettings.settings()).validate(p)).as(file.toString()).isEmpty();
    }
  }
}
