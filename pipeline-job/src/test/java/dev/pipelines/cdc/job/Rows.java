package dev.pipelines.cdc.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.testsupport.compare.TableChecksum;
import dev.pipelines.cdc.testsupport.compare.TableChecksum.Column;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The job tests' reading of both sides: a column of text, and the row-by-row comparison that must come out equal. */
final class Rows {
  private Rows() {}

  /** The first column of every row {@code sql} returns, as text. */
  static List<String> strings(Connection c, String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  /** Source and sink hold the same rows (0 lost, 0 extra, 0 different), and the source has some. */
  static void assertEqual(Connection pg, String pgTable, Connection sr, String srTable, List<Column> columns, int keys)
      throws Exception {
    TableChecksum.Result result = TableChecksum.compare(pg, pgTable, sr, srTable, columns, keys);
    assertThat(result.sourceRows()).as("%s has rows", pgTable).isPositive();
    assertThat(result.equal()).as("%s: %s", pgTable, result).isTrue();
  }
}
