package dev.pipelines.cdc.emulator.load;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON bodies of the transaction API, in the shapes StarRocks documents. */
final class TxnResponses {

    private TxnResponses() {
    }

    static ApiResponse labelExists(StreamTransaction existing) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("TxnId", existing.txnId);
        body.put("Label", existing.label);
        body.put("Status", "Label Already Exists");
        body.put("ExistingJobStatus", existing.state.finished() ? "FINISHED" : "RUNNING");
        body.put("Message", "Label [" + existing.label + "] has already been used.");
        return ApiResponse.ok(body);
    }

    /** The documented failure shape of the transaction API: TxnId, Label, Status FAILED, Message. */
    static ApiResponse txnFailed(StreamTransaction txn, String label, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("TxnId", txn == null ? -1 : txn.txnId);
        body.put("Label", label);
        body.put("Status", "FAILED");
        body.put("Message", message);
        return ApiResponse.ok(body);
    }

    static Map<String, Object> txnBody(StreamTransaction txn, String status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("TxnId", txn.txnId);
        body.put("Label", txn.label);
        body.put("Status", status);
        body.put("Message", message);
        return body;
    }

    static Map<String, Object> totals(StreamTransaction txn, String status, String message) {
        Map<String, Object> body = txnBody(txn, status, message);
        body.put("NumberTotalRows", txn.totalRows());
        body.put("NumberLoadedRows", txn.totalRows() - txn.filteredRows());
        body.put("NumberFilteredRows", txn.filteredRows());
        body.put("NumberUnselectedRows", 0);
        body.put("LoadBytes", txn.loadBytes());
        return body;
    }
}
