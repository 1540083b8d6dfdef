package dev.pipelines.cdc.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every link in the repository's Markdown (README.md, docs/, the modules' READMEs) resolves. */
class DocLinksTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void everyLinkInTheDocsResolves() throws IOException {
    List<Path> files = new ArrayList<>();
    files.add(ROOT.resolve("README.md"));
    try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
    }
    try (Stream<Path> modules = Files.list(ROOT)) {
      modules.map(m -> m.resolve("README.md")).filter(Files::isRegularFile).sorted().forEach(files::add);
    }
    List<String> broken = new ArrayList<>();
    files.forEach(f -> broken.addAll(DocLinks.broken(f, ROOT)));
    assertThat(files).hasSizeGreaterThan(8);
    assertThat(broken).as("broken links (file:line: target: why)").isEmpty();
  }

  @Test
  void aMissingFileOrHeadingIsReported(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("docs"));
    Files.writeString(dir.resolve("docs/guide.md"), "# The guide\n\n## Run the tests\n\n## Run the tests\n");
    Path readme = dir.resolve("README.md");
    Files.writeString(readme, String.join("\n",
        "# Title",
        "[ok](docs/guide.md) [ok](docs/guide.md#run-the-tests) [ok](docs/guide.md#run-the-tests-1)",
        "[ok](#title) [ok](docs) [web](https://example.com/x#y) `[not a link](nowhere.md)`",
        "[gone](docs/missing.md)",
        "[no anchor](docs/guide.md#run-tests)",
        "[no local anchor](#nothing)",
        "```",
        "[in a fence](fenced.md)",
        "```"));

    assertThat(DocLinks.broken(readme, dir)).containsExactly(
        "README.md:4: docs/missing.md: no such file " + dir.resolve("docs/missing.md"),
        "README.md:5: docs/guide.md#run-tests: no heading with anchor #run-tests in guide.md",
        "README.md:6: #nothing: no heading with anchor #nothing in README.md");
  }

  @Test
  void anchorsFollowGitHubsRule() {
    assertThat(DocLinks.anchor("The end-to-end suite (kind)")).isEqualTo("the-end-to-end-suite-kind");
    assertThat(DocLinks.anchor("`spec.source.postgres`")).isEqualTo("specsourcepostgres");
    assertThat(DocLinks.anchor("Without Docker: the Java-only local demo"))
        .isEqualTo("without-docker-the-java-only-local-demo");
    assertThat(DocLinks.anchor("What each optimisation brought (`git log` has the numbers per commit)"))
        .isEqualTo("what-each-optimisation-brought-git-log-has-the-numbers-per-commit");
    assertThat(DocLinks.anchor("spec.sink.starrocks.routes[]")).isEqualTo("specsinkstarrocksroutes");
    assertThat(DocLinks.anchor("snake_case and [a link](x.md)")).isEqualTo("snake_case-and-a-link");
  }
}
