package dev.pipelines.cdc.bench.decoder;

import static dev.pipelines.cdc.bench.decoder.PgOutputMessages.UNCHANGED;
import static dev.pipelines.cdc.bench.decoder.PgOutputMessages.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PgOutputDecoderTest {
  static final int NARROW = 16_385;
  static final int INT8 = 20;
  static final int INT4 = 23;
  static final int VARCHAR = 1043;
  static final int TIMESTAMPTZ = 1184;
  static final int NUMERIC = 1700;

  /** Every call, as text: "INSERT {...}", "UPDATE partial {...}", "begin 7 @100", "commit 100 200", ... */
  private final List<String> calls = new ArrayList<>();
  private final RowSink sink = new RowSink() {
    @Override
    public void row(RelationShape relation, ChangeKind kind, boolean partial, byte[] json, int offset, int length) {
      calls.add(kind + (partial ? " partial " : " ") + new String(json, offset, length, StandardCharsets.UTF_8));
    }

    @Override
    public void truncate(List<RelationShape> relations, boolean cascade, boolean restartIdentity) {
      calls.add("truncate " + relations + " cascade=" + cascade + " restartIdentity=" + restartIdentity);
    }

    @Override
    public void begin(int xid, long finalLsn) {
      calls.add("begin " + xid + " @" + finalLsn);
    }

    @Override
    public void commit(long commitLsn, long endLsn) {
      calls.add("commit " + commitLsn + " " + endLsn);
    }
  };
  private final PgOutputDecoder decoder = new PgOutputDecoder(sink);

  @BeforeEach
  void narrowRelation() {
    decode(narrowRelation('d'));
  }

  /** public.narrow as BenchTable creates it: id bigint PRIMARY KEY, v int, s varchar(32), ts timestamptz, n numeric. */
  static PgOutputMessages narrowRelation(char identity) {
    boolean full = identity == 'f';
    return message('R').int32(NARROW).cstring("public").cstring("narrow").byte1(identity).int16(5)
        .column(true, "id", INT8).column(full, "v", INT4).column(full, "s", VARCHAR)
        .column(full, "ts", TIMESTAMPTZ).column(full, "n", NUMERIC);
  }

  private byte decode(PgOutputMessages m) {
    byte[] b = m.bytes();
    return decoder.decode(b, 0, b.length);
  }

  private static PgOutputMessages insert(String... values) {
    return message('I').int32(NARROW).byte1('N').tuple(values);
  }

  @Test
  void relationThenInsert() {
    decode(insert("1", "2", "abc", "2024-01-01 00:00:01+00", "0.1429"));
    assertThat(calls).containsExactly(
        "INSERT {\"id\":1,\"v\":2,\"s\":\"abc\",\"ts\":\"2024-01-01 00:00:01\",\"n\":\"0.1429\",\"__op\":0}");
    RelationShape rel = decoder.relations().get(NARROW);
    assertThat(rel.toString()).isEqualTo("public.narrow (oid 16385)");
    assertThat(rel.columnNames()).containsExactly("id", "v", "s", "ts", "n");
    assertThat(rel.replicaIdentity()).isEqualTo('d');
  }

  @Test
  void beginAndCommitReachTheSinkAndAreReturned() {
    assertThat(decode(message('B').int64(0x1_0000_0100L).int64(777).int32(7))).isEqualTo((byte) 'B');
    assertThat(decode(message('C').byte1(0).int64(0x1_0000_0100L).int64(0x1_0000_0200L).int64(777)))
        .isEqualTo((byte) 'C');
    assertThat(calls).containsExactly("begin 7 @" + 0x1_0000_0100L,
        "commit " + 0x1_0000_0100L + " " + 0x1_0000_0200L);
  }

  @Test
  void updateWithoutOldTupleIsOneUpsert() {
    decode(message('U').int32(NARROW).byte1('N').tuple("5", "6", "updated", "2024-01-01 00:00:05+00", "1.0000"));
    assertThat(calls).containsExactly(
        "UPDATE {\"id\":5,\"v\":6,\"s\":\"updated\",\"ts\":\"2024-01-01 00:00:05\",\"n\":\"1.0000\",\"__op\":0}");
  }

  @Test
  void updateWithChangedOldKeyDeletesTheOldKeyFirst() {
    decode(message('U').int32(NARROW).byte1('K').tuple("1", null, null, null, null)
        .byte1('N').tuple("2", "6", "x", "2024-01-01 00:00:05+00", "1.0000"));
    assertThat(calls).containsExactly("UPDATE_OLD_KEY_DELETE {\"id\":1,\"__op\":1}",
        "UPDATE {\"id\":2,\"v\":6,\"s\":\"x\",\"ts\":\"2024-01-01 00:00:05\",\"n\":\"1.0000\",\"__op\":0}");
  }

  @Test
  void underReplicaIdentityFullTheTablesKeyDecidesWhetherAnUpdateChangedIt() {
    PgOutputDecoder keyed =
        new PgOutputDecoder(sink, (namespace, table) -> table.equals("narrow") ? List.of("id") : null);
    byte[] relation = narrowRelation('f').bytes();
    byte[] update = message('U').int32(NARROW).byte1('O').tuple("3", "1", "old", "2024-01-01 00:00:05+00", "1.0000")
        .byte1('N').tuple("3", "2", "new", "2024-01-01 00:00:05+00", "1.0000").bytes();
    byte[] delete = message('D').int32(NARROW).byte1('O').tuple("3", "2", "new", "2024-01-01 00:00:05+00", null)
        .bytes();
    keyed.decode(relation, 0, relation.length);
    keyed.decode(update, 0, update.length);
    keyed.decode(delete, 0, delete.length);
    assertThat(calls).containsExactly(
        "UPDATE {\"id\":3,\"v\":2,\"s\":\"new\",\"ts\":\"2024-01-01 00:00:05\",\"n\":\"1.0000\",\"__op\":0}",
        "DELETE {\"id\":3,\"__op\":1}");
    calls.clear();
    // Without it, every column is "key": any change deletes the old row first (right final state, more rows).
    decode(narrowRelation('f'));
    decoder.decode(update, 0, update.length);
    assertThat(calls).containsExactly(
        "UPDATE_OLD_KEY_DELETE {\"id\":3,\"v\":1,\"s\":\"old\",\"ts\":\"2024-01-01 00:00:05\",\"n\":\"1.0000\","
            + "\"__op\":1}",
        "UPDATE {\"id\":3,\"v\":2,\"s\":\"new\",\"ts\":\"2024-01-01 00:00:05\",\"n\":\"1.0000\",\"__op\":0}");
  }

  @Test
  void updateWithAnUnchangedOldKeyIsOneUpsert() {
    decode(message('U').int32(NARROW).byte1('K').tuple("3", null, null, null, null)
        .byte1('N').tuple("3", "2", "new", "2024-01-01 00:00:05+00", "1.0000"));
    assertThat(calls).containsExactly(
        "UPDATE {\"id\":3,\"v\":2,\"s\":\"new\",\"ts\":\"2024-01-01 00:00:05\",\"n\":\"1.0000\",\"__op\":0}");
  }

  @Test
  void deleteCarriesOnlyTheKey() {
    decode(message('D').int32(NARROW).byte1('K').tuple("7", null, null, null, null));
    assertThat(calls).containsExactly("DELETE {\"id\":7,\"__op\":1}");
  }

  @Test
  void deleteUnderReplicaIdentityFullCarriesEveryColumn() {
    decode(narrowRelation('f'));
    decode(message('D').int32(NARROW).byte1('O').tuple("7", "8", "s", "2024-01-01 00:00:05+00", null));
    assertThat(calls).containsExactly(
        "DELETE {\"id\":7,\"v\":8,\"s\":\"s\",\"ts\":\"2024-01-01 00:00:05\",\"n\":null,\"__op\":1}");
  }

  @Test
  void nullIsJsonNullAndAnUnchangedToastValueIsLeftOutOfAPartialRow() {
    decode(insert("1", null, null, null, null));
    decode(message('U').int32(NARROW).byte1('N').tuple("1", "3", UNCHANGED, null, "2.5000"));
    assertThat(calls).containsExactly("INSERT {\"id\":1,\"v\":null,\"s\":null,\"ts\":null,\"n\":null,\"__op\":0}",
        "UPDATE partial {\"id\":1,\"v\":3,\"ts\":null,\"n\":\"2.5000\",\"__op\":0}");
  }

  @Test
  void textIsJsonEscapedAndNonAsciiPassesAsUtf8() {
    decode(insert("1", "2", "q\"b\\s/\n\t\r\b\f\u0001\u001f\u007f é漢😀", "2024-01-01 00:00:01+00", "0"));
    assertThat(calls).containsExactly("INSERT {\"id\":1,\"v\":2,\"s\":\"q\\\"b\\\\s/\\n\\t\\r\\b\\f\\u0001\\u001F\u007f"
        + " é漢😀\",\"ts\":\"2024-01-01 00:00:01\",\"n\":\"0\",\"__op\":0}");
  }

  @Test
  void columnNamesAreEscapedToo() {
    decode(message('R').int32(9).cstring("public").cstring("odd").byte1('d').int16(2)
        .column(true, "a\"b", INT4).column(false, "é", VARCHAR));
    decode(message('I').int32(9).byte1('N').tuple("1", "x"));
    assertThat(calls).containsExactly("INSERT {\"a\\\"b\":1,\"é\":\"x\",\"__op\":0}");
  }

  @Test
  void timestamptzMovesToUtcKeepingTheFraction() {
    decode(insert("1", "2", "a", "2024-03-10 01:30:00.5+05:30", "0"));
    decode(insert("2", "2", "a", "2023-12-31 23:59:59.999999-08", "0"));
    decode(insert("3", "2", "a", "2024-01-01 00:00:00+00:53:28", "0"));
    decode(insert("4", "2", "a", "2024-02-28 23:00:00.000001-02", "0"));
    decode(insert("5", "2", "a", "10000-01-01 00:30:00+01", "0"));
    assertThat(calls).extracting(c -> c.substring(c.indexOf("\"ts\":"), c.indexOf(",\"n\""))).containsExactly(
        "\"ts\":\"2024-03-09 20:00:00.500000\"", "\"ts\":\"2024-01-01 07:59:59.999999\"",
        "\"ts\":\"2023-12-31 23:06:32\"", "\"ts\":\"2024-02-29 01:00:00.000001\"", "\"ts\":\"9999-12-31 23:30:00\"");
  }

  @Test
  void otherTypes() {
    decode(message('R').int32(10).cstring("public").cstring("types").byte1('d').int16(8)
        .column(true, "i", 21).column(false, "b", 16).column(false, "f", 701).column(false, "r", 700)
        .column(false, "j", 3802).column(false, "t", 1114).column(false, "d", 1082).column(false, "e", 99_999));
    decode(message('I').int32(10).byte1('N')
        .tuple("-3", "t", "1.5e+100", "NaN", "{\"a\": [1, 2]}", "2024-01-01 12:00:00.123", "2024-01-01", "enum"));
    decode(message('I').int32(10).byte1('N').tuple("4", "f", "-Infinity", "-0.5", "null", null, null, null));
    assertThat(calls).containsExactly(
        "INSERT {\"i\":-3,\"b\":true,\"f\":1.5e+100,\"r\":\"NaN\",\"j\":{\"a\": [1, 2]},"
            + "\"t\":\"2024-01-01 12:00:00.123000\",\"d\":\"2024-01-01\",\"e\":\"enum\",\"__op\":0}",
        "INSERT {\"i\":4,\"b\":false,\"f\":\"-Infinity\",\"r\":-0.5,\"j\":null,\"t\":null,\"d\":null,\"e\":null,"
            + "\"__op\":0}");
  }

  @Test
  void timestampsWithoutADateTimeValueAreRefused() {
    assertThatThrownBy(() -> decode(insert("1", "2", "a", "infinity", "0")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'infinity'");
    assertThatThrownBy(() -> decode(insert("1", "2", "a", "0044-03-15 12:00:00+00 BC", "0")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BC");
    assertThatThrownBy(() -> decode(insert("1", "2", "a", "2024-01-01 00:00:00", "0")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without a UTC offset");
  }

  @Test
  void truncateReachesTheSink() {
    decode(message('T').int32(1).byte1(3).int32(NARROW));
    assertThat(calls).containsExactly("truncate [public.narrow (oid 16385)] cascade=true restartIdentity=true");
  }

  @Test
  void typeAndOriginMessagesAreSkipped() {
    assertThat(decode(message('Y').int32(99_999).cstring("public").cstring("mood"))).isEqualTo((byte) 'Y');
    assertThat(decode(message('O').int64(42).cstring("origin"))).isEqualTo((byte) 'O');
    assertThat(calls).isEmpty();
  }

  @Test
  void anUnknownMessageTypeIsAClearError() {
    assertThatThrownBy(() -> decode(message('S').int32(1).byte1(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pgoutput message type 'S' (0x53, 6 bytes) is not one protocol version 1 sends");
  }

  @Test
  void malformedMessagesAreClearErrors() {
    assertThatThrownBy(() -> decode(message('I').int32(4242).byte1('N').tuple("1")))
        .hasMessageContaining("relation oid 4242 before its Relation message");
    assertThatThrownBy(() -> decode(insert("1", "2")))
        .hasMessageContaining("has 2 columns, its Relation message 5");
    assertThatThrownBy(() -> decode(message('I').int32(NARROW).byte1('N').int16(5).byte1('b').int32(1).byte1(1)))
        .hasMessageContaining("binary value");
    byte[] truncated = insert("1", "2", "abc", "2024-01-01 00:00:01+00", "0.1429").bytes();
    assertThatThrownBy(() -> decoder.decode(truncated, 0, truncated.length - 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("runs past the message");
  }

  @Test
  void aByteBufferSliceAsPgjdbcHandsItOver() {
    byte[] m = insert("1", "2", "abc", "2024-01-01 00:00:01+00", "0.1429").bytes();
    byte[] framed = new byte[m.length + 25]; // pgjdbc: 'w', start LSN, end LSN, clock, then the message
    System.arraycopy(m, 0, framed, 25, m.length);
    ByteBuffer slice = ByteBuffer.wrap(framed, 1, framed.length - 1).slice();
    slice.position(24);
    decoder.decode(slice);
    assertThat(calls).containsExactly(
        "INSERT {\"id\":1,\"v\":2,\"s\":\"abc\",\"ts\":\"2024-01-01 00:00:01\",\"n\":\"0.1429\",\"__op\":0}");
  }
}
