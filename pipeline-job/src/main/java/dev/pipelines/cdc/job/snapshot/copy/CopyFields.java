package dev.pipelines.cdc.job.snapshot.copy;

/**
 * Reads the fields of one COPY text-format line straight from its bytes (PostgreSQL docs, COPY, "Text
 * Format"): fields separated by a tab, {@code \N} alone is NULL, and a backslash starts an escape:
 * {@code \b \f \n \r \t \v}, {@code \}<i>digits</i> (1 to 3 octal), {@code \x}<i>hh</i> (1 or 2 hex), and
 * a backslash before any other character stands for that character ({@code \\} is a backslash). A field
 * without a backslash is handed out in place; one with escapes is decoded into a reused buffer.
 *
 * <p>Not thread-safe: one per encoder instance, one line at a time.
 */
final class CopyFields {
  private byte[] line;
  private int pos;
  private int end;
  private boolean more;

  private byte[] buffer = new byte[256];
  private byte[] bytes;
  private int offset;
  private int length;
  private boolean isNull;

  /** Starts reading {@code line[offset, offset + length)}. */
  void reset(byte[] line, int offset, int length) {
    this.line = line;
    this.pos = offset;
    this.end = offset + length;
    this.more = true;
  }

  /** Whether another field follows (a line always has at least one). */
  boolean hasNext() {
    return more;
  }

  /** Moves to the next field; then {@link #isNull}, {@link #bytes}, {@link #offset}, {@link #length}. */
  void next() {
    if (!more) {
      throw new IllegalStateException("the COPY line has fewer fields than the select list");
    }
    int start = pos;
    int i = start;
    byte[] l = line;
    while (i < end && l[i] != '\t' && l[i] != '\\') {
      i++;
    }
    if (i == end || l[i] == '\t') {
      isNull = false;
      bytes = l;
      offset = start;
      length = i - start;
      finish(i);
      return;
    }
    if (i == start && i + 1 < end && l[i + 1] == 'N' && (i + 2 == end || l[i + 2] == '\t')) {
      isNull = true;
      bytes = l;
      offset = start;
      length = 0;
      finish(i + 2);
      return;
    }
    decode(start, i);
  }

  private void finish(int i) {
    more = i < end;
    pos = i + 1;
  }

  /** A field with escapes: {@code [start, firstBackslash)} is plain, the rest is decoded. */
  private void decode(int start, int firstBackslash) {
    byte[] l = line;
    int n = firstBackslash - start;
    ensure(n + (end - firstBackslash));
    System.arraycopy(l, start, buffer, 0, n);
    int i = firstBackslash;
    while (i < end && l[i] != '\t') {
      byte b = l[i];
      if (b != '\\') {
        buffer[n++] = b;
        i++;
        continue;
      }
      if (i + 1 >= end) {
        throw new IllegalStateException("the COPY line ends in a lone backslash");
      }
      byte c = l[i + 1];
      i += 2;
      switch (c) {
        case 'b' -> buffer[n++] = '\b';
        case 'f' -> buffer[n++] = '\f';
        case 'n' -> buffer[n++] = '\n';
        case 'r' -> buffer[n++] = '\r';
        case 't' -> buffer[n++] = '\t';
        case 'v' -> buffer[n++] = 0x0b;
        case '0', '1', '2', '3', '4', '5', '6', '7' -> {
          int v = c - '0';
          for (int k = 0; k < 2 && i < end && l[i] >= '0' && l[i] <= '7'; k++, i++) {
            v = v * 8 + (l[i] - '0');
          }
          buffer[n++] = (byte) v;
        }
        case 'x' -> {
          int v = 0;
          int digits = 0;
          for (; digits < 2 && i < end && hex(l[i]) >= 0; digits++, i++) {
            v = v * 16 + hex(l[i]);
          }
          // "\x" without a hex digit is an x, as for any other character after a backslash
          buffer[n++] = digits == 0 ? (byte) 'x' : (byte) v;
        }
        default -> buffer[n++] = c;
      }
    }
    isNull = false;
    bytes = buffer;
    offset = 0;
    length = n;
    finish(i);
  }

  private static int hex(byte b) {
    if (b >= '0' && b <= '9') {
      return b - '0';
    }
    if (b >= 'a' && b <= 'f') {
      return b - 'a' + 10;
    }
    if (b >= 'A' && b <= 'F') {
      return b - 'A' + 10;
    }
    return -1;
  }

  private void ensure(int capacity) {
    if (buffer.length < capacity) {
      buffer = new byte[Math.max(capacity, buffer.length * 2)];
    }
  }

  boolean isNull() {
    return isNull;
  }

  /** The field's bytes (the line itself, or the decode buffer: valid until the next call). */
  byte[] bytes() {
    return bytes;
  }

  int offset() {
    return offset;
  }

  int length() {
    return length;
  }
}
