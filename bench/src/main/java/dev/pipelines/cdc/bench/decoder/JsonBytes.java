package dev.pipelines.cdc.bench.decoder;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A reusable, growable UTF-8 byte buffer that one JSON row is written into: Postgres' text values
 * (UTF-8, server_encoding UTF8) are copied byte for byte, escaped only where JSON needs it. No String
 * is built for a value.
 */
public final class JsonBytes {
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

  private byte[] bytes;
  private int length;

  public JsonBytes(int initialCapacity) {
    bytes = new byte[Math.max(16, initialCapacity)];
  }

  public byte[] bytes() {
    return bytes;
  }

  public int length() {
    return length;
  }

  public void reset() {
    length = 0;
  }

  /** Makes room for {@code more} bytes beyond the current length. */
  void ensure(int more) {
    int needed = length + more;
    if (needed > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
    }
  }

  void put(byte b) {
    ensure(1);
    bytes[length++] = b;
  }

  void put(char ascii) {
    put((byte) ascii);
  }

  /** Bytes that need no escaping (numbers, pre-escaped keys), copied as they are. */
  void raw(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, bytes, length, len);
    length += len;
  }

  void raw(byte[] b) {
    raw(b, 0, b.length);
  }

  /** A JSON string of the UTF-8 text {@code b[off, off+len)}: quotes, backslashes and control characters escaped. */
  void string(byte[] b, int off, int len) {
    ensure(len + 2);
    bytes[length++] = '"';
    int start = off;
    int end = off + len;
    for (int i = off; i < end; i++) {
      int c = b[i] & 0xff;
      if (c >= 0x20 && c != '"' && c != '\\') {
        continue; // ASCII and every byte of a multi-byte UTF-8 sequence (>= 0x80) pass through
      }
      raw(b, start, i - start);
      escape(c);
      start = i + 1;
    }
    raw(b, start, end - start);
    put('"');
  }

  /** A JSON string of ASCII bytes known not to need escaping (numeric text, timestamps). */
  void quotedAscii(byte[] b, int off, int len) {
    ensure(len + 2);
    bytes[length++] = '"';
    System.arraycopy(b, off, bytes, length, len);
    length += len;
    bytes[length++] = '"';
  }

  private void escape(int c) {
    ensure(6);
    bytes[length++] = '\\';
    switch (c) {
      case '"' -> bytes[length++] = '"';
      case '\\' -> bytes[length++] = '\\';
      case '\b' -> bytes[length++] = 'b';
      case '\f' -> bytes[length++] = 'f';
      case '\n' -> bytes[length++] = 'n';
      case '\r' -> bytes[length++] = 'r';
      case '\t' -> bytes[length++] = 't';
      default -> {
        bytes[length++] = 'u';
        bytes[length++] = '0';
        bytes[length++] = '0';
        bytes[length++] = HEX[c >> 4];
        bytes[length++] = HEX[c & 0xf];
      }
    }
  }

  /** {@code value} in decimal, zero-padded to at least {@code width} digits; value >= 0. */
  void digits(long value, int width) {
    int n = 1;
    for (long v = value; v >= 10; v /= 10) {
      n++;
    }
    int total = Math.max(n, width);
    ensure(total);
    for (int i = total - 1; i >= 0; i--) {
      bytes[length + i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    length += total;
  }

  /** A JSON string of Java text (column names: once per Relation message, not per row). */
  static byte[] quoted(String text) {
    JsonBytes out = new JsonBytes(text.length() + 8);
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    out.string(utf8, 0, utf8.length);
    return Arrays.copyOf(out.bytes, out.length);
  }

  @Override
  public String toString() {
    return new String(bytes, 0, length, StandardCharsets.UTF_8);
  }
}
