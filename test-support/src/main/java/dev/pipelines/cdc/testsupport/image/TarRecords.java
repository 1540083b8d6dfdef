package dev.pipelines.cdc.testsupport.image;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small tar reader: ustar headers, PAX ({@code x}) and GNU ({@code L}) long names. Written out rather than taken
 * from commons-compress, whose 1.28 needs newer commons-io and commons-lang3 than the Flink test classpaths carry
 * (the job module's ITs read image tars too).
 */
final class TarRecords {
  private static final int BLOCK = 512;

  /** One archive member; {@code content} is empty for anything but a regular file. */
  record TarRecord(String name, char type, int mode, long uid, long gid, byte[] content) {
    boolean isDirectory() {
      return type == '5';
    }

    boolean isFile() {
      return type == '0' || type == '\0' || type == '7';
    }
  }

  private TarRecords() {}

  static List<TarRecord> read(InputStream in) throws IOException {
    List<TarRecord> records = new ArrayList<>();
    byte[] header = new byte[BLOCK];
    String longName = null;
    while (readBlock(in, header) && !allZero(header)) {
      String name = text(header, 0, 100);
      String prefix = text(header, 257, 6).startsWith("ustar") ? text(header, 345, 155) : "";
      if (!prefix.isEmpty()) {
        name = prefix + "/" + name;
      }
      char type = (char) header[156];
      byte[] content = readContent(in, number(header, 124, 12));
      switch (type) {
        case 'x' -> longName = paxRecords(content).getOrDefault("path", longName);
        case 'L' -> longName = new String(content, StandardCharsets.UTF_8).replace("\0", "");
        case 'g' -> { } // global PAX header: nothing we use
        default -> {
          records.add(new TarRecord(longName != null ? longName : name, type, (int) number(header, 100, 8),
              number(header, 108, 8), number(header, 116, 8), content));
          longName = null;
        }
      }
    }
    return records;
  }

  /** PAX records: {@code "<length> <key>=<value>\n"}, the length counting the whole record in bytes. */
  private static Map<String, String> paxRecords(byte[] content) {
    Map<String, String> records = new HashMap<>();
    int at = 0;
    while (at < content.length) {
      int space = at;
      while (content[space] != ' ') {
        space++;
      }
      int length = Integer.parseInt(new String(content, at, space - at, StandardCharsets.US_ASCII));
      String record = new String(content, space + 1, at + length - space - 2, StandardCharsets.UTF_8);
      int eq = record.indexOf('=');
      records.put(record.substring(0, eq), record.substring(eq + 1));
      at += length;
    }
    return records;
  }

  private static byte[] readContent(InputStream in, long size) throws IOException {
    if (size > Integer.MAX_VALUE - BLOCK) {
      throw new IOException("tar member of " + size + " bytes is too large to hold in memory");
    }
    byte[] content = in.readNBytes((int) size);
    if (content.length != size) {
      throw new EOFException("tar member cut short");
    }
    in.skipNBytes((BLOCK - size % BLOCK) % BLOCK);
    return content;
  }

  private static boolean readBlock(InputStream in, byte[] block) throws IOException {
    int n = in.readNBytes(block, 0, BLOCK);
    if (n == 0) {
      return false;
    }
    if (n != BLOCK) {
      throw new EOFException("tar header cut short");
    }
    return true;
  }

  private static boolean allZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static String text(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.UTF_8);
  }

  /** Octal, NUL/space padded; or GNU base-256 when the first byte's top bit is set. */
  private static long number(byte[] header, int offset, int length) {
    if ((header[offset] & 0x80) != 0) {
      long value = header[offset] & 0x7f;
      for (int i = offset + 1; i < offset + length; i++) {
        value = (value << 8) | (header[i] & 0xff);
      }
      return value;
    }
    String octal = text(header, offset, length).trim();
    return octal.isEmpty() ? 0 : Long.parseLong(octal, 8);
  }
}
