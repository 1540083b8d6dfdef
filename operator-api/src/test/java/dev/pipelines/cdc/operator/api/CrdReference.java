package dev.pipelines.cdc.operator.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders the CdcPipeline CRD as a Markdown reference ({@code docs/reference/cdcpipeline.md}): one
 * table per object, one row per field with its type, default, constraints and description, all
 * read from the CRD itself, so the reference cannot drift from the schema the API server enforces
 * (the defaults and descriptions are written once, in the Java model the CRD is generated from).
 * Pure: CRD in, text out.
 */
final class CrdReference {
  static final String CRD_PATH = "crds/cdcpipelines.cdc.pipelines.dev-v1.yml";

  private CrdReference() {}

  static String render(CustomResourceDefinition crd) {
    StringBuilder out = new StringBuilder();
    var spec = crd.getSpec();
    out.append("# `").append(spec.getNames().getKind()).append("` reference\n\n");
    out.append("<!-- Generated from ").append(CRD_PATH)
        .append(" by CrdReferenceTest (operator tests). Do not edit: run hack/update-crds.sh. -->\n\n");
    out.append("Generated from the CRD ([`").append(CRD_PATH).append("`](../../").append(CRD_PATH)
        .append(")): every field with its type, default, constraints and description, as the API")
        .append(" server sees them. The operator's own validation adds rules the schema cannot express;")
        .append(" they are listed with the fields' guides in [the `CdcPipeline` guide](../cdcpipeline.md).\n\n");
    for (CustomResourceDefinitionVersion version : spec.getVersions()) {
      out.append("`apiVersion: ").append(spec.getGroup()).append('/').append(version.getName())
          .append("`, `kind: ").append(spec.getNames().getKind()).append("`, ")
          .append(spec.getScope().toLowerCase()).append(", plural `").append(spec.getNames().getPlural())
          .append('`');
      List<String> shortNames = spec.getNames().getShortNames();
      if (shortNames != null && !shortNames.isEmpty()) {
        out.append(", short name ").append(shortNames.stream().map(CrdReference::code).collect(Collectors.joining(", ")));
      }
      out.append(".\n\n");
      List<CustomResourceColumnDefinition> columns = version.getAdditionalPrinterColumns();
      if (columns != null && !columns.isEmpty()) {
        out.append("`kubectl get` columns:\n\n| column | from | type | description |\n| --- | --- | --- | --- |\n");
        for (CustomResourceColumnDefinition column : columns) {
          out.append("| ").append(column.getName()).append(" | ").append(code(column.getJsonPath()))
              .append(" | ").append(column.getType()).append(" | ").append(cell(column.getDescription()))
              .append(" |\n");
        }
        out.append('\n');
      }
      JSONSchemaProps root = version.getSchema().getOpenAPIV3Schema();
      for (String top : List.of("spec", "status")) {
        JSONSchemaProps node = root.getProperties().get(top);
        if (node != null) {
          object(out, top, node);
        }
      }
    }
    return out.toString();
  }

  /** A section for one object: its own description, a table of its fields, then its nested objects. */
  private static void object(StringBuilder out, String path, JSONSchemaProps node) {
    out.append("## ").append(path).append("\n\n");
    if (node.getDescription() != null) {
      out.append(oneLine(node.getDescription())).append("\n\n");
    }
    List<String> objectRules = rules(node);
    if (!objectRules.isEmpty()) {
      out.append("Rules: ").append(String.join("; ", objectRules)).append(".\n\n");
    }
    out.append("| field | type | default | constraints | description |\n| --- | --- | --- | --- | --- |\n");
    List<Map.Entry<String, JSONSchemaProps>> nested = new ArrayList<>();
    List<String> required = node.getRequired() == null ? List.of() : node.getRequired();
    for (Map.Entry<String, JSONSchemaProps> field : node.getProperties().entrySet()) {
      String fieldPath = path + "." + field.getKey();
      JSONSchemaProps schema = field.getValue();
      JSONSchemaProps child = objectOf(schema);
      String childPath = "array".equals(schema.getType()) ? fieldPath + "[]" : fieldPath;
      String type = type(schema);
      if (child != null) {
        type += ", see [" + childPath + "](#" + anchor(childPath) + ")";
        nested.add(Map.entry(childPath, child));
      }
      List<String> constraints = new ArrayList<>();
      if (required.contains(field.getKey())) {
        constraints.add("**required**");
      }
      constraints.addAll(constraints(schema));
      if (child == schema) {
        constraints.removeAll(rules(schema)); // listed once, in the object's own section
      }
      if ("array".equals(schema.getType()) && schema.getItems() != null && schema.getItems().getSchema() != null
          && child == null) {
        constraints.addAll(constraints(schema.getItems().getSchema()).stream().map(c -> "each: " + c).toList());
      }
      out.append("| ").append(code(field.getKey())).append(" | ").append(type).append(" | ")
          .append(schema.getDefault() == null ? "" : code(json(schema.getDefault()))).append(" | ")
          .append(String.join("<br>", constraints)).append(" | ")
          .append(cell(schema.getDescription())).append(" |\n");
    }
    out.append('\n');
    for (Map.Entry<String, JSONSchemaProps> child : nested) {
      object(out, child.getKey(), child.getValue());
    }
  }

  /** The object schema a field leads to (itself, or its array items), or null for a leaf or a map. */
  private static JSONSchemaProps objectOf(JSONSchemaProps schema) {
    JSONSchemaProps target = schema;
    if ("array".equals(schema.getType()) && schema.getItems() != null) {
      target = schema.getItems().getSchema();
    }
    return target != null && target.getProperties() != null && !target.getProperties().isEmpty() ? target : null;
  }

  private static String type(JSONSchemaProps schema) {
    if ("array".equals(schema.getType()) && schema.getItems() != null && schema.getItems().getSchema() != null) {
      return "array of " + type(schema.getItems().getSchema());
    }
    if ("object".equals(schema.getType()) && schema.getAdditionalProperties() != null
        && schema.getAdditionalProperties().getSchema() != null) {
      return "map of " + type(schema.getAdditionalProperties().getSchema());
    }
    return schema.getType();
  }

  private static List<String> constraints(JSONSchemaProps s) {
    List<String> out = new ArrayList<>();
    if (s.getEnum() != null && !s.getEnum().isEmpty()) {
      out.add("one of " + s.getEnum().stream().map(e -> code(json(e))).collect(Collectors.joining(", ")));
    }
    if (s.getMinimum() != null) {
      out.add((Boolean.TRUE.equals(s.getExclusiveMinimum()) ? "> " : "≥ ") + number(s.getMinimum()));
    }
    if (s.getMaximum() != null) {
      out.add((Boolean.TRUE.equals(s.getExclusiveMaximum()) ? "< " : "≤ ") + number(s.getMaximum()));
    }
    if (s.getMinLength() != null) {
      out.add("length ≥ " + s.getMinLength());
    }
    if (s.getMaxLength() != null) {
      out.add("length ≤ " + s.getMaxLength());
    }
    if (s.getMinItems() != null) {
      out.add("items ≥ " + s.getMinItems());
    }
    if (s.getMaxItems() != null) {
      out.add("items ≤ " + s.getMaxItems());
    }
    if (s.getMinProperties() != null) {
      out.add("entries ≥ " + s.getMinProperties());
    }
    if (s.getMaxProperties() != null) {
      out.add("entries ≤ " + s.getMaxProperties());
    }
    if (s.getFormat() != null) {
      out.add("format " + code(s.getFormat()));
    }
    if (s.getPattern() != null) {
      out.add("pattern " + code(s.getPattern()));
    }
    out.addAll(rules(s));
    return out;
  }

  private static List<String> rules(JSONSchemaProps s) {
    if (s.getXKubernetesValidations() == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (ValidationRule rule : s.getXKubernetesValidations()) {
      out.add("CEL " + code(rule.getRule()) + (rule.getMessage() == null ? "" : " (\"" + cell(rule.getMessage()) + "\")"));
    }
    return out;
  }

  private static String json(JsonNode node) {
    return node.isTextual() ? node.asText() : node.toString();
  }

  private static String number(Double d) {
    return d == Math.rint(d) && !d.isInfinite() ? Long.toString(d.longValue()) : Double.toString(d);
  }

  /** A Markdown code span inside a table cell; a '|' would end the cell, so it is escaped. */
  static String code(String text) {
    String t = oneLine(text).replace("|", "\\|");
    return t.contains("`") ? "`` " + t + " ``" : "`" + t + "`";
  }

  private static String cell(String text) {
    // '<' would open an HTML tag on GitHub (jdbc:mysql://<host> would lose <host>).
    return text == null ? "" : oneLine(text).replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s*\\n\\s*", " ").strip();
  }

  /** GitHub's heading anchor: lower case, punctuation other than '-' and '_' dropped, spaces to '-'. */
  static String anchor(String heading) {
    return DocLinks.anchor(heading);
  }
}
