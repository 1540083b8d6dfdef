package dev.pipelines.cdc.emulator.mysql;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** MySQL packet framing: 3-byte little-endian length, 1-byte sequence id, payload. */
final class PacketChannel {

    private static final int MAX_PAYLOAD = 0xFFFFFF;

    private final InputStream in;
    private final OutputStream out;
    private int sequence;

    PacketChannel(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
    }

    /** A client command starts a new exchange: sequence ids restart at the command packet. */
    byte[] readPacket() throws IOException {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        int length;
        do {
            byte[] header = in.readNBytes(4);
            if (header.length < 4) {
                throw new EOFException("client closed the connection");
            }
            length = (header[0] & 0xFF) | (header[1] & 0xFF) << 8 | (header[2] & 0xFF) << 16;
            sequence = (header[3] & 0xFF) + 1;
            byte[] body = in.readNBytes(length);
            if (body.length < length) {
                throw new EOFException("client closed the connection mid-packet");
            }
            payload.writeBytes(body);
        } while (length == MAX_PAYLOAD);
        return payload.toByteArray();
    }

    void resetSequence() {
        sequence = 0;
    }

    void write(byte[] payload) throws IOException {
        int offset = 0;
        while (true) {
            int length = Math.min(MAX_PAYLOAD, payload.length - offset);
            out.write(new byte[] {(byte) length, (byte) (length >> 8), (byte) (length >> 16), (byte) sequence++});
            out.write(payload, offset, length);
            offset += length;
            if (length < MAX_PAYLOAD) {
                break;
            }
        }
    }

    void flush() throws IOException {
        out.flush();
    }
}
