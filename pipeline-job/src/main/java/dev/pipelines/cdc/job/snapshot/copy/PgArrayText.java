package dev.pipelines.cdc.job.snapshot.copy;

import dev.pipelines.cdc.job.types.RejectedValue;
import dev.pipelines.cdc.job.types.ValueLimit;

/**
 * A one-dimensional Postgres array's text ({@code array_out}) → a JSON array, each element written as
 * its type's value ({@link PgTextValues}): elements separated by commas, an unquoted {@code NULL} is
 * null, a quoted element ({@code "..."}) has {@code \"} and {@code \\} escaped. Elements are not
 * stripped of padding (the stream path does not strip array elements either).
 */
final class PgArrayText {
  private byte[] element = new byte[64];

  /** Appends the JSON array for {@code b[off, off + len)}. Not thread-safe (reuses its element buffer). */
  void append(StringBuilder out, PgTextType elementType, byte[] b, int off, int len, ValueLimit elementLimit) {
    int end = off + len;
    if (len < 2 || b[off] != '{' || b[end - 1] != '}') {
      // "[1:2]={...}" (bounds other than 1) or anything unexpected
      throw new RejectedValue("the array " + abbreviated(b, off, len) + " has lower bounds other than 1, which"
          + " StarRocks' ARRAY cannot keep; change the value in Postgres, or exclude the table");
    }
    out.append('[');
    int i = off + 1;
    int last = end - 1;
    boolean first = true;
    while (i < last) {
      if (!first) {
        out.append(',');
      }
      first = false;
      if (b[i] == '{') {
        throw new RejectedValue("the array " + abbreviated(b, off, len) + " is multi-dimensional, and the column"
            + " maps to a one-dimensional StarRocks ARRAY; change the value in Postgres, or exclude the table");
      }
      if (b[i] == '"') {
        int n = 0;
        ensure(last - i);
        i++;
        while (b[i] != '"') {
          if (b[i] == '\\') {
            i++;
          }
          element[n++] = b[i++];
        }
        i++; // closing quote
        PgTextValues.append(out, elementType, element, 0, n, elementLimit, false);
      } else {
        int start = i;
        while (i < last && b[i] != ',') {
          i++;
        }
        if (i - start == 4 && b[start] == 'N' && b[start + 1] == 'U' && b[start + 2] == 'L' && b[start + 3] == 'L') {
          out.append("null");
        } else {
          PgTextValues.append(out, elementType, b, start, i - start, elementLimit, false);
        }
      }
      if (i < last) {
        i++; // the comma
      }
    }
    out.append(']');
  }

  private void ensure(int capacity) {
    if (element.length < capacity) {
      element = new byte[Math.max(capacity, element.length * 2)];
    }
  }

  private static String abbreviated(byte[] b, int off, int len) {
    String s = PgTextValues.utf8(b, off, Math.min(len, 100));
    return len > 100 ? s + "..." : s;
  }
}
