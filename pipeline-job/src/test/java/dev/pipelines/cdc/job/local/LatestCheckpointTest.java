package dev.pipelines.cdc.job.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatestCheckpointTest {

  private static List<Path> listing(String... files) {
    return Stream.of(files).map(Path::of).toList();
  }

  @Test
  void emptyOrNoMetadataMeansNoCheckpoint() {
    assertThat(LatestCheckpoint.among(listing())).isEmpty();
    assertThat(LatestCheckpoint.among(listing("job1", "job1/chk-3", "job1/shared", "job1/taskowned"))).isEmpty();
  }

  @Test
  void theHighestIdAcrossRunsWinsNotTheListingOrder() {
    // Run 1 (job a) left chk-9; run 2 (job b) restored it and numbers on from 10.
    List<Path> files = listing("b/chk-10/_metadata", "a/chk-9/_metadata", "b/chk-12/_metadata");
    assertThat(LatestCheckpoint.among(files)).contains(Path.of("b/chk-12"));
    // Numeric, not text order: chk-100 is newer than chk-99.
    assertThat(LatestCheckpoint.among(listing("a/chk-99/_metadata", "b/chk-100/_metadata")))
        .contains(Path.of("b/chk-100"));
  }

  @Test
  void aCheckpointWithoutMetadataIsIncompleteAndSkipped() {
    List<Path> files = listing("a/chk-4/_metadata", "a/chk-5", "a/chk-5/.3f2a-_metadata.inprogress.1c9e",
        "a/chk-5/op-state-file");
    assertThat(LatestCheckpoint.among(files)).contains(Path.of("a/chk-4"));
  }

  @Test
  void onlyTheFlinkLayoutCounts() {
    // A savepoint directory or a _metadata at another depth is not one of this directory's checkpoints.
    assertThat(LatestCheckpoint.among(listing("a/savepoint-1/_metadata", "chk-7/_metadata", "x/a/chk-8/_metadata",
        "a/chk-x/_metadata"))).isEmpty();
  }

  @Test
  void equalIdsGiveTheSameAnswerWhateverTheOrder() {
    Optional<Path> one = LatestCheckpoint.among(listing("a/chk-5/_metadata", "b/chk-5/_metadata"));
    Optional<Path> other = LatestCheckpoint.among(listing("b/chk-5/_metadata", "a/chk-5/_metadata"));
    assertThat(one).isEqualTo(other).contains(Path.of("b/chk-5"));
  }

  @Test
  void readsARealDirectory(@TempDir Path dir) throws Exception {
    assertThat(LatestCheckpoint.in(dir.resolve("missing"))).isEmpty();
    Files.createDirectories(dir.resolve("j1/chk-2"));
    Files.writeString(dir.resolve("j1/chk-2/_metadata"), "x");
    Files.createDirectories(dir.resolve("j2/chk-3"));
    assertThat(LatestCheckpoint.in(dir)).contains(dir.resolve("j1/chk-2"));
    Files.writeString(dir.resolve("j2/chk-3/_metadata"), "x");
    assertThat(LatestCheckpoint.in(dir)).contains(dir.resolve("j2/chk-3"));
    assertThat(LatestCheckpoint.id(dir.resolve("j2/chk-3"))).isEqualTo(3);
  }
}
