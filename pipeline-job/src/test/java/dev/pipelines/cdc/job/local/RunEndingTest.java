package dev.pipelines.cdc.job.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.config.JobStopReason;
import dev.pipelines.cdc.config.PostgresSourceConfig;
import dev.pipelines.cdc.config.StartupMode;
import dev.pipelines.cdc.job.failure.PipelineStop;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.flink.runtime.client.JobExecutionException;
import org.apache.flink.runtime.JobException;
import org.apache.flink.api.common.JobID;
import org.junit.jupiter.api.Test;

class RunEndingTest {
  static final PostgresSourceConfig SOURCE = new PostgresSourceConfig("localhost", 5432, "shop", List.of("s\\..*"),
      List.of(), "it's_slot", "pub\"lic", StartupMode.INITIAL, 1000);

  private static LocalRunArguments args(String state) throws Exception {
    return LocalRunArguments.parse("--config", "/p/pipeline.json", "--state-dir", state);
  }

  @Test
  void aStopRequestIsAStopWhateverTheJobSays() {
    assertThat(RunEnding.of(new JobExecutionException(new JobID(), "cancelled"), true).how())
        .isEqualTo(RunEnding.How.STOPPED);
  }

  @Test
  void theJobsOwnStopIsFoundUnderFlinksWrapping() {
    Throwable wrapped = new JobExecutionException(new JobID(), "Job execution failed.",
        new JobException("Recovery is suppressed by NoRestartBackoffTimeStrategy",
            PipelineStop.stop(JobStopReason.SCHEMA_CHANGED, "table s.t changed while the job ran: new columns [c]",
                null)));
    RunEnding end = RunEnding.of(wrapped, false);
    assertThat(end.how()).isEqualTo(RunEnding.How.STOP_REASON);
    assertThat(end.message()).isEqualTo("[SchemaChanged] table s.t changed while the job ran: new columns [c]");
  }

  @Test
  void anyOtherFailureNamesItsRootCause() {
    RunEnding end = RunEnding.of(new RuntimeException("outer", new IllegalStateException("connection refused")),
        false);
    assertThat(end.how()).isEqualTo(RunEnding.How.FAILED);
    assertThat(end.message()).isEqualTo("IllegalStateException: connection refused");
  }

  @Test
  void theReportSaysHowToResumeAndGivesQuotedDropStatements() throws Exception {
    Path chk = Path.of("/state/x/checkpoints/abc/chk-7");
    RunEnding schema = new RunEnding(RunEnding.How.STOP_REASON, "[SchemaChanged] table s.t changed");
    List<String> lines = schema.report(SOURCE, args("/state/x"), Optional.of(chk), "hack/run-job-local.sh");
    assertThat(lines).contains("the job stopped: [SchemaChanged] table s.t changed",
        "running the same command again resumes from checkpoint " + chk
            + "; the new start first adapts the StarRocks table",
        "    hack/run-job-local.sh --config /p/pipeline.json --state-dir /state/x",
        "    SELECT pg_drop_replication_slot('it''s_slot');",
        "    DROP PUBLICATION IF EXISTS \"pub\"\"lic\";   -- unless something else uses it; needs its owner",
        "    and delete the state directory /state/x (its checkpoints hold positions of the dropped slot)");
  }

  @Test
  void anotherStopSaysItsCauseComesFirst() throws Exception {
    RunEnding rejected = new RunEnding(RunEnding.How.STOP_REASON, "[RowRejected] table s.t, column c, key id=1: too long");
    assertThat(rejected.report(SOURCE, args("/s"), Optional.of(Path.of("/s/checkpoints/a/chk-2")), "run.sh"))
        .contains("once that is dealt with (the message says how), running the same command again resumes from"
            + " checkpoint /s/checkpoints/a/chk-2");
  }

  @Test
  void withoutACheckpointItSaysAResumeSnapshotsAgainAndWhatThatMisses() throws Exception {
    List<String> lines = new RunEnding(RunEnding.How.STOPPED, "").report(SOURCE, args("/s"), Optional.empty(),
        "hack/run-job-local.sh");
    assertThat(lines.get(0)).startsWith("stopped; running the same command again resumes with a new snapshot")
        .contains("rows deleted in Postgres since StarRocks was filled stay there");
  }

  @Test
  void pathsWithSpacesOrQuotesStayOneShellWord() {
    assertThat(RunEnding.shellWord("/tmp/a-b_c.json")).isEqualTo("/tmp/a-b_c.json");
    assertThat(RunEnding.shellWord("/tmp/my state")).isEqualTo("'/tmp/my state'");
    assertThat(RunEnding.shellWord("/tmp/it's $HOME")).isEqualTo("'/tmp/it'\\''s $HOME'");
  }
}
