package dev.pipelines.cdc.emulator.load;

import dev.pipelines.cdc.emulator.catalog.Catalog;
import dev.pipelines.cdc.emulator.catalog.TableDef;

import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Stream Load and the Stream Load transaction interface, as a BE+FE pair would serve them.
 *
 * <p>Every load, plain or transactional, is a transaction with a label that is unique per database
 * (a label can be reused once its transaction is aborted). Plain loads apply at once; transactions
 * buffer their rows and apply them atomically at commit.
 */
public final class LoadEngine {

    /** How an injected publish timeout changes an otherwise successful commit. */
    public enum Publish { NORMAL, TIMEOUT }

    private static final int DEFAULT_TIMEOUT_SECONDS = 600;
    private static final int DEFAULT_PREPARED_TIMEOUT_SECONDS = 86400;
    /** StarRocks' own spelling, as documented. */
    private static final String NOT_EXIST = "Transcation Not Exist";

    private final Catalog catalog;
    private final StoreWriter writer;
    private final ErrorLogs errorLogs;
    private final Clock clock;
    private final AtomicLong txnIds = new AtomicLong(1000);
    private final Map<String, Map<String, StreamTransaction>> labels = new ConcurrentHashMap<>();

    public LoadEngine(Catalog catalog, StoreWriter writer, ErrorLogs errorLogs, Clock clock) {
        this.catalog = catalog;
        this.writer = writer;
        this.errorLogs = errorLogs;
        this.clock = clock;
    }

    public ErrorLogs errorLogs() {
        return errorLogs;
    }

    // ---- plain Stream Load ----------------------------------------------------------------------------

    public ApiResponse streamLoad(String db, String tableName, Function<String, String> headers, byte[] body,
                                  Publish publish) {
        long start = clock.millis();
        String label = Optional.ofNullable(headers.apply("label")).filter(l -> !l.isBlank())
                .orElseGet(() -> UUID.randomUUID().toString());
        Optional<String> missing = checkTable(db, tableName);
        if (missing.isPresent()) {
            return loadResult(null, label, "Fail", missing.get(), null, null, start);
        }
        StreamTransaction txn;
        synchronized (this) {
            StreamTransaction existing = find(db, label);
            if (existing != null && existing.state != LabelState.ABORTED) {
                return TxnResponses.labelExists(existing);
            }
            txn = register(db, tableName, label, DEFAULT_TIMEOUT_SECONDS);
        }
        synchronized (txn) {
            TableDef table = catalog.table(db, tableName).orElseThrow();
            LoadBatch batch;
            try {
                LoadRequest request = LoadRequest.fromHeaders(db, tableName, headers);
                batch = RowConverter.convert(request, table, body);
                txn.maxFilterRatio = request.maxFilterRatio();
            } catch (LoadException | NumberFormatException e) {
                txn.abort();
                return loadResult(txn, label, "Fail", e.getMessage(), null, null, start);
            }
            String errorUrl = batch.filteredRows() > 0 ? errorLogs.store(label, batch.errors()) : null;
            if (batch.exceeds(txn.maxFilterRatio)) {
                txn.abort();
                return loadResult(txn, label, "Fail", "too many filtered rows", batch, errorUrl, start);
            }
            try {
                writer.apply(table, List.of(batch));
            } catch (SQLException | RuntimeException e) {
                txn.abort();
                return loadResult(txn, label, "Fail", "Store error: " + e.getMessage(), batch, errorUrl, start);
            }
            if (publish == Publish.TIMEOUT) {
                txn.state = LabelState.COMMITTED;
                return loadResult(txn, label, "Publish Timeout",
                        "transaction commit successfully, BUT data will be visible later", batch, errorUrl, start);
            }
            txn.state = LabelState.VISIBLE;
            return loadResult(txn, label, "Success", "OK", batch, errorUrl, start);
        }
    }

    private ApiResponse loadResult(StreamTransaction txn, String label, String status, String message,
                                   LoadBatch batch, String errorUrl, long start) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("TxnId", txn == null ? -1 : txn.txnId);
        body.put("Label", label);
        body.put("Status", status);
        body.put("Message", message);
        body.put("NumberTotalRows", batch == null ? 0 : batch.totalRows());
        body.put("NumberLoadedRows", batch == null || !status.equals("Success") && !status.equals("Publish Timeout")
                ? 0 : batch.loadedRows());
        body.put("NumberFilteredRows", batch == null ? 0 : batch.filteredRows());
        body.put("NumberUnselectedRows", 0);
        body.put("LoadBytes", batch == null ? 0 : batch.loadBytes());
        body.put("LoadTimeMs", clock.millis() - start);
        if (errorUrl != null) {
            body.put("ErrorURL", errorUrl);
        }
        return ApiResponse.ok(body);
    }

    // ---- transaction interface ------------------------------------------------------------------------

    public ApiResponse begin(Function<String, String> headers) {
        String label = headers.apply("label");
        String db = headers.apply("db");
        String table = headers.apply("table");
        if (label == null || label.isBlank()) {
            return ApiResponse.status("FAILED", "empty label: a transaction needs a label");
        }
        if (db == null || db.isBlank()) {
            return ApiResponse.status("FAILED", "No database selected");
        }
        Optional<String> missing = checkTable(db, table == null ? "" : table);
        if (missing.isPresent()) {
            return ApiResponse.status("FAILED", missing.get());
        }
        synchronized (this) {
            StreamTransaction existing = find(db, label);
            if (existing != null && existing.state != LabelState.ABORTED) {
                ApiResponse exists = TxnResponses.labelExists(existing);
                exists.body().put("Status", "LABEL_ALREADY_EXISTS");
                synchronized (existing) {
                    // Documented: beginning with the label of an open transaction fails that transaction.
                    if (existing.state == LabelState.PREPARE) {
                        existing.abort();
                    }
                }
                return exists;
            }
            int timeout = parseInt(headers.apply("timeout"), DEFAULT_TIMEOUT_SECONDS);
            StreamTransaction txn = register(db, table, label, timeout);
            txn.idleTimeoutMillis = parseInt(headers.apply("idle_transaction_timeout"), 0) * 1000L;
            txn.lastActivityMillis = clock.millis();
            Map<String, Object> body = TxnResponses.txnBody(txn, "OK", "");
            body.put("BeginTxnTimeMs", 0);
            return ApiResponse.ok(body);
        }
    }

    public ApiResponse load(Function<String, String> headers, byte[] body) {
        StreamTransaction txn = lookup(headers);
        if (txn == null || txn.state == LabelState.ABORTED) {
            return TxnResponses.txnFailed(txn, headers.apply("label"), "TXN_NOT_EXISTS");
        }
        synchronized (txn) {
            txn.lastActivityMillis = clock.millis();
            if (txn.state != LabelState.PREPARE) {
                return TxnResponses.txnFailed(txn, txn.label, "Transcation State Invalid");
            }
            String table = headers.apply("table");
            if (table != null && !table.equals(txn.table)) {
                txn.abort();
                return TxnResponses.txnFailed(txn, txn.label, "Transaction " + txn.label + " was begun for table "
                        + txn.table + ", not " + table);
            }
            LoadBatch batch;
            try {
                LoadRequest request = LoadRequest.fromHeaders(txn.database, txn.table, headers);
                batch = RowConverter.convert(request, catalog.table(txn.database, txn.table).orElseThrow(), body);
                txn.maxFilterRatio = request.maxFilterRatio();
            } catch (LoadException | NumberFormatException e) {
                // Documented: a failed load rolls its transaction back.
                txn.abort();
                return TxnResponses.txnFailed(txn, txn.label, e.getMessage());
            }
            txn.batches.add(batch);
            Map<String, Object> response = TxnResponses.txnBody(txn, "OK", "");
            response.put("NumberTotalRows", batch.totalRows());
            response.put("NumberLoadedRows", batch.loadedRows());
            response.put("NumberFilteredRows", batch.filteredRows());
            response.put("NumberUnselectedRows", 0);
            response.put("LoadBytes", batch.loadBytes());
            if (batch.filteredRows() > 0) {
                response.put("ErrorURL", errorLogs.store(txn.label, batch.errors()));
            }
            return ApiResponse.ok(response);
        }
    }

    public ApiResponse prepare(Function<String, String> headers) {
        StreamTransaction txn = lookup(headers);
        if (txn == null || txn.state == LabelState.ABORTED) {
            return TxnResponses.txnFailed(txn, headers.apply("label"), NOT_EXIST);
        }
        synchronized (txn) {
            if (txn.state == LabelState.PREPARED) {
                return ApiResponse.ok(TxnResponses.totals(txn, "OK", ""));
            }
            if (txn.state != LabelState.PREPARE) {
                return TxnResponses.txnFailed(txn, txn.label, "Transcation State Invalid");
            }
            Optional<ApiResponse> tooManyFiltered = checkFilterRatio(txn);
            if (tooManyFiltered.isPresent()) {
                return tooManyFiltered.get();
            }
            int preparedTimeout = parseInt(headers.apply("prepared_timeout"), DEFAULT_PREPARED_TIMEOUT_SECONDS);
            txn.preparedDeadlineMillis = clock.millis() + preparedTimeout * 1000L;
            txn.state = LabelState.PREPARED;
            return ApiResponse.ok(TxnResponses.totals(txn, "OK", ""));
        }
    }

    public ApiResponse commit(Function<String, String> headers, Publish publish) {
        StreamTransaction txn = lookup(headers);
        if (txn == null || txn.state == LabelState.ABORTED) {
            return TxnResponses.txnFailed(txn, headers.apply("label"), NOT_EXIST);
        }
        synchronized (txn) {
            if (txn.state.finished()) {
                // Documented: committing a committed label again answers OK (a restarted writer re-commits).
                return ApiResponse.ok(TxnResponses.txnBody(txn, "OK", "Transaction already commited"));
            }
            if (txn.state == LabelState.PREPARE) {
                Optional<ApiResponse> tooManyFiltered = checkFilterRatio(txn);
                if (tooManyFiltered.isPresent()) {
                    return tooManyFiltered.get();
                }
            }
            try {
                writer.apply(catalog.table(txn.database, txn.table).orElseThrow(), txn.batches);
            } catch (SQLException | RuntimeException e) {
                txn.abort();
                return TxnResponses.txnFailed(txn, txn.label, "Store error: " + e.getMessage());
            }
            Map<String, Object> body = TxnResponses.totals(txn, "OK", "");
            txn.batches.clear();
            if (publish == Publish.TIMEOUT) {
                // Documented shape: the commit stands, but the answer is FAILED / "publish timeout".
                txn.state = LabelState.COMMITTED;
                Map<String, Object> failed = TxnResponses.txnBody(txn, "FAILED", "publish timeout");
                failed.put("CommitAndPublishTimeMs", 0);
                return ApiResponse.ok(failed);
            }
            txn.state = LabelState.VISIBLE;
            return ApiResponse.ok(body);
        }
    }

    public ApiResponse rollback(Function<String, String> headers) {
        StreamTransaction txn = lookup(headers);
        if (txn == null) {
            return TxnResponses.txnFailed(null, headers.apply("label"), NOT_EXIST);
        }
        synchronized (txn) {
            if (txn.state.finished()) {
                return TxnResponses.txnFailed(txn, txn.label, "Transaction " + txn.label
                        + " has already been committed and cannot be rolled back");
            }
            txn.abort();
            return ApiResponse.ok(TxnResponses.txnBody(txn, "OK", ""));
        }
    }

    /** {@code GET /api/{db}/get_load_state?label=...}. */
    public ApiResponse loadState(String db, String label) {
        StreamTransaction txn = find(db, label);
        LabelState state = LabelState.UNKNOWN;
        if (txn != null) {
            synchronized (txn) {
                expireIfDue(txn);
                state = txn.state;
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Label", label);
        body.put("State", state.name());
        body.put("Status", "OK");
        body.put("Message", "Success");
        return ApiResponse.ok(body);
    }

    // ---- helpers --------------------------------------------------------------------------------------

    private Optional<ApiResponse> checkFilterRatio(StreamTransaction txn) {
        LoadBatch all = new LoadBatch(List.of(), false, txn.totalRows(), txn.filteredRows(), txn.loadBytes(),
                txn.errors());
        if (!all.exceeds(txn.maxFilterRatio)) {
            return Optional.empty();
        }
        String errorUrl = errorLogs.store(txn.label, all.errors());
        txn.abort();
        ApiResponse response = TxnResponses.txnFailed(txn, txn.label, "too many filtered rows");
        response.body().put("ErrorURL", errorUrl);
        return Optional.of(response);
    }

    private Optional<String> checkTable(String db, String table) {
        if (!catalog.databaseExists(db)) {
            return Optional.of("Database[" + db + "] does not exist");
        }
        if (catalog.table(db, table).isEmpty()) {
            return Optional.of("Table[" + table + "] does not exist in database[" + db + "]");
        }
        return Optional.empty();
    }

    private StreamTransaction register(String db, String table, String label, int timeoutSeconds) {
        StreamTransaction txn = new StreamTransaction(db, table, label, txnIds.incrementAndGet(),
                clock.millis() + timeoutSeconds * 1000L);
        labels.computeIfAbsent(db, k -> new ConcurrentHashMap<>()).put(label, txn);
        return txn;
    }

    private StreamTransaction find(String db, String label) {
        if (db == null || label == null) {
            return null;
        }
        Map<String, StreamTransaction> byLabel = labels.get(db);
        return byLabel == null ? null : byLabel.get(label);
    }

    /** A transaction addressed by the {@code db} and {@code label} headers; expired ones are aborted first. */
    private StreamTransaction lookup(Function<String, String> headers) {
        StreamTransaction txn = find(headers.apply("db"), headers.apply("label"));
        if (txn != null) {
            synchronized (txn) {
                expireIfDue(txn);
            }
        }
        return txn;
    }

    private void expireIfDue(StreamTransaction txn) {
        if (txn.expired(clock.millis())) {
            txn.abort();
        }
    }

    private static int parseInt(String value, int fallback) {
        try {
            return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
