package dev.pipelines.cdc.job.snapshot;

import java.io.IOException;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

/** {@link SnapshotSplit} in checkpoints (reader state) and in split assignments. Versioned: 1. */
public final class SnapshotSplitSerializer implements SimpleVersionedSerializer<SnapshotSplit> {
  static final int VERSION = 1;
  public static final SnapshotSplitSerializer INSTANCE = new SnapshotSplitSerializer();

  @Override
  public int getVersion() {
    return VERSION;
  }

  @Override
  public byte[] serialize(SnapshotSplit split) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(128);
    write(split, out);
    return out.getCopyOfBuffer();
  }

  @Override
  public SnapshotSplit deserialize(int version, byte[] serialized) throws IOException {
    if (version != VERSION) {
      throw new IOException("unknown snapshot split version " + version + " (this job reads " + VERSION + ")");
    }
    return read(new DataInputDeserializer(serialized));
  }

  static void write(SnapshotSplit split, DataOutputView out) throws IOException {
    out.writeUTF(split.id());
    out.writeUTF(split.table());
    out.writeUTF(split.relation());
    out.writeLong(split.fromBlock());
    out.writeLong(split.toBlock());
    out.writeUTF(split.snapshotName());
  }

  static SnapshotSplit read(DataInputView in) throws IOException {
    return new SnapshotSplit(in.readUTF(), in.readUTF(), in.readUTF(), in.readLong(), in.readLong(), in.readUTF());
  }
}
