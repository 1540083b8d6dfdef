package dev.pipelines.cdc.emulator.load;

import java.util.ArrayList;
import java.util.List;

/** One Stream Load transaction: rows are buffered per load and applied to the store at commit. */
final class StreamTransaction {

    final String database;
    final String table;
    final String label;
    final long txnId;
    final long deadlineMillis;
    final List<LoadBatch> batches = new ArrayList<>();
    LabelState state = LabelState.PREPARE;
    long preparedDeadlineMillis = Long.MAX_VALUE;
    double maxFilterRatio;
    /** 0 = no idle timeout ({@code idle_transaction_timeout} header at begin). */
    long idleTimeoutMillis;
    long lastActivityMillis;

    StreamTransaction(String database, String table, String label, long txnId, long deadlineMillis) {
        this.database = database;
        this.table = table;
        this.label = label;
        this.txnId = txnId;
        this.deadlineMillis = deadlineMillis;
    }

    int totalRows() {
        return batches.stream().mapToInt(LoadBatch::totalRows).sum();
    }

    int filteredRows() {
        return batches.stream().mapToInt(LoadBatch::filteredRows).sum();
    }

    long loadBytes() {
        return batches.stream().mapToLong(LoadBatch::loadBytes).sum();
    }

    List<String> errors() {
        List<String> errors = new ArrayList<>();
        batches.forEach(b -> errors.addAll(b.errors()));
        return errors;
    }

    /** Aborted transactions keep their label (reusable) but drop their buffered rows. */
    void abort() {
        state = LabelState.ABORTED;
        batches.clear();
    }

    /** Open transactions expire after their timeout or idle timeout, prepared ones after the prepared timeout. */
    boolean expired(long nowMillis) {
        return state == LabelState.PREPARE && nowMillis > deadlineMillis
                || state == LabelState.PREPARE && idleTimeoutMillis > 0 && nowMillis - lastActivityMillis > idleTimeoutMillis
                || state == LabelState.PREPARED && nowMillis > preparedDeadlineMillis;
    }
}
