package dev.pipelines.cdc.bench.decoder;

import java.util.List;

/**
 * A table as its last Relation message described it: per column the pre-escaped JSON key
 * ({@code "name":}), how its values are written, and whether it belongs to the key (the replica identity
 * unless {@link KeyColumns} says otherwise). Built once per Relation message.
 */
public final class RelationShape {
  private final int oid;
  private final String namespace;
  private final String name;
  private final char replicaIdentity;
  private final List<String> columnNames;
  final byte[][] jsonKeys;
  final ColumnKind[] kinds;
  final boolean[] key;

  RelationShape(int oid, String namespace, String name, char replicaIdentity, List<String> columnNames,
      int[] typeOids, boolean[] key) {
    this.oid = oid;
    this.namespace = namespace;
    this.name = name;
    this.replicaIdentity = replicaIdentity;
    this.columnNames = List.copyOf(columnNames);
    this.key = key.clone();
    int n = columnNames.size();
    this.jsonKeys = new byte[n][];
    this.kinds = new ColumnKind[n];
    for (int i = 0; i < n; i++) {
      byte[] quoted = JsonBytes.quoted(columnNames.get(i));
      jsonKeys[i] = java.util.Arrays.copyOf(quoted, quoted.length + 1);
      jsonKeys[i][quoted.length] = ':';
      kinds[i] = ColumnKind.of(typeOids[i]);
    }
  }

  public int oid() {
    return oid;
  }

  public String namespace() {
    return namespace;
  }

  public String name() {
    return name;
  }

  /** {@code d} default, {@code n} nothing, {@code f} full, {@code i} index. */
  public char replicaIdentity() {
    return replicaIdentity;
  }

  public List<String> columnNames() {
    return columnNames;
  }

  public int columnCount() {
    return kinds.length;
  }

  @Override
  public String toString() {
    return namespace + "." + name + " (oid " + oid + ")";
  }
}
