package dev.pipelines.cdc.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTableTest {
  private final Result snapshot = Result.of("snapshot", "job, narrow, parallelism 1", 70_000, "rows/s")
      .against("COPY TO /dev/null", 2_800_000).target(Target.ratioAtLeast(0.25));
  private final Result freshness = Result.of("freshness", "p50", 120, "ms").target(Target.atMost(300));
  private final Result context = Result.of("memory", "job RSS peak", 512.3, "MB");

  @Test
  void ratioAndTargets() {
    assertThat(snapshot.ratio()).isEqualTo(0.025);
    assertThat(snapshot.met()).isFalse();
    assertThat(freshness.ratio()).isNull();
    assertThat(freshness.met()).isTrue();
    assertThat(context.met()).isNull();
  }

  @Test
  void cellsSayWhatTheNumbersAre() {
    assertThat(ResultTable.cells(snapshot)).containsExactly("snapshot", "job, narrow, parallelism 1",
        "70,000 rows/s", "2,800,000 rows/s (COPY TO /dev/null)", "0.0250", "ratio >= 0.25", "NO");
    assertThat(ResultTable.cells(freshness)).containsExactly("freshness", "p50", "120 ms", "", "", "<= 300 ms",
        "yes");
  }

  @Test
  void textAlignsColumns() {
    String[] lines = ResultTable.text(List.of(snapshot, freshness, context)).split(System.lineSeparator());
    assertThat(lines).hasSize(5);
    assertThat(lines[0]).startsWith("section").contains("limit (same run)");
    assertThat(lines[1]).matches("-+");
    assertThat(lines[2].indexOf("70,000")).isLessThan(lines[2].indexOf("2,800,000"));
    // numbers are right-aligned: the "ours" column ends at the same place on every line
    int end = lines[2].indexOf("rows/s") + "rows/s".length();
    assertThat(lines[3].substring(0, end)).endsWith("ms");
  }

  @Test
  void markdownHasOneRowPerResult() {
    String md = ResultTable.markdown(List.of(snapshot, context));
    assertThat(md.lines()).hasSize(4);
    assertThat(md.lines().skip(1).findFirst().orElseThrow()).isEqualTo("| --- | --- | --- | --- | --- | --- | --- |");
    assertThat(md).contains("| memory | job RSS peak | 512 MB |  |  |  |  |");
  }

  @Test
  void numberFormats() {
    assertThat(Format.number(2_812_345.6)).isEqualTo("2,812,346");
    assertThat(Format.number(42.25)).isEqualTo("42.3");
    assertThat(Format.number(0.318)).isEqualTo("0.32");
    assertThat(Format.number(0.0123)).isEqualTo("0.0123");
  }
}
