package dev.pipelines.cdc.apiserver;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A malformed CdcPipeline from {@code src/test/resources/invalid/}: the manifest as a user would
 * write it, and, in its two header comments, who must refuse it and with which message.
 *
 * <pre>
 * # rejected-by: api-server | operator
 * # message: text the API server's error, or the SpecValid condition, must contain
 * </pre>
 */
record InvalidManifest(String file, RejectedBy rejectedBy, String message, String yaml) {
  static final String DIR = "/invalid";

  enum RejectedBy {
    /** The CRD's OpenAPI schema or CEL rules: the create fails with 422. */
    API_SERVER,
    /** Schema-valid, but the operator's validator reports it in the SpecValid condition. */
    OPERATOR
  }

  static List<InvalidManifest> all() {
    try (Stream<Path> files = Files.list(Path.of(InvalidManifest.class.getResource(DIR).toURI()))) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().map(InvalidManifest::read).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static InvalidManifest read(Path file) {
    try {
      String yaml = Files.readString(file);
      List<String> lines = yaml.lines().toList();
      String by = header(lines, "rejected-by", file);
      return new InvalidManifest(file.getFileName().toString(),
          RejectedBy.valueOf(by.toUpperCase().replace('-', '_')), header(lines, "message", file), yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The manifest as sent to the server: exactly what the file says, no typed model in between. */
  GenericKubernetesResource resource(String namespace) {
    GenericKubernetesResource resource = Serialization.unmarshal(yaml, GenericKubernetesResource.class);
    resource.getMetadata().setNamespace(namespace);
    return resource;
  }

  String name() {
    return resource("unused").getMetadata().getName();
  }

  private static String header(List<String> lines, String key, Path file) {
    String prefix = "# " + key + ": ";
    return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()).trim())
        .filter(s -> !s.isEmpty()).findFirst()
        .orElseThrow(() -> new IllegalStateException(file + " has no '" + prefix.trim() + "' header"));
  }

  @Override
  public String toString() {
    return file;
  }
}
