package dev.pipelines.cdc.job.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LocalRunArgumentsTest {

  @Test
  void configAndStateDirAreRequiredAndMadeAbsolute() throws Exception {
    LocalRunArguments a = LocalRunArguments.parse("--config", "p.json", "--state-dir", "state/x");
    assertThat(a.configFile()).isEqualTo(Path.of("p.json").toAbsolutePath());
    assertThat(a.stateDir()).isEqualTo(Path.of("state/x").toAbsolutePath());
    assertThat(a.checkpointsDir()).isEqualTo(Path.of("state/x/checkpoints").toAbsolutePath());
    assertThat(a.parallelism()).isEmpty();
    assertThat(a.checkpointInterval()).isEmpty();
    assertThat(a.dryRun()).isFalse();

    assertThatThrownBy(() -> LocalRunArguments.parse("--config", "p.json"))
        .hasMessageContaining("--state-dir is required");
    assertThatThrownBy(() -> LocalRunArguments.parse("--state-dir", "s")).hasMessageContaining("--config is required");
  }

  @Test
  void optionalSettings() throws Exception {
    LocalRunArguments a = LocalRunArguments.parse("--state-dir", "s", "--parallelism", "3", "--checkpoint-interval",
        "500ms", "--config", "p.json", "--dry-run");
    assertThat(a.parallelism()).hasValue(3);
    assertThat(a.checkpointInterval()).contains(Duration.ofMillis(500));
    assertThat(a.dryRun()).isTrue();
  }

  @Test
  void badValuesSayWhatIsExpected() {
    assertThatThrownBy(() -> LocalRunArguments.parse("--config", "p", "--state-dir", "s", "--parallelism", "0"))
        .hasMessageContaining("--parallelism must be a positive whole number, got 0");
    assertThatThrownBy(() -> LocalRunArguments.parse("--config", "p", "--state-dir", "s", "--checkpoint-interval",
        "soon")).hasMessageContaining("--checkpoint-interval must be a duration such as 500ms");
    assertThatThrownBy(() -> LocalRunArguments.parse("--config", "--state-dir", "s"))
        .hasMessageContaining("--config needs a value");
    assertThatThrownBy(() -> LocalRunArguments.parse("--config", "p", "--state-dir", "s", "--savepoint", "x"))
        .hasMessageContaining("unknown argument --savepoint");
  }

  @Test
  void helpIsNotAnError() {
    assertThatThrownBy(() -> LocalRunArguments.parse("--help")).isInstanceOf(LocalRunArguments.HelpRequested.class)
        .hasMessageContaining("usage: hack/run-job-local.sh --config");
  }
}
