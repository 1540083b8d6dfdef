package dev.pipelines.cdc.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import dev.pipelines.cdc.operator.api.v1alpha1.Patterns;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The API server fills in the CRD's {@code default:}s; the operator's records fill in their own
 * when a field is absent (a schema older than the operator, or an object written before a default
 * existed). The two must agree, so this test walks the committed CRD, finds every scalar field,
 * and checks what the model yields when that field alone is absent: the CRD's default if it has
 * one, and nothing (null) if it has none, so the model cannot invent a default the CRD does not
 * publish. The fields are discovered, not listed: a new default is checked the day it is added.
 */
class CrdDefaultsTest {
  private static final ObjectMapper JSON = Serialization.jsonMapper();
  private static final Set<String> SCALAR_TYPES = Set.of("string", "integer", "number", "boolean");

  /** A scalar property of the spec schema: its path under {@code spec} and its schema. */
  record Field(List<String> path, JsonNode schema) {
    JsonNode crdDefault() {
      return schema.get("default");
    }

    @Override
    public String toString() {
      return "spec." + String.join(".", path);
    }
  }

  static List<Field> specFields() throws IOException {
    JsonNode crd = new YAMLMapper().readTree(Path.of("../crds").resolve(CrdUpToDateTest.CRD_FILE).toFile());
    JsonNode spec = crd.at("/spec/versions/0/schema/openAPIV3Schema/properties/spec");
    List<Field> out = new ArrayList<>();
    collect(spec, new ArrayList<>(), out);
    return out;
  }

  private static void collect(JsonNode schema, List<String> path, List<Field> out) {
    JsonNode properties = schema.get("properties");
    if (properties == null) {
      return; // arrays and maps: their items carry no defaults today (defaultsLiveOnlyInObjects)
    }
    for (Map.Entry<String, JsonNode> property : properties.properties()) {
      List<String> child = new ArrayList<>(path);
      child.add(property.getKey());
      JsonNode type = property.getValue().get("type");
      if (type != null && SCALAR_TYPES.contains(type.asText())) {
        out.add(new Field(List.copyOf(child), property.getValue()));
      } else {
        collect(property.getValue(), child, out);
      }
    }
  }

  static Stream<Field> fields() throws IOException {
    return specFields().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fields")
  void absentFieldYieldsTheCrdDefault(Field field) {
    // The field's parent objects exist (empty, so every other field is absent too), as when the
    // API server defaults it; the field itself does not.
    ObjectNode spec = JSON.createObjectNode();
    ObjectNode parent = spec;
    for (String name : field.path().subList(0, field.path().size() - 1)) {
      parent = parent.putObject(name);
    }
    ObjectNode pipeline = JSON.createObjectNode();
    pipeline.put("apiVersion", "cdc.pipelines.dev/v1alpha1").put("kind", "CdcPipeline");
    pipeline.putObject("metadata").put("name", "defaults");
    pipeline.set("spec", spec);

    CdcPipeline read = JSON.convertValue(pipeline, CdcPipeline.class);
    JsonNode yielded = JSON.valueToTree(read.getSpec()).at("/" + String.join("/", field.path()));

    if (field.crdDefault() == null) {
      assertThat(yielded.isMissingNode() || yielded.isNull())
          .as("%s has no default in the CRD, but the model yields %s: add @Default with the same constant", field, yielded)
          .isTrue();
    } else {
      assertThat(sameValue(field.crdDefault(), yielded))
          .as("%s: the CRD's default is %s, the model yields %s", field, field.crdDefault(), yielded)
          .isTrue();
    }
  }

  @Test
  void discoversTheDefaults() throws IOException {
    // Guards the walk itself: if the schema's shape changed and it found nothing, every case above
    // would pass vacuously. These are a few of the defaults the CRD has today.
    List<String> withDefault =
        specFields().stream().filter(f -> f.crdDefault() != null).map(Field::toString).toList();
    assertThat(withDefault)
        .contains("spec.job.checkpointInterval", "spec.job.taskManager.memory", "spec.source.postgres.port",
            "spec.source.postgres.credentialsSecret.usernameKey", "spec.sink.starrocks.flushInterval")
        .hasSizeGreaterThan(15);
  }

  @Test
  void defaultsLiveOnlyInObjects() throws IOException {
    // The walk above does not enter arrays or maps; this fails if one of them grows a default.
    JsonNode crd = new YAMLMapper().readTree(Path.of("../crds").resolve(CrdUpToDateTest.CRD_FILE).toFile());
    List<String> inside = new ArrayList<>();
    findDefaultsUnder(crd.at("/spec/versions/0/schema/openAPIV3Schema/properties/spec"), false, "spec", inside);
    assertThat(inside).as("defaults inside arrays or maps, which CrdDefaultsTest does not check").isEmpty();
  }

  private static void findDefaultsUnder(JsonNode schema, boolean inCollection, String at, List<String> out) {
    if (inCollection && schema.has("default")) {
      out.add(at);
    }
    for (String collection : List.of("items", "additionalProperties")) {
      if (schema.get(collection) != null && schema.get(collection).isObject()) {
        findDefaultsUnder(schema.get(collection), true, at + "." + collection, out);
      }
    }
    JsonNode properties = schema.get("properties");
    if (properties != null) {
      properties.properties().forEach(p -> findDefaultsUnder(p.getValue(), inCollection, at + "." + p.getKey(), out));
    }
  }

  /**
   * The committed CRD's duration fields take what Flink users write, and their defaults read as
   * durations; the committed pattern is {@link Patterns#DURATION} (so the CRD is not stale). That the operator's
   * parser reads every such string is the operator's PatternsAcceptedByParsersTest.
   */
  @Test
  void durationFieldsTakeFlinkStyleDurations() throws IOException {
    List<Field> durations = specFields().stream()
        .filter(f -> f.schema().has("pattern") && f.schema().get("pattern").asText().equals(Patterns.DURATION))
        .toList();
    assertThat(durations.stream().map(Field::toString))
        .containsExactlyInAnyOrder("spec.job.checkpointInterval", "spec.sink.starrocks.flushInterval");
    for (Field field : durations) {
      java.util.regex.Pattern committed = java.util.regex.Pattern.compile(field.schema().get("pattern").asText());
      assertThat(committed.matcher(field.crdDefault().asText()).matches()).as("%s default", field).isTrue();
      for (String flinkStyle : List.of("30 s", "1min", "500ms", "1 h", "10m", "2 minutes", "1 day")) {
        assertThat(committed.matcher(flinkStyle).matches()).as("%s takes '%s'", field, flinkStyle).isTrue();
      }
      for (String refused : List.of("30", "5 S", "1us", "5 mins", "PT5S")) {
        assertThat(committed.matcher(refused).matches()).as("%s refuses '%s'", field, refused).isFalse();
      }
    }
  }

  /** Numbers compare by value (the CRD writes 1.0 where the model has the Integer 1, or the reverse). */
  private static boolean sameValue(JsonNode crdDefault, JsonNode yielded) {
    if (crdDefault.isNumber() && yielded.isNumber()) {
      return crdDefault.decimalValue().compareTo(yielded.decimalValue()) == 0;
    }
    return crdDefault.equals(yielded);
  }
}
