package dev.pipelines.cdc.emulator.load;

/** A load that fails as a whole (bad request, unknown column in 'columns', malformed body...). */
public final class LoadException extends RuntimeException {

    public LoadException(String message) {
        super(message);
    }
}
