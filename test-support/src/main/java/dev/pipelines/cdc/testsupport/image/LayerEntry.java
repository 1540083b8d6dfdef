package dev.pipelines.cdc.testsupport.image;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A file or directory in a layer.
 *
 * @param path absolute, without a trailing slash
 * @param mode permission bits ({@code 0644})
 * @param content a regular file's bytes; empty for anything else
 */
public record LayerEntry(String path, boolean directory, int mode, long uid, long gid, byte[] content) {

  /** Entry names of a jar (or any zip) held in this file. */
  public List<String> zipEntryNames() {
    List<String> names = new ArrayList<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        names.add(e.getName());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(path + " is not a readable zip", e);
    }
    return names;
  }

  /** The bytes of one entry of a jar (or any zip) held in this file. */
  public Optional<byte[]> zipEntry(String name) {
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (e.getName().equals(name)) {
          return Optional.of(zip.readAllBytes());
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(path + " is not a readable zip", e);
    }
  }
}
