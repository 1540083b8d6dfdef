package dev.pipelines.cdc.testsupport.image;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parts of an image's config JSON that say how a container runs. Absent fields are empty (an empty
 * {@code user} means the base's default, root).
 *
 * @param env {@code NAME=value} entries as written
 * @param exposedPorts e.g. {@code 8080/tcp}
 * @param diffIds the uncompressed layer digests, base first
 */
public record ImageConfig(
    String created,
    List<String> entrypoint,
    List<String> cmd,
    List<String> env,
    String user,
    String workingDir,
    Set<String> exposedPorts,
    Map<String, String> labels,
    List<String> diffIds) {

  public ImageConfig {
    entrypoint = List.copyOf(entrypoint);
    cmd = List.copyOf(cmd);
    env = List.copyOf(env);
    exposedPorts = Set.copyOf(exposedPorts);
    labels = Map.copyOf(labels);
    diffIds = List.copyOf(diffIds);
  }

  static ImageConfig parse(JsonNode root) {
    JsonNode c = root.path("config");
    Set<String> ports = new LinkedHashSet<>();
    c.path("ExposedPorts").fieldNames().forEachRemaining(ports::add);
    Map<String, String> labels = new LinkedHashMap<>();
    c.path("Labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
    return new ImageConfig(root.path("created").asText(""), strings(c.path("Entrypoint")), strings(c.path("Cmd")),
        strings(c.path("Env")), c.path("User").asText(""), c.path("WorkingDir").asText(""), ports, labels,
        strings(root.path("rootfs").path("diff_ids")));
  }

  /** Labels every image of this project carries (from the poms). */
  public static final List<String> OCI_LABELS = List.of("org.opencontainers.image.title",
      "org.opencontainers.image.description", "org.opencontainers.image.version",
      "org.opencontainers.image.base.name");

  /**
   * What keeps this image from being a reproducible, labelled build of {@code version}: a creation time
   * other than the epoch, a missing OCI label, another version label. Empty when there is nothing.
   */
  public List<String> releaseProblems(String version) {
    List<String> problems = new ArrayList<>();
    if (!"1970-01-01T00:00:00Z".equals(created)) {
      problems.add("created " + created + ", not at the epoch: the image is not reproducible");
    }
    OCI_LABELS.stream().filter(l -> !labels.containsKey(l)).forEach(l -> problems.add("label " + l + " missing"));
    String labelled = labels.get("org.opencontainers.image.version");
    if (labelled != null && !labelled.equals(version)) {
      problems.add("labelled version " + labelled + ", not " + version);
    }
    return problems;
  }

  /** The environment as a map; a later entry for the same name wins, as in a container. */
  public Map<String, String> envMap() {
    Map<String, String> map = new LinkedHashMap<>();
    for (String entry : env) {
      int eq = entry.indexOf('=');
      map.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? "" : entry.substring(eq + 1));
    }
    return map;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
