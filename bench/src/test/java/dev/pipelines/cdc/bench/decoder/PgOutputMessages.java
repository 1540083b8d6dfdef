package dev.pipelines.cdc.bench.decoder;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds pgoutput (protocol version 1) messages byte by byte, as the server sends them. */
final class PgOutputMessages {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  static PgOutputMessages message(char type) {
    return new PgOutputMessages().byte1(type);
  }

  PgOutputMessages byte1(int b) {
    out.write(b);
    return this;
  }

  PgOutputMessages int16(int v) {
    out.write(v >>> 8);
    out.write(v);
    return this;
  }

  PgOutputMessages int32(int v) {
    return int16(v >>> 16).int16(v & 0xffff);
  }

  PgOutputMessages int64(long v) {
    return int32((int) (v >>> 32)).int32((int) v);
  }

  PgOutputMessages cstring(String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    out.write(0);
    return this;
  }

  /** A Relation message's column: flags (1 = replica identity), name, type OID, typmod. */
  PgOutputMessages column(boolean key, String name, int typeOid) {
    return byte1(key ? 1 : 0).cstring(name).int32(typeOid).int32(-1);
  }

  /** TupleData: each value null (Java null), 'u' (the string "\u0000u"), or text. */
  PgOutputMessages tuple(String... values) {
    int16(values.length);
    for (String v : values) {
      if (v == null) {
        byte1('n');
      } else if (v.equals(UNCHANGED)) {
        byte1('u');
      } else {
        byte[] b = v.getBytes(StandardCharsets.UTF_8);
        byte1('t').int32(b.length);
        out.writeBytes(b);
      }
    }
    return this;
  }

  static final String UNCHANGED = "\u0000unchanged-toast";

  byte[] bytes() {
    return out.toByteArray();
  }
}
