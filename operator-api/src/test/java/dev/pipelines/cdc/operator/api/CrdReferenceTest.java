package dev.pipelines.cdc.operator.api;

import dev.pipelines.cdc.operator.api.v1alpha1.Patterns;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/reference/cdcpipeline.md} must be what {@link CrdReference} renders from the
 * committed CRD. Refresh it with {@code hack/update-crds.sh} (or this test with
 * {@code -Dgolden.update=true}) after a change of the API, then review the diff.
 */
class CrdReferenceTest {
  private static final Path ROOT = Path.of("..");
  private static final Path REFERENCE = ROOT.resolve("docs/reference/cdcpipeline.md");

  @Test
  void committedReferenceEqualsTheOneRenderedFromTheCrd() throws IOException {
    String rendered = CrdReference.render(crd());
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(REFERENCE, rendered);
    }
    assertThat(REFERENCE).as("run hack/update-crds.sh and commit docs/reference/").exists();
    assertThat(Files.readString(REFERENCE))
        .as("%s is stale: run hack/update-crds.sh (or this test with -Dgolden.update=true) and commit it", REFERENCE)
        .isEqualTo(rendered);
  }

  @Test
  void everyFieldOfTheCrdHasARowWithItsDescription() throws IOException {
    String rendered = CrdReference.render(crd());
    JSONSchemaProps root = crd().getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema();
    List<String> missing = new ArrayList<>();
    int fields = walk(root.getProperties().get("spec"), rendered, missing)
        + walk(root.getProperties().get("status"), rendered, missing);
    assertThat(missing).as("fields without a row or description in the reference").isEmpty();
    assertThat(fields).as("fields checked").isGreaterThan(50);
  }

  @Test
  void defaultsConstraintsAndRequiredFieldsAppearInTheirRow() throws IOException {
    String rendered = CrdReference.render(crd());
    assertThat(row(rendered, "## spec.job", "checkpointInterval"))
        .contains("`30s`").contains("pattern `" + Patterns.DURATION.replace("|", "\\|") + "`");
    assertThat(row(rendered, "## spec.sink.starrocks", "semantic"))
        .contains("`at-least-once`").contains("one of `at-least-once`, `exactly-once`");
    assertThat(row(rendered, "## spec.sink.starrocks", "loadUrls"))
        .contains("**required**").contains("items ≥ 1").contains("each: length ≤ " + Patterns.MAX_LOAD_ADDRESS_LENGTH);
    assertThat(row(rendered, "## spec.sink.starrocks", "routes"))
        .contains("array of object, see [spec.sink.starrocks.routes[]](#specsinkstarrocksroutes)");
    assertThat(rendered).contains("Rules: CEL `!has(self.routes)");
  }

  /** The row of {@code field} in the table under {@code heading}. */
  private static String row(String rendered, String heading, String field) {
    String section = rendered.substring(rendered.indexOf(heading + "\n"));
    int start = section.indexOf("| `" + field + "` |");
    assertThat(start).as("row %s under %s", field, heading).isNotNegative();
    return section.substring(start, section.indexOf('\n', start));
  }

  private static int walk(JSONSchemaProps node, String rendered, List<String> missing) {
    int n = 0;
    for (Map.Entry<String, JSONSchemaProps> field : node.getProperties().entrySet()) {
      n++;
      JSONSchemaProps schema = field.getValue();
      String description = schema.getDescription();
      String expected = "| `" + field.getKey() + "` |";
      if (!rendered.contains(expected)
          || (description != null && !rendered.contains(description.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")))) {
        missing.add(field.getKey());
      }
      JSONSchemaProps child = "array".equals(schema.getType()) && schema.getItems() != null
          ? schema.getItems().getSchema() : schema;
      if (child != null && child.getProperties() != null && !child.getProperties().isEmpty()) {
        n += walk(child, rendered, missing);
      }
    }
    return n;
  }

  private static CustomResourceDefinition crd() throws IOException {
    try (InputStream in = Files.newInputStream(ROOT.resolve(CrdReference.CRD_PATH))) {
      return Serialization.unmarshal(in, CustomResourceDefinition.class);
    }
  }
}
