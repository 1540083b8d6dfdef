package dev.pipelines.cdc.emulator.mysql;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads the MySQL protocol's encodings from one packet payload. */
final class PacketReader {

    private final byte[] data;
    private int pos;

    PacketReader(byte[] data) {
        this.data = data;
    }

    boolean hasMore() {
        return pos < data.length;
    }

    int int1() {
        return data[pos++] & 0xFF;
    }

    int int2() {
        return int1() | int1() << 8;
    }

    long int4() {
        return (long) int2() | (long) int2() << 16;
    }

    void skip(int n) {
        pos += n;
    }

    long lenencInt() {
        int first = int1();
        return switch (first) {
            case 0xFC -> int2();
            case 0xFD -> int1() | int1() << 8 | int1() << 16;
            case 0xFE -> int4() | int4() << 32;
            default -> first;
        };
    }

    byte[] bytes(int n) {
        byte[] b = Arrays.copyOfRange(data, pos, pos + n);
        pos += n;
        return b;
    }

    String nulString() {
        int start = pos;
        while (pos < data.length && data[pos] != 0) {
            pos++;
        }
        String s = new String(data, start, pos - start, StandardCharsets.UTF_8);
        pos = Math.min(pos + 1, data.length);
        return s;
    }

    String rest() {
        String s = new String(data, pos, data.length - pos, StandardCharsets.UTF_8);
        pos = data.length;
        return s;
    }
}
