package dev.pipelines.cdc.emulator.load;

/** The states {@code GET /api/{db}/get_load_state} reports for a label. */
public enum LabelState {
    /** Transaction begun, rows may still arrive. */
    PREPARE,
    PREPARED,
    /** Committed but not yet visible (the emulator uses it only after an injected Publish Timeout). */
    COMMITTED,
    VISIBLE,
    ABORTED,
    UNKNOWN;

    public boolean finished() {
        return this == COMMITTED || this == VISIBLE;
    }
}
