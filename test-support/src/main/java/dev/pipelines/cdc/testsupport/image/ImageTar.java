package dev.pipelines.cdc.testsupport.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipelines.cdc.testsupport.image.TarRecords.TarRecord;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * An image in {@code docker save} form, as Jib's {@code buildTar} writes it ({@code manifest.json}, the config
 * JSON, one tar or tar.gz per layer), read whole into memory for tests.
 *
 * <p>Only what Jib writes is understood: one image per tar, no whiteout files.
 */
public final class ImageTar {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<String> repoTags;
  private final ImageConfig config;
  private final List<Layer> layers;

  private ImageTar(List<String> repoTags, ImageConfig config, List<Layer> layers) {
    this.repoTags = List.copyOf(repoTags);
    this.config = config;
    this.layers = List.copyOf(layers);
  }

  public static ImageTar read(Path tar) {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(tar))) {
      Map<String, byte[]> files = untar(in);
      JsonNode manifests = JSON.readTree(required(files, "manifest.json"));
      if (manifests.size() != 1) {
        throw new IllegalStateException(tar + " holds " + manifests.size() + " images, expected one");
      }
      JsonNode manifest = manifests.get(0);
      List<String> tags = new ArrayList<>();
      manifest.path("RepoTags").forEach(t -> tags.add(t.asText()));
      ImageConfig config = ImageConfig.parse(JSON.readTree(required(files, manifest.path("Config").asText())));
      List<Layer> layers = new ArrayList<>();
      for (JsonNode name : manifest.path("Layers")) {
        layers.add(new Layer(name.asText(), entries(required(files, name.asText()))));
      }
      return new ImageTar(tags, config, layers);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read image tar " + tar, e);
    }
  }

  /** The {@code name:tag}s the image is saved under (Jib writes its {@code to.image}). */
  public List<String> repoTags() {
    return repoTags;
  }

  public ImageConfig config() {
    return config;
  }

  /** Layers from the base upwards, in the order they are applied. */
  public List<Layer> layers() {
    return layers;
  }

  /** The entry at an absolute path as the container sees it: the topmost layer that has it wins. */
  public Optional<LayerEntry> file(String path) {
    for (int i = layers.size() - 1; i >= 0; i--) {
      LayerEntry entry = layers.get(i).entries().get(path);
      if (entry != null) {
        return Optional.of(entry);
      }
    }
    return Optional.empty();
  }

  /**
   * Writes the container's file system under {@code root}, layer by layer (regular files and directories only; owners
   * and modes are not kept), so that a test can run what the image would run.
   */
  public void extractTo(Path root) {
    try {
      for (Layer layer : layers) {
        for (LayerEntry entry : layer.entries().values()) {
          Path target = root.resolve(entry.path().substring(1)).normalize();
          if (!target.startsWith(root)) {
            throw new IllegalStateException("layer entry outside the root: " + entry.path());
          }
          if (entry.directory()) {
            Files.createDirectories(target);
          } else {
            Files.createDirectories(target.getParent());
            Files.write(target, entry.content());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot extract the image under " + root, e);
    }
  }

  private static byte[] required(Map<String, byte[]> files, String name) {
    byte[] content = files.get(name);
    if (content == null) {
      throw new IllegalStateException("image tar has no " + name + "; it has " + files.keySet());
    }
    return content;
  }

  private static Map<String, byte[]> untar(InputStream in) throws IOException {
    Map<String, byte[]> files = new HashMap<>();
    for (TarRecord r : TarRecords.read(in)) {
      if (r.isFile()) {
        files.put(r.name(), r.content());
      }
    }
    return files;
  }

  private static Map<String, LayerEntry> entries(byte[] blob) throws IOException {
    InputStream raw = new ByteArrayInputStream(blob);
    InputStream in = isGzip(blob) ? new GZIPInputStream(raw) : raw;
    Map<String, LayerEntry> entries = new LinkedHashMap<>();
    try (in) {
      for (TarRecord r : TarRecords.read(in)) {
        String path = absolute(r.name());
        entries.put(path, new LayerEntry(path, r.isDirectory() || r.name().endsWith("/"), r.mode() & 07777,
            r.uid(), r.gid(), r.isFile() ? r.content() : new byte[0]));
      }
    }
    return entries;
  }

  private static boolean isGzip(byte[] blob) {
    return blob.length > 2 && (blob[0] & 0xff) == 0x1f && (blob[1] & 0xff) == 0x8b;
  }

  /** {@code opt/flink/} in the tar is {@code /opt/flink} in the container. */
  private static String absolute(String tarName) {
    String path = tarName.startsWith("./") ? tarName.substring(1) : tarName;
    path = path.startsWith("/") ? path : "/" + path;
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
