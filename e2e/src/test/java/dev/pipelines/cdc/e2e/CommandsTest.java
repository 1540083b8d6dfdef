package dev.pipelines.cdc.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandsTest {
  @TempDir
  Path dir;

  @Test
  void outputOfBothStreamsAndTheExitCodeAreKeptAndLogged() throws IOException {
    Path log = dir.resolve("logs/run.log");
    CommandResult result = Commands.run(List.of("sh", "-c", "echo out; echo err >&2; echo $GREETING; exit 4"),
        dir, Map.of("GREETING", "hello"), Duration.ofSeconds(30), Optional.of(log));
    assertThat(result.exitCode()).isEqualTo(4);
    assertThat(result.succeeded()).isFalse();
    assertThat(result.output()).contains("out\n", "err\n", "hello\n");
    assertThat(Files.readString(log)).isEqualTo(result.output());
    assertThat(result.describe()).isEqualTo("`sh -c echo out; echo err >&2; echo $GREETING; exit 4` exited with 4");
  }

  @Test
  void aCommandThatOutlivesItsTimeoutIsKilled() throws IOException {
    long start = System.nanoTime();
    CommandResult result = Commands.run(List.of("sh", "-c", "echo started; sleep 30"),
        dir, Map.of(), Duration.ofMillis(500), Optional.empty());
    assertThat(result.timedOut()).isTrue();
    assertThat(result.succeeded()).isFalse();
    assertThat(result.output()).contains("started");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    assertThat(result.describe()).contains("timed out after PT0.5S");
  }

  @Test
  void tailKeepsTheLastLines() throws IOException {
    CommandResult result = Commands.run(List.of("sh", "-c", "for i in 1 2 3 4 5; do echo line$i; done"),
        dir, Map.of(), Duration.ofSeconds(30), Optional.empty());
    assertThat(result.tail(2)).isEqualTo("line4\nline5");
  }

  @Test
  void aProgramThatDoesNotExistCannotStart() {
    assertThatThrownBy(() -> Commands.run(List.of("no-such-program-here"), dir, Map.of(), Duration.ofSeconds(5), Optional.empty()))
        .isInstanceOf(IOException.class);
  }
}
