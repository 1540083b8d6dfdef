package dev.pipelines.cdc.testsupport.image;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One layer of an image.
 *
 * @param blob the layer's file name in the image tar (its compressed digest, for Jib)
 * @param entries by absolute path ({@code /opt/flink/usrlib/pipeline-job.jar}), directories included, in tar order
 */
public record Layer(String blob, Map<String, LayerEntry> entries) {
  public Layer {
    entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
  }

  /** Paths of the regular files, directories left out, sorted. */
  public Set<String> files() {
    return entries.values().stream()
        .filter(e -> !e.directory())
        .map(LayerEntry::path)
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
