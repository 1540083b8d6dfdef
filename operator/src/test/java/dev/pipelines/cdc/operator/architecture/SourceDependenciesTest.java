package dev.pipelines.cdc.operator.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceDependenciesTest {
  private static final String ROOT = "x.op";

  @Test
  void aCycleThroughAConstantIsFound() {
    SourceDependencies deps = SourceDependencies.of(ROOT, Map.of(
        "a/A.java", "package x.op.a;\nimport x.op.b.B;\nclass A { B b; }",
        "b/B.java", "package x.op.b;\nclass B { String s = x.op.a.Reasons.OK; }"));

    assertThat(deps.cycles()).containsExactly("a -> b (a/A.java uses b.B) -> a (b/B.java uses a.Reasons)");
  }

  @Test
  void aLongerCycleIsReportedOnceAndSubpackagesCountAsTheirTopLevelPackage() {
    SourceDependencies deps = SourceDependencies.of(ROOT, Map.of(
        "a/A.java", "package x.op.a;\nimport x.op.b.B;",
        "b/inner/B.java", "package x.op.b.inner;\nimport static x.op.c.C.VALUE;",
        "c/C.java", "package x.op.c;\nimport x.op.a.A;"));

    assertThat(deps.cycles()).hasSize(1).first().asString().startsWith("a -> b ").contains("-> c ").endsWith("uses a.A)");
  }

  @Test
  void noCycleInALayeredGraphNorFromTheRootPackageOrItself() {
    SourceDependencies deps = SourceDependencies.of(ROOT, Map.of(
        "Main.java", "package x.op;\nimport x.op.a.A;",
        "a/A.java", "package x.op.a;\nimport x.op.b.B;\nimport x.op.a.Other;\nimport x.op.Main;",
        "b/B.java", "package x.op.b;\nimport other.lib.a.A;"));

    assertThat(deps.cycles()).isEmpty();
  }

  @Test
  void aFrozenUseNoLongerCloses() {
    SourceDependencies deps = SourceDependencies.of(ROOT, Map.of(
        "a/A.java", "package x.op.a;\nimport x.op.b.B;",
        "b/B.java", "package x.op.b;\nimport x.op.a.Reasons;"));

    assertThat(deps.without(use -> use.type().equals("Reasons")).cycles()).isEmpty();
    assertThat(deps.without(use -> use.type().equals("Other")).cycles()).hasSize(1);
  }
}
