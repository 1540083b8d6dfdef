package dev.pipelines.cdc.job.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The newest complete checkpoint under a {@code state.checkpoints.dir}. Flink 1.19 lays checkpoints
 * out as {@code <dir>/<job id>/chk-<n>/_metadata}, one job id per run. A checkpoint is complete
 * once its {@code _metadata} exists: Flink writes it through the file system's recoverable writer
 * (a hidden in-progress file renamed on commit), so a run killed mid-checkpoint leaves a
 * {@code chk-<n>} without {@code _metadata}, which is skipped.
 *
 * <p>Newest means the highest {@code n}: a job restored from checkpoint {@code n} numbers its own
 * from {@code n + 1} ({@code CheckpointCoordinator} resets its id counter on restore), so ids grow
 * across runs. The choice matters: the job commits the slot's position at every completed
 * checkpoint, so restoring an older checkpoint would start past the changes made since it.
 */
public final class LatestCheckpoint {
  private static final Pattern CHECKPOINT = Pattern.compile("chk-(\\d+)");
  private static final String METADATA = "_metadata";

  private LatestCheckpoint() {}

  /**
   * The newest complete checkpoint directory among {@code files}, paths relative to the checkpoints
   * directory (as a listing of it gives them); pure, for tests.
   */
  public static Optional<Path> among(Collection<Path> files) {
    return files.stream()
        .filter(f -> f.getNameCount() == 3 && f.getFileName().toString().equals(METADATA))
        .map(Path::getParent)
        .filter(dir -> CHECKPOINT.matcher(dir.getFileName().toString()).matches())
        // Equal ids (two runs restored from the same checkpoint, both checkpointed) are told apart by path only so
        // the answer does not depend on listing order.
        .max(Comparator.comparingLong(LatestCheckpoint::id).thenComparing(Path::toString));
  }

  /** The newest complete checkpoint under {@code checkpointsDir} (absolute), if there is one. */
  public static Optional<Path> in(Path checkpointsDir) {
    if (!Files.isDirectory(checkpointsDir)) {
      return Optional.empty();
    }
    for (int attempt = 1; ; attempt++) {
      try (Stream<Path> walk = Files.walk(checkpointsDir, 3)) {
        List<Path> files = walk.map(checkpointsDir::relativize).toList();
        return among(files).map(checkpointsDir::resolve);
      } catch (IOException | UncheckedIOException e) {
        // A running job deletes subsumed checkpoints; one vanishing mid-listing is no error, list again.
        if (attempt == 3) {
          throw new IllegalStateException("cannot list checkpoints in " + checkpointsDir, e);
        }
      }
    }
  }

  /** The {@code n} of a {@code chk-<n>} directory. */
  public static long id(Path checkpointDir) {
    Matcher m = CHECKPOINT.matcher(checkpointDir.getFileName().toString());
    if (!m.matches()) {
      throw new IllegalArgumentException(checkpointDir + " is not a chk-<n> directory");
    }
    return Long.parseLong(m.group(1));
  }
}
