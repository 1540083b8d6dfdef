package dev.pipelines.cdc.operator.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.config.PipelineConfigCodec;
import dev.pipelines.cdc.config.transform.ColumnRename;
import dev.pipelines.cdc.config.transform.ColumnTransform;
import dev.pipelines.cdc.config.transform.TableMerge;
import dev.pipelines.cdc.config.transform.TableTransform;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which changes of spec.transforms a running pipeline takes: none that would leave StarRocks holding rows of two transforms. */
class TransformChangeTest {
  private static final TableTransform CUSTOMERS = new TableTransform(List.of("crm.customers"),
      new ColumnTransform(List.of(), List.of("ssn"), List.of(new ColumnRename("Full Name", "full_name"))));

  @Test
  void aFirstDeploymentAndAnUnchangedOneAreTaken() {
    assertThat(TransformChange.of(Optional.empty(), List.of(CUSTOMERS))).isEmpty();
    assertThat(TransformChange.of(Optional.of(running(List.of(CUSTOMERS))), List.of(CUSTOMERS))).isEmpty();
    assertThat(TransformChange.of(Optional.of(withoutAnnotation()), List.of())).as("written before transforms").isEmpty();
  }

  @Test
  void leavingMoreColumnsOutIsTaken() {
    TableTransform moreExcluded = new TableTransform(List.of("crm.customers"), new ColumnTransform(List.of(),
        List.of("ssn", "email"), CUSTOMERS.columns().rename()));

    assertThat(TransformChange.of(Optional.of(running(List.of(CUSTOMERS))), List.of(moreExcluded))).isEmpty();
  }

  @Test
  void everyOtherChangeIsRefusedSayingWhatTheJobRunsWithAndHowToApplyIt() {
    List<List<TableTransform>> changes = List.of(
        List.of(),
        List.of(new TableTransform(List.of("crm.customers"), new ColumnTransform(List.of(), List.of(),
            CUSTOMERS.columns().rename()))),
        List.of(new TableTransform(List.of("crm.customers"), new ColumnTransform(List.of(), List.of("ssn"),
            List.of(new ColumnRename("Full Name", "name"))))),
        List.of(new TableTransform(List.of("crm.customers"), CUSTOMERS.columns(), "id > 10")),
        List.of(new TableTransform(List.of("crm.customers"), CUSTOMERS.columns(), "", new TableMerge("people", ""))),
        List.of(CUSTOMERS, new TableTransform(List.of("crm.orders"), ColumnTransform.NONE, "id > 0")));

    for (List<TableTransform> changed : changes) {
      assertThat(TransformChange.of(Optional.of(running(List.of(CUSTOMERS))), changed)).as("%s", changed)
          .hasValueSatisfying(v -> {
            assertThat(v.field()).isEqualTo("spec.transforms");
            assertThat(v.message()).startsWith("changed since the job started with "
                + PipelineConfigCodec.writeTransforms(List.of(CUSTOMERS)) + " (annotation cdc.pipelines.dev/transforms of"
                + " ConfigMap orders-pipeline-config)")
                .contains("restore spec.transforms, or, to load the tables under the new transforms, delete this"
                    + " CdcPipeline and the StarRocks tables concerned and create it again");
          });
    }
    assertThat(TransformChange.of(Optional.of(withoutAnnotation()), List.of(CUSTOMERS))).isPresent();
  }

  private static ConfigMap running(List<TableTransform> transforms) {
    return new ConfigMapBuilder().withNewMetadata().withName("orders-pipeline-config")
        .withAnnotations(Map.of(TransformChange.ANNOTATION, PipelineConfigCodec.writeTransforms(transforms)))
        .endMetadata().build();
  }

  private static ConfigMap withoutAnnotation() {
    return new ConfigMapBuilder().withNewMetadata().withName("orders-pipeline-config").endMetadata().build();
  }
}
