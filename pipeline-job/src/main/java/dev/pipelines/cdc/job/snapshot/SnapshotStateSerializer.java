package dev.pipelines.cdc.job.snapshot;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * {@link SnapshotState} in checkpoints. Versioned: 2 (tables with generations, open splits; splits
 * in {@link SnapshotSplitSerializer}'s format 1). Version 1 belonged to the snapshot-then-stream
 * source (a HybridSource under another uid), whose checkpoints do not restore into this job.
 */
public final class SnapshotStateSerializer implements SimpleVersionedSerializer<SnapshotState> {
  static final int VERSION = 2;
  public static final SnapshotStateSerializer INSTANCE = new SnapshotStateSerializer();

  @Override
  public int getVersion() {
    return VERSION;
  }

  @Override
  public byte[] serialize(SnapshotState state) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(256 + 96 * state.unassigned().size()
        + 64 * state.open().size());
    out.writeUTF(state.snapshotName());
    out.writeUTF(state.consistentPoint());
    out.writeInt(state.nextGeneration());
    out.writeInt(state.tables().size());
    for (TableProgress t : state.tables()) {
      out.writeUTF(t.table());
      out.writeInt(t.generation());
      out.writeInt(t.splitsTotal());
      out.writeByte(t.status().ordinal());
    }
    out.writeInt(state.open().size());
    for (Map.Entry<String, String> e : state.open().entrySet()) {
      out.writeUTF(e.getKey());
      out.writeUTF(e.getValue());
    }
    out.writeInt(state.unassigned().size());
    for (SnapshotSplit split : state.unassigned()) {
      SnapshotSplitSerializer.write(split, out);
    }
    return out.getCopyOfBuffer();
  }

  @Override
  public SnapshotState deserialize(int version, byte[] serialized) throws IOException {
    if (version != VERSION) {
      throw new IOException("the checkpoint holds snapshot state of version " + version + " (this job reads "
          + VERSION + "): it was written by a job from before the snapshot and the stream ran side by side;"
          + " start the pipeline without it (upgradeMode: stateless) to take a new snapshot");
    }
    DataInputDeserializer in = new DataInputDeserializer(serialized);
    String snapshotName = in.readUTF();
    String consistentPoint = in.readUTF();
    int nextGeneration = in.readInt();
    int tableCount = in.readInt();
    List<TableProgress> tables = new ArrayList<>(tableCount);
    for (int i = 0; i < tableCount; i++) {
      tables.add(new TableProgress(in.readUTF(), in.readInt(), in.readInt(),
          TableProgress.Status.values()[in.readByte()]));
    }
    int openCount = in.readInt();
    Map<String, String> open = new LinkedHashMap<>();
    for (int i = 0; i < openCount; i++) {
      open.put(in.readUTF(), in.readUTF());
    }
    int count = in.readInt();
    List<SnapshotSplit> splits = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      splits.add(SnapshotSplitSerializer.read(in));
    }
    return new SnapshotState(splits, open, tables, nextGeneration, snapshotName, consistentPoint);
  }
}
