package dev.pipelines.cdc.job.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.starrocks.data.load.stream.StreamLoadResponse;
import com.starrocks.data.load.stream.exception.StreamLoadFailException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Failure texts as flink-connector-starrocks 1.2.10 builds them (its DefaultStreamLoader and
 * TransactionStreamLoader format strings, copied here), with StarRocks' answers: refused rows stop,
 * everything else is left to Flink's restarts.
 */
class LoadFailuresTest {
  private static final Map<String, List<String>> KEYS = Map.of("shop.orders", List.of("id"),
      "shop.items", List.of("order_id", "item_no"));

  /** Both semantics use transaction Stream Load; StarRocks checks the filter ratio at prepare. */
  @Test
  void aPrepareRefusedForFilteredRowsNamesTableColumnAndKey() {
    String errorLog = "Error: NULL value in non-nullable column 'note'. Row: {\"id\":1000,\"owner\":\"ann\",\"note\":null,\"__op\":0}\n";
    Throwable failure = asTheSinkSeesIt(new StreamLoadFailException(String.format(
        "Transaction prepare failed, db: %s, table: %s, label: %s, \nresponseBody: %s\nerrorLog: %s", "shop", "orders",
        "flink-8c1f", "{\"Status\":\"Fail\",\"Message\":\"too many filtered rows\",\"NumberFilteredRows\":1,"
            + "\"ErrorURL\":\"http://be:8040/api/_load_error_log?file=error_log_1\"}", errorLog)));

    RowRejection r = LoadFailures.rowRejection(failure, KEYS).orElseThrow();

    assertThat(r.table()).isEqualTo("shop.orders");
    assertThat(r.column()).isEqualTo("note");
    assertThat(r.key()).isEqualTo("id=1000");
    assertThat(r.reason()).isEqualTo("StarRocks refused the load (too many filtered rows): NULL value in"
        + " non-nullable column 'note'");
    assertThat(r.reason()).as("the row's values stay in StarRocks' error log").doesNotContain("ann");
  }

  @Test
  void aPlainStreamLoadRefusalWithACompositeKey() {
    StreamLoadResponse.StreamLoadResponseBody body = new StreamLoadResponse.StreamLoadResponseBody();
    body.setStatus("Fail");
    body.setMessage("too many filtered rows");
    String errorLog = "Error: Value '123456' is invalid for type VARCHAR(4): the length of input (6 bytes) is longer"
        + " than schema (4 bytes), and column 'sku' is NOT NULL. Row: {\"order_id\":7,\"item_no\":2,\"sku\":\"123456\",\"__op\":0}\n"
        + "Error: NULL value in non-nullable column 'qty'. Row: {\"order_id\":8,\"item_no\":1,\"qty\":null,\"__op\":0}\n";
    Throwable failure = asTheSinkSeesIt(new StreamLoadFailException(String.format(
        "Stream load failed because of error, db: %s, table: %s, label: %s, \nresponseBody: %s\nerrorLog: %s", "shop",
        "items", "flink-1", "{\"Status\":\"Fail\",\"Message\":\"too many filtered rows\"}", errorLog), body));

    RowRejection r = LoadFailures.rowRejection(failure, KEYS).orElseThrow();

    assertThat(r.table()).isEqualTo("shop.items");
    assertThat(r.column()).isEqualTo("sku");
    assertThat(r.key()).isEqualTo("order_id=7, item_no=2");
  }

  /** StarRocks' CSV wording; the row is no JSON object, so no key, and "column count" names no column. */
  @Test
  void anErrorLineWithoutAJsonRowOrAColumnStillStops() {
    Throwable failure = asTheSinkSeesIt(new StreamLoadFailException(String.format(
        "Transaction prepare failed, db: %s, table: %s, label: %s, \nresponseBody: %s\nerrorLog: %s", "shop", "orders",
        "l", "{\"Status\":\"Fail\",\"Message\":\"too many filtered rows\"}",
        "Error: Value count does not match column count. Expect 3, but got 2. Row: 1,abc\n")));

    RowRejection r = LoadFailures.rowRejection(failure, KEYS).orElseThrow();

    assertThat(r.column()).isNull();
    assertThat(r.key()).isNull();
    assertThat(r.reason()).endsWith("Value count does not match column count. Expect 3, but got 2");
  }

  /** The error log could not be fetched (the connector then puts its own note or null there). */
  @Test
  void withoutTheErrorLogTheReasonPointsToTheErrorUrl() {
    Throwable failure = asTheSinkSeesIt(new StreamLoadFailException(String.format(
        "Transaction prepare failed, db: %s, table: %s, label: %s, \nresponseBody: %s\nerrorLog: %s", "shop", "orders",
        "l", "{\"Status\":\"Fail\",\"Message\":\"too many filtered rows\",\"ErrorURL\":\"http://be:8040/api/_load_error_log?file=e_9\"}",
        "Failed to get error log: http://be:8040/api/_load_error_log?file=e_9, exception message: Connection refused")));

    RowRejection r = LoadFailures.rowRejection(failure, KEYS).orElseThrow();

    assertThat(r.reason()).contains("see the error log at ErrorURL http://be:8040/api/_load_error_log?file=e_9");
    assertThat(r.key()).isNull();
  }

  @Test
  void aKeyLongerThanStarRocksAllowsIsTheData() {
    StreamLoadResponse.StreamLoadResponseBody body = new StreamLoadResponse.StreamLoadResponseBody();
    body.setStatus("Fail");
    body.setMessage("primary key size exceed the limit. key size: 140 bytes, limit: 128 bytes");
    Throwable failure = asTheSinkSeesIt(new StreamLoadFailException(String.format(
        "Stream load failed because of error, db: %s, table: %s, label: %s, \nresponseBody: %s\nerrorLog: %s", "shop",
        "orders", "l", "{\"Status\":\"Fail\",\"Message\":\"" + body.getMessage() + "\"}", null), body));

    assertThat(LoadFailures.rowRejection(failure, KEYS)).hasValueSatisfying(r -> {
      assertThat(r.table()).isEqualTo("shop.orders");
      assertThat(r.reason()).contains("primary key size exceed");
    });
  }

  @Test
  void transientFaultsAreLeftToFlinksRestarts() {
    List<Throwable> transients = List.of(
        new StreamLoadFailException(String.format("Request %s failed because http response code is not 200. db: %s,"
            + " table: %s,label: %s, response status line: %s", "load", "shop", "orders", "l",
            "HTTP/1.1 503 Service Unavailable")),
        new StreamLoadFailException(String.format("Request %s failed because http response code is 307 which means"
            + " 'Temporary Redirect'. db: %s, table: %s, label: %s, response status line: %s", "load", "shop", "orders",
            "l", "HTTP/1.1 307")),
        new StreamLoadFailException(String.format("Stream load failed because of unknown exception, db: %s, table: %s,"
            + " label: %s", "shop", "orders", "l"), new ConnectException("Connection refused")),
        new StreamLoadFailException(String.format("Stream load failed because of error, db: %s, table: %s, label: %s,"
            + " \nresponseBody: %s\nerrorLog: %s", "shop", "orders", "l", "{\"Status\":\"Fail\",\"Message\":\"Failed to"
            + " load data into tablet 10050, because of too many versions, current/limit: 1001/1000\"}", null)),
        new StreamLoadFailException("Stream load failed because label existed, db: shop, table: orders, label: l,"
            + " existingJobStatus: RUNNING"),
        new StreamLoadFailException("Transaction commit failed, db: shop, table: orders, label: l, commit response"
            + " status: TXN_NOT_EXISTS, label state: UNKNOWN"),
        new StreamLoadFailException("Transaction start failed, db : shop"),
        new StreamLoadFailException("Request load failed because of access denied. You need to grant at least SELECT"
            + " and INSERT privilege on shop.orders. label: l, response status line: HTTP/1.1 401"),
        new StreamLoadFailException("Stream load failed because of error ... current running txns on db 10002 is 1000,"
            + " larger than limit 1000"),
        new IOException("Broken pipe"),
        new RuntimeException(new SocketTimeoutException("Read timed out")));

    for (Throwable t : transients) {
      assertThat(LoadFailures.rowRejection(asTheSinkSeesIt(t), KEYS)).as(t.getMessage()).isEmpty();
    }
  }

  /** StreamLoadManagerV2.AssertNotException: {@code throw new RuntimeException(e)}. */
  private static Throwable asTheSinkSeesIt(Throwable loadFailure) {
    return new RuntimeException(loadFailure);
  }
}
