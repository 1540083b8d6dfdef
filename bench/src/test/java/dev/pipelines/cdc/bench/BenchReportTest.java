package dev.pipelines.cdc.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchReportTest {

  @Test
  void jsonCarriesMachineLimitsRatiosAndTargets() throws Exception {
    BenchReport report = new BenchReport("2026-11-27T10:00:00Z", 612.4,
        new Machine("host", 2, 24_000, "cpu", "Linux", "Java 17"), BenchSizes.quick(),
        Map.of("snapshot", "1.00 2.00 3.00"),
        List.of(Result.of("snapshot", "job p1", 70_000, "rows/s").against("COPY TO /dev/null", 2_800_000)
                .target(Target.ratioAtLeast(0.25)).note("1000000 rows"),
            Result.of("memory", "job RSS peak", 500, "MB")),
        List.of("a note"));
    JsonNode root = new ObjectMapper().readTree(report.json());
    assertThat(root.path("machine").path("cores").asInt()).isEqualTo(2);
    assertThat(root.path("seconds").asLong()).isEqualTo(612);
    assertThat(root.path("loadAverageByPhase").path("snapshot").asText()).isEqualTo("1.00 2.00 3.00");
    JsonNode first = root.path("results").get(0);
    assertThat(first.path("ratio").asDouble()).isEqualTo(0.025);
    assertThat(first.path("limitName").asText()).isEqualTo("COPY TO /dev/null");
    assertThat(first.path("met").asBoolean(true)).isFalse();
    assertThat(first.path("note").asText()).isEqualTo("1000000 rows");
    JsonNode second = root.path("results").get(1);
    assertThat(second.has("ratio")).isFalse();
    assertThat(second.has("target")).isFalse();
    assertThat(root.path("notes").get(0).asText()).isEqualTo("a note");
  }
}
