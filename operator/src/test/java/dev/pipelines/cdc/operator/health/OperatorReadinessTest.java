package dev.pipelines.cdc.operator.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.operator.TestOperatorSettings;
import dev.pipelines.cdc.operator.CdcPipelineOperator;
import dev.pipelines.cdc.operator.FakeDatabases;
import dev.pipelines.cdc.operator.testkit.TestPipelines;
import dev.pipelines.cdc.operator.metrics.SlotMetrics;
import io.javaoperatorsdk.operator.Operator;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class OperatorReadinessTest {
  @Test
  void notReadyBeforeTheOperatorStarts() {
    // Built but never started: nothing is contacted, so no cluster is needed.
    Operator operator = CdcPipelineOperator.create(TestOperatorSettings.settings(), Clock.systemUTC(),
        FakeDatabases.allReady(), new SlotMetrics(), o -> {});

    assertThat(new OperatorReadiness(operator.getRuntimeInfo()).notReadyReason()).hasValueSatisfying(
        reason -> assertThat(reason).startsWith("operator not started"));
  }
}
