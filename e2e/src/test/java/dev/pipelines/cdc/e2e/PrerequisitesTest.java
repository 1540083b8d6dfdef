package dev.pipelines.cdc.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the suite reads hack/kind-up.sh --check: run, skip with the reason, or fail on a broken check. */
class PrerequisitesTest {
  @Test
  void exitZeroMeansTheSuiteRuns() {
    Prerequisites p = Prerequisites.from(result(0, "kind-up: prerequisites present\n", false));
    assertThat(p.present()).isTrue();
    assertThat(p.message()).isEqualTo("kind-up: prerequisites present");
  }

  @Test
  void exitThreeMeansSkippedWithTheScriptsMessage() {
    Prerequisites p = Prerequisites.from(result(3, "kind-up: cannot start: missing on PATH: kind helm\n", false));
    assertThat(p.present()).isFalse();
    assertThat(p.message()).isEqualTo("kind E2E skipped: kind-up: cannot start: missing on PATH: kind helm");
  }

  @Test
  void anyOtherExitIsABrokenCheckNotASkip() {
    assertThatThrownBy(() -> Prerequisites.from(result(127, "hack/lib/kind-common.sh: No such file\n", false)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("exited with 127").hasMessageContaining("No such file");
  }

  @Test
  void aHangingCheckIsBrokenToo() {
    assertThatThrownBy(() -> Prerequisites.from(result(-1, "", true)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("timed out");
  }

  private static CommandResult result(int exit, String output, boolean timedOut) {
    return new CommandResult(List.of("bash", "hack/kind-up.sh", "--check"), exit, output, timedOut, Duration.ofMinutes(1));
  }
}
