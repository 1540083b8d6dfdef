package dev.pipelines.cdc.bench.decoder;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * pgoutput, protocol version 1 (Postgres docs, "Logical Replication Message Formats") → Stream Load JSON
 * rows. Each message is read straight from its bytes: a tuple's values are located (offset, length) in the
 * message, then written into one reused {@link JsonBytes}; no object per column or per row.
 *
 * <p>Rows: {@code {"col":value,...,"__op":0}} for inserts and updates, the replica identity's columns and
 * {@code "__op":1} for deletes. Begin/Commit go to the sink; Origin and Type messages are skipped (a type
 * the decoder does not know is written as a string anyway); anything else, e.g. protocol 2's stream
 * messages or a binary ('b') value, is refused with an exception.
 */
public final class PgOutputDecoder {
  private static final int NULL = -1;
  private static final int UNCHANGED_TOAST = -2;
  private static final byte[] NULL_JSON = "null".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] OP_UPSERT = "\"__op\":0}".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] OP_DELETE = "\"__op\":1}".getBytes(StandardCharsets.US_ASCII);

  private final RowSink sink;
  private final KeyColumns keyColumns;
  private final Map<Integer, RelationShape> relations = new HashMap<>();
  /** The last relation looked up: a single-table stream never boxes an Integer for the map. */
  private RelationShape lastRelation;

  private final JsonBytes row = new JsonBytes(512);
  private final JsonBytes oldKeyRow = new JsonBytes(128);
  /** Value offsets (or NULL / UNCHANGED_TOAST) and lengths of the old and new tuple of the current message. */
  private int[] oldOff = new int[32];
  private int[] oldLen = new int[32];
  private int[] newOff = new int[32];
  private int[] newLen = new int[32];

  private byte[] buf;
  private int pos;
  private int end;
  private int messageStart;

  /** Keys as the Relation messages mark them (the replica identity). */
  public PgOutputDecoder(RowSink sink) {
    this(sink, KeyColumns.REPLICA_IDENTITY);
  }

  public PgOutputDecoder(RowSink sink, KeyColumns keyColumns) {
    this.sink = sink;
    this.keyColumns = keyColumns;
  }

  /** Decodes one XLogData payload as pgjdbc hands it over (position at the message type). */
  public byte decode(ByteBuffer message) {
    if (message.hasArray()) {
      return decode(message.array(), message.arrayOffset() + message.position(), message.remaining());
    }
    byte[] copy = new byte[message.remaining()];
    message.duplicate().get(copy);
    return decode(copy, 0, copy.length);
  }

  /**
   * Decodes one pgoutput message in {@code b[off, off+len)}.
   *
   * @return its type byte ({@code 'C'} for a commit, e.g. to confirm the LSN)
   */
  public byte decode(byte[] b, int off, int len) {
    buf = b;
    pos = off;
    messageStart = off;
    end = off + len;
    need(1);
    byte type = buf[pos++];
    switch (type) {
      case 'B' -> {
        need(20);
        long finalLsn = readLong();
        pos += 8; // commit timestamp
        sink.begin(readInt(), finalLsn);
      }
      case 'C' -> {
        need(25);
        pos++; // flags, unused
        long commitLsn = readLong();
        long endLsn = readLong();
        pos += 8; // commit timestamp
        sink.commit(commitLsn, endLsn);
      }
      case 'R' -> relation();
      case 'I' -> insert();
      case 'U' -> update();
      case 'D' -> delete();
      case 'T' -> truncate();
      case 'Y', 'O' -> {
        // Type (oid, namespace, name) and Origin (lsn, name): nothing to do for the rows
      }
      default -> throw new IllegalArgumentException("pgoutput message type '" + printable(type) + "' (0x"
          + Integer.toHexString(type & 0xff) + ", " + len + " bytes) is not one protocol version 1 sends"
          + " (B, C, O, R, Y, I, U, D, T); was the slot started with proto_version 1 and no streaming/messages?");
    }
    return type;
  }

  /** The relations seen so far, by OID. */
  public Map<Integer, RelationShape> relations() {
    return java.util.Collections.unmodifiableMap(relations);
  }

  private void relation() {
    need(4);
    int oid = readInt();
    String namespace = readCString();
    String name = readCString();
    need(3);
    char identity = (char) buf[pos++];
    int columns = readShort();
    List<String> names = new ArrayList<>(columns);
    int[] types = new int[columns];
    boolean[] key = new boolean[columns];
    for (int i = 0; i < columns; i++) {
      need(1);
      key[i] = (buf[pos++] & 1) != 0;
      names.add(readCString());
      need(8);
      types[i] = readInt();
      pos += 4; // typmod
    }
    List<String> keyNames = keyColumns.of(namespace, name);
    if (keyNames != null) {
      for (int i = 0; i < columns; i++) {
        key[i] = keyNames.contains(names.get(i));
      }
      for (String k : keyNames) {
        if (!names.contains(k)) {
          throw new IllegalArgumentException("key column " + k + " is not a column of " + namespace + "." + name
              + " in its Relation message " + names);
        }
      }
    }
    RelationShape shape = new RelationShape(oid, namespace, name, identity, names, types, key);
    relations.put(oid, shape);
    lastRelation = shape;
    if (columns > newOff.length) {
      int n = Math.max(columns, newOff.length * 2);
      oldOff = new int[n];
      oldLen = new int[n];
      newOff = new int[n];
      newLen = new int[n];
    }
  }

  private void insert() {
    RelationShape rel = relationOf(readIntChecked());
    expect('N', "Insert");
    tuple(rel, newOff, newLen);
    boolean partial = writeRow(row, rel, newOff, newLen, false);
    sink.row(rel, ChangeKind.INSERT, partial, row.bytes(), 0, row.length());
  }

  private void update() {
    RelationShape rel = relationOf(readIntChecked());
    need(1);
    byte marker = buf[pos++];
    boolean hasOld = marker == 'K' || marker == 'O';
    if (hasOld) {
      tuple(rel, oldOff, oldLen);
      need(1);
      marker = buf[pos++];
    }
    if (marker != 'N') {
      throw malformed("Update of " + rel + ": expected 'N' (new tuple), got '" + printable(marker) + "'");
    }
    tuple(rel, newOff, newLen);
    if (hasOld && keyChanged(rel)) {
      writeRow(oldKeyRow, rel, oldOff, oldLen, true);
      sink.row(rel, ChangeKind.UPDATE_OLD_KEY_DELETE, false, oldKeyRow.bytes(), 0, oldKeyRow.length());
    }
    boolean partial = writeRow(row, rel, newOff, newLen, false);
    sink.row(rel, ChangeKind.UPDATE, partial, row.bytes(), 0, row.length());
  }

  private void delete() {
    RelationShape rel = relationOf(readIntChecked());
    need(1);
    byte marker = buf[pos++];
    if (marker != 'K' && marker != 'O') {
      throw malformed("Delete of " + rel + ": expected 'K' or 'O' (old tuple), got '" + printable(marker) + "'");
    }
    tuple(rel, oldOff, oldLen);
    writeRow(row, rel, oldOff, oldLen, true);
    sink.row(rel, ChangeKind.DELETE, false, row.bytes(), 0, row.length());
  }

  private void truncate() {
    need(5);
    int count = readInt();
    int options = buf[pos++];
    List<RelationShape> truncated = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      truncated.add(relationOf(readIntChecked()));
    }
    sink.truncate(truncated, (options & 1) != 0, (options & 2) != 0);
  }

  /** Locates each value of a TupleData in the message: offset and length, or NULL / UNCHANGED_TOAST. */
  private void tuple(RelationShape rel, int[] offs, int[] lens) {
    need(2);
    int columns = readShort();
    if (columns != rel.columnCount()) {
      throw malformed("a tuple of " + rel + " has " + columns + " columns, its Relation message "
          + rel.columnCount());
    }
    for (int i = 0; i < columns; i++) {
      need(1);
      byte kind = buf[pos++];
      switch (kind) {
        case 'n' -> offs[i] = NULL;
        case 'u' -> offs[i] = UNCHANGED_TOAST;
        case 't' -> {
          need(4);
          int len = readInt();
          if (len < 0 || len > end - pos) {
            throw malformed("a value of " + len + " bytes runs past the message");
          }
          offs[i] = pos;
          lens[i] = len;
          pos += len;
        }
        case 'b' -> throw malformed("a binary value ('b'): the slot must be started without the binary option");
        default -> throw malformed("tuple value kind '" + printable(kind) + "' in column "
            + rel.columnNames().get(i) + " of " + rel);
      }
    }
  }

  /** Whether any replica identity column differs between the old and the new tuple (unchanged TOAST = same). */
  private boolean keyChanged(RelationShape rel) {
    for (int i = 0; i < rel.columnCount(); i++) {
      if (!rel.key[i] || newOff[i] == UNCHANGED_TOAST) {
        continue;
      }
      int o = oldOff[i];
      int n = newOff[i];
      if (o < 0 || n < 0) {
        if (o != n) {
          return true;
        }
      } else if (!Arrays.equals(buf, o, o + oldLen[i], buf, n, n + newLen[i])) {
        return true;
      }
    }
    return false;
  }

  /** @return whether a column was left out (unchanged TOAST) */
  private boolean writeRow(JsonBytes out, RelationShape rel, int[] offs, int[] lens, boolean keysOnly) {
    out.reset();
    out.put('{');
    boolean partial = false;
    boolean first = true;
    for (int i = 0; i < rel.kinds.length; i++) {
      if (keysOnly && !rel.key[i]) {
        continue;
      }
      int o = offs[i];
      if (o == UNCHANGED_TOAST) {
        partial = true;
        continue;
      }
      if (!first) {
        out.put(',');
      }
      first = false;
      out.raw(rel.jsonKeys[i]);
      if (o == NULL) {
        out.raw(NULL_JSON);
      } else {
        rel.kinds[i].write(out, buf, o, lens[i]);
      }
    }
    if (!first) {
      out.put(',');
    }
    out.raw(keysOnly ? OP_DELETE : OP_UPSERT);
    return partial;
  }

  private RelationShape relationOf(int oid) {
    RelationShape last = lastRelation;
    if (last != null && last.oid() == oid) {
      return last;
    }
    RelationShape rel = relations.get(oid);
    if (rel == null) {
      throw malformed("a change of relation oid " + Integer.toUnsignedString(oid)
          + " before its Relation message");
    }
    lastRelation = rel;
    return rel;
  }

  private void expect(char marker, String what) {
    need(1);
    byte b = buf[pos++];
    if (b != marker) {
      throw malformed(what + ": expected '" + marker + "', got '" + printable(b) + "'");
    }
  }

  private String readCString() {
    int start = pos;
    while (pos < end && buf[pos] != 0) {
      pos++;
    }
    if (pos >= end) {
      throw malformed("an unterminated string");
    }
    String s = new String(buf, start, pos - start, StandardCharsets.UTF_8);
    pos++;
    return s;
  }

  private int readIntChecked() {
    need(4);
    return readInt();
  }

  private int readInt() {
    int v = (buf[pos] & 0xff) << 24 | (buf[pos + 1] & 0xff) << 16 | (buf[pos + 2] & 0xff) << 8 | (buf[pos + 3] & 0xff);
    pos += 4;
    return v;
  }

  private int readShort() {
    int v = (buf[pos] & 0xff) << 8 | (buf[pos + 1] & 0xff);
    pos += 2;
    return v;
  }

  private long readLong() {
    long hi = readInt() & 0xffffffffL;
    long lo = readInt() & 0xffffffffL;
    return hi << 32 | lo;
  }

  private void need(int bytes) {
    if (end - pos < bytes) {
      throw malformed("truncated: " + bytes + " more bytes expected at offset " + (pos - messageStart));
    }
  }

  private IllegalArgumentException malformed(String what) {
    return new IllegalArgumentException("pgoutput message '" + printable(buf[messageStart]) + "': " + what);
  }

  private static String printable(byte b) {
    return b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : "\\x" + Integer.toHexString(b & 0xff);
  }
}
