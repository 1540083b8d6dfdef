package dev.pipelines.cdc.emulator.mysql;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds one packet payload with the MySQL protocol's integer and string encodings. */
final class PacketBuilder {

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    PacketBuilder int1(int v) {
        buffer.write(v);
        return this;
    }

    PacketBuilder int2(int v) {
        buffer.write(v);
        buffer.write(v >> 8);
        return this;
    }

    PacketBuilder int4(long v) {
        for (int i = 0; i < 4; i++) {
            buffer.write((int) (v >> (8 * i)));
        }
        return this;
    }

    PacketBuilder lenencInt(long v) {
        if (v < 251) {
            buffer.write((int) v);
        } else if (v < 0x10000) {
            buffer.write(0xFC);
            int2((int) v);
        } else if (v < 0x1000000) {
            buffer.write(0xFD);
            buffer.write((int) v);
            buffer.write((int) (v >> 8));
            buffer.write((int) (v >> 16));
        } else {
            buffer.write(0xFE);
            for (int i = 0; i < 8; i++) {
                buffer.write((int) (v >> (8 * i)));
            }
        }
        return this;
    }

    PacketBuilder lenencString(String s) {
        if (s == null) {
            buffer.write(0xFB);
            return this;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        lenencInt(bytes.length);
        buffer.writeBytes(bytes);
        return this;
    }

    PacketBuilder nulString(String s) {
        buffer.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        buffer.write(0);
        return this;
    }

    PacketBuilder bytes(byte[] b) {
        buffer.writeBytes(b);
        return this;
    }

    PacketBuilder zeros(int n) {
        for (int i = 0; i < n; i++) {
            buffer.write(0);
        }
        return this;
    }

    byte[] build() {
        return buffer.toByteArray();
    }
}
