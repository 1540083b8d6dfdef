package dev.pipelines.cdc.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.operator.testkit.TestPipelines;
import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import dev.pipelines.cdc.operator.database.PostgresTarget;
import dev.pipelines.cdc.operator.database.SourceSelection;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TargetsTest {
  @Test
  void credentialsComeFromDataOrStringDataAndNeverShowInToString() {
    Secret data = new SecretBuilder().addToData("username", b64("cdc")).addToData("password", b64("s3cret\n")).build();
    Secret plain = new SecretBuilder().withStringData(Map.of("username", "cdc", "password", "s3cret")).build();

    PostgresTarget fromData = Targets.source(TestPipelines.minimal(), name -> Optional.of(data)).orElseThrow();
    PostgresTarget fromPlain = Targets.source(TestPipelines.minimal(), name -> Optional.of(plain)).orElseThrow();

    assertThat(fromData.password()).as("exactly what the job's secretKeyRef gets").isEqualTo("s3cret\n");
    assertThat(fromPlain.password()).isEqualTo("s3cret");
    assertThat(fromData.user()).isEqualTo("cdc");
    assertThat(fromData.toString()).isEqualTo("PostgresTarget[cdc@pg.data.svc:5432/shop]").doesNotContain("s3cret");
    assertThat(Targets.sink(TestPipelines.minimal(), name -> Optional.of(plain)).orElseThrow().toString())
        .doesNotContain("s3cret");
  }

  @Test
  void missingSecretOrKeyGivesNoTarget() {
    Secret noPassword = new SecretBuilder().withStringData(Map.of("username", "cdc")).build();

    assertThat(Targets.source(TestPipelines.minimal(), name -> Optional.empty())).isEmpty();
    assertThat(Targets.source(TestPipelines.minimal(), name -> Optional.of(noPassword))).isEmpty();
  }

  @Test
  void selectionNamesThePipelinesSlotAndPublication() {
    SourceSelection s = Targets.selection(TestPipelines.with(TestPipelines.minimal(), "spec.job.parallelism", 3));

    assertThat(s.slotName()).isEqualTo("cdc_data_orders");
    assertThat(s.publicationName()).isEqualTo("cdc_data_orders");
  }

  private static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
