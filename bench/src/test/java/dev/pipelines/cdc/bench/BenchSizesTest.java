package dev.pipelines.cdc.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchSizesTest {

  @Test
  void defaultsFollowTheIssue() {
    BenchSizes s = BenchSizes.parse();
    assertThat(s.rows()).isEqualTo(1_000_000);
    assertThat(s.inserts()).isEqualTo(200_000);
    assertThat(s.updates()).isEqualTo(50_000);
    assertThat(s.deletes()).isEqualTo(20_000);
    assertThat(s.freshnessSamples()).isGreaterThanOrEqualTo(200);
    assertThat(s.pipelines()).isEqualTo(1_000);
    assertThat(s.phases()).containsExactlyElementsOf(BenchSizes.ALL_PHASES);
    assertThat(s.apiServer()).isEqualTo(BenchSizes.ApiServerKind.MOCK);
  }

  @Test
  void apiServerRealRunsTheOperatorPhaseOnKubeApiServer() {
    BenchSizes s = BenchSizes.parse("--api-server", "real", "--only", "operator", "--pipelines", "10000");
    assertThat(s.apiServer()).isEqualTo(BenchSizes.ApiServerKind.REAL);
    assertThat(s.pipelines()).isEqualTo(10_000);
    assertThat(s.operatorOnly()).isTrue();
    assertThat(BenchSizes.parse("--quick", "--api-server", "mock").apiServer()).isEqualTo(BenchSizes.ApiServerKind.MOCK);
    assertThat(BenchSizes.parse("--api-server", "real").operatorOnly()).isFalse();
    assertThatThrownBy(() -> BenchSizes.parse("--api-server", "kind")).hasMessageContaining("mock or real");
    assertThatThrownBy(() -> BenchSizes.parse("--api-server")).hasMessageContaining("missing value");
  }

  @Test
  void quickIsSmallerAndFlagsOverride() {
    BenchSizes s = BenchSizes.parse("--quick", "--rows", "5000", "--only", "snapshot,operator");
    assertThat(s.rows()).isEqualTo(5000);
    assertThat(s.inserts()).isLessThan(BenchSizes.defaults().inserts());
    assertThat(s.runs("snapshot")).isTrue();
    assertThat(s.runs("freshness")).isFalse();
  }

  @Test
  void largeIsTenMillionNarrowRowsAndExcludesQuick() {
    BenchSizes s = BenchSizes.parse("--large", "--only", "snapshot");
    assertThat(s.rows()).isEqualTo(10_000_000);
    assertThat(s.emulatorRows()).isEqualTo(1_000_000);
    assertThat(s.wideRows()).isEqualTo(BenchSizes.defaults().wideRows());
    assertThatThrownBy(() -> BenchSizes.parse("--quick", "--large")).hasMessageContaining("exclude");
  }

  @Test
  void updatesAndDeletesNeverExceedTheSnapshot() {
    BenchSizes s = BenchSizes.parse("--rows", "1000", "--inserts", "100000");
    assertThat(s.updates() + s.deletes()).isLessThanOrEqualTo(1000);
  }

  @Test
  void refusesWhatItDoesNotKnow() {
    assertThatThrownBy(() -> BenchSizes.parse("--rowz", "1")).hasMessageContaining("--rowz");
    assertThatThrownBy(() -> BenchSizes.parse("--only", "snapshots")).hasMessageContaining("snapshots");
    assertThatThrownBy(() -> BenchSizes.parse("--rows")).hasMessageContaining("missing value");
  }
}
