package dev.pipelines.cdc.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The whole run as JSON ({@code bench/target/bench-results.json}): machine, sizes, load averages
 * at each phase, every result with its limit and ratio, and notes.
 */
public record BenchReport(String startedAt, double seconds, Machine machine, BenchSizes sizes,
    Map<String, String> loadByPhase, List<Result> results, List<String> notes) {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public String json() {
    ObjectNode root = JSON.createObjectNode();
    root.put("startedAt", startedAt);
    root.put("seconds", Math.round(seconds));
    root.set("machine", JSON.valueToTree(machine));
    root.set("sizes", JSON.valueToTree(sizes));
    root.set("loadAverageByPhase", JSON.valueToTree(loadByPhase));
    ArrayNode rows = root.putArray("results");
    for (Result r : results) {
      ObjectNode row = rows.addObject();
      row.put("section", r.section());
      row.put("measure", r.measure());
      row.put("value", r.value());
      row.put("unit", r.unit());
      if (r.limit() != null) {
        row.put("limitName", r.limitName());
        row.put("limit", r.limit());
        row.put("ratio", r.ratio());
      }
      if (r.target() != null) {
        row.put("target", r.target().describe(r.unit()));
        row.put("met", r.met());
      }
      if (r.note() != null) {
        row.put("note", r.note());
      }
    }
    root.set("notes", JSON.valueToTree(notes));
    try {
      return JSON.writeValueAsString(root);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public void write(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, json());
  }
}
