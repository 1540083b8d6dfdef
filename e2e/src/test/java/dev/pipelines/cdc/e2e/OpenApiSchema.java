package dev.pipelines.cdc.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A CRD's structural schema, checked the way the API server checks a resource against it:
 * unknown fields (kubectl's default strict field validation rejects them), required fields,
 * types, enums, patterns, bounds and sizes. Not checked: CEL rules (x-kubernetes-validations),
 * which need a real API server. Defaults are not applied; missing optional fields are fine.
 */
final class OpenApiSchema {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final JsonNode root;

  OpenApiSchema(JsonNode openApiV3Schema) {
    this.root = openApiV3Schema;
  }

  /** The openAPIV3Schema of one version of the CRD in {@code crdFile}. */
  static OpenApiSchema ofCrd(Path crdFile, String version) throws IOException {
    for (JsonNode v : YAML.readTree(crdFile.toFile()).path("spec").path("versions")) {
      if (version.equals(v.path("name").asText())) {
        return new OpenApiSchema(v.path("schema").path("openAPIV3Schema"));
      }
    }
    throw new IllegalArgumentException(crdFile + " has no version " + version);
  }

  /** Violations of the resource's {@code spec}, each as "path: problem"; empty when it conforms. */
  List<String> violationsOfSpec(JsonNode resource) {
    List<String> out = new ArrayList<>();
    JsonNode spec = resource.path("spec");
    if (spec.isMissingNode()) {
      out.add("spec: is required");
    } else {
      check(spec, root.path("properties").path("spec"), "spec", out);
    }
    return out;
  }

  private void check(JsonNode value, JsonNode schema, String path, List<String> out) {
    if (value.isNull()) {
      if (!schema.path("nullable").asBoolean(false)) {
        out.add(path + ": must not be null");
      }
      return;
    }
    if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
      if (!value.isIntegralNumber() && !value.isTextual()) {
        out.add(path + ": must be an integer or a string");
      }
      return;
    }
    String type = schema.path("type").asText("");
    switch (type) {
      case "object" -> checkObject(value, schema, path, out);
      case "array" -> checkArray(value, schema, path, out);
      case "string" -> checkString(value, schema, path, out);
      case "integer" -> checkNumber(value, value.isIntegralNumber(), schema, path, out);
      case "number" -> checkNumber(value, value.isNumber(), schema, path, out);
      case "boolean" -> {
        if (!value.isBoolean()) {
          out.add(path + ": must be a boolean, is " + value);
        }
      }
      default -> {
        // No type: anything goes (x-kubernetes-preserve-unknown-fields without a type).
      }
    }
    JsonNode allowed = schema.path("enum");
    if (allowed.isArray() && !contains(allowed, value)) {
      out.add(path + ": " + value + " is not one of " + allowed);
    }
  }

  private void checkObject(JsonNode value, JsonNode schema, String path, List<String> out) {
    if (!value.isObject()) {
      out.add(path + ": must be an object, is " + value);
      return;
    }
    JsonNode properties = schema.path("properties");
    JsonNode additional = schema.path("additionalProperties");
    boolean preserveUnknown = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String at = path + "." + field.getKey();
      if (properties.has(field.getKey())) {
        check(field.getValue(), properties.get(field.getKey()), at, out);
      } else if (additional.isObject()) {
        check(field.getValue(), additional, at, out);
      } else if (!preserveUnknown) {
        out.add(at + ": unknown field");
      }
    }
    for (JsonNode required : schema.path("required")) {
      if (!value.has(required.asText())) {
        out.add(path + "." + required.asText() + ": is required");
      }
    }
  }

  private void checkArray(JsonNode value, JsonNode schema, String path, List<String> out) {
    if (!value.isArray()) {
      out.add(path + ": must be a list, is " + value);
      return;
    }
    if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
      out.add(path + ": needs at least " + schema.get("minItems").asInt() + " items");
    }
    if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
      out.add(path + ": allows at most " + schema.get("maxItems").asInt() + " items");
    }
    for (int i = 0; i < value.size(); i++) {
      check(value.get(i), schema.path("items"), path + "[" + i + "]", out);
    }
  }

  private static void checkString(JsonNode value, JsonNode schema, String path, List<String> out) {
    if (!value.isTextual()) {
      out.add(path + ": must be a string, is " + value);
      return;
    }
    String s = value.asText();
    if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(s).find()) {
      out.add(path + ": '" + s + "' does not match " + schema.get("pattern").asText());
    }
    if (schema.has("minLength") && s.length() < schema.get("minLength").asInt()) {
      out.add(path + ": must be at least " + schema.get("minLength").asInt() + " characters");
    }
    if (schema.has("maxLength") && s.length() > schema.get("maxLength").asInt()) {
      out.add(path + ": must be at most " + schema.get("maxLength").asInt() + " characters");
    }
  }

  private static void checkNumber(JsonNode value, boolean rightType, JsonNode schema, String path, List<String> out) {
    if (!rightType) {
      out.add(path + ": must be " + (schema.path("type").asText().equals("integer") ? "an integer" : "a number") + ", is " + value);
      return;
    }
    if (schema.has("minimum") && value.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0) {
      out.add(path + ": " + value + " is below the minimum " + schema.get("minimum"));
    }
    if (schema.has("maximum") && value.decimalValue().compareTo(schema.get("maximum").decimalValue()) > 0) {
      out.add(path + ": " + value + " is above the maximum " + schema.get("maximum"));
    }
  }

  private static boolean contains(JsonNode values, JsonNode value) {
    for (JsonNode v : values) {
      if (v.equals(value)) {
        return true;
      }
    }
    return false;
  }
}
