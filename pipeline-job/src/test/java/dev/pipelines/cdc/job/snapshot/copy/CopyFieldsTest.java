package dev.pipelines.cdc.job.snapshot.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** COPY text-format lines (PostgreSQL docs, COPY, "Text Format") split and unescaped from their bytes. */
class CopyFieldsTest {
  /** The fields of {@code line}, NULL as Java null, decoded as UTF-8. */
  private static List<String> fields(String line) {
    byte[] bytes = ("garbage-before|" + line + "|garbage-after").getBytes(StandardCharsets.UTF_8);
    int offset = "garbage-before|".length();
    int length = line.getBytes(StandardCharsets.UTF_8).length;
    CopyFields f = new CopyFields();
    f.reset(bytes, offset, length);
    List<String> out = new ArrayList<>();
    while (f.hasNext()) {
      f.next();
      out.add(f.isNull() ? null : new String(f.bytes(), f.offset(), f.length(), StandardCharsets.UTF_8));
    }
    return out;
  }

  @Test
  void splitsAtTabsWithEmptyFieldsAndNulls() {
    assertThat(fields("1\tabc\t\t\\N\t")).containsExactly("1", "abc", "", null, "");
    assertThat(fields("")).containsExactly("");
    assertThat(fields("\\N")).containsExactly((String) null);
    assertThat(fields("\t")).containsExactly("", "");
  }

  @Test
  void decodesEveryNamedEscape() {
    assertThat(fields("a\\bb\\fc\\nd\\re\\tf\\vg\\\\h")).containsExactly("a\bb\fc\nd\re\tf\u000bg\\h");
  }

  @Test
  void aBackslashBeforeAnyOtherCharacterIsThatCharacter() {
    assertThat(fields("\\N\\a\\.\\\"\\ä")).containsExactly("Na.\"ä");
    // \N inside a longer field is the letter N, not NULL
    assertThat(fields("x\\N\t\\Nx")).containsExactly("xN", "Nx");
  }

  @Test
  void decodesOctalEscapesOfOneToThreeDigits() {
    assertThat(fields("\\1\\12\\101\\1012")).containsExactly("\u0001\n" + "A" + "A2");
    // octal escapes make bytes: two of them form one UTF-8 character
    assertThat(fields("\\303\\244")).containsExactly("ä");
  }

  @Test
  void decodesHexEscapesOfOneOrTwoDigits() {
    assertThat(fields("\\x41\\x4\\x4142\\xg")).containsExactly("A\u0004A42xg");
    assertThat(fields("\\xc3\\xA4")).containsExactly("ä");
  }

  @Test
  void keepsNonAsciiBytesAndEscapedTabsInsideAField() {
    assertThat(fields("äö€😀\\tx\t\u2028")).containsExactly("äö€😀\tx", "\u2028");
  }

  @Test
  void aFieldWithEscapesLongerThanTheBufferIsDecodedWhole() {
    String longField = "\\\\".repeat(1000) + "x".repeat(5000);
    assertThat(fields(longField + "\tnext")).containsExactly("\\".repeat(1000) + "x".repeat(5000), "next");
  }

  @Test
  void aPlainFieldIsHandedOutInPlace() {
    byte[] line = "abc\tdef".getBytes(StandardCharsets.US_ASCII);
    CopyFields f = new CopyFields();
    f.reset(line, 0, line.length);
    f.next();
    assertThat(f.bytes()).isSameAs(line);
    assertThat(Arrays.copyOfRange(f.bytes(), f.offset(), f.offset() + f.length())).isEqualTo("abc".getBytes());
  }

  @Test
  void aLoneTrailingBackslashAndMissingFieldsAreErrors() {
    CopyFields f = new CopyFields();
    byte[] line = "a\\".getBytes(StandardCharsets.US_ASCII);
    f.reset(line, 0, line.length);
    assertThatThrownBy(f::next).hasMessageContaining("lone backslash");
    byte[] one = "a".getBytes(StandardCharsets.US_ASCII);
    f.reset(one, 0, 1);
    f.next();
    assertThatThrownBy(f::next).hasMessageContaining("fewer fields");
  }
}
