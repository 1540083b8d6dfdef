package dev.pipelines.cdc.emulator.load;

import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP status and a JSON body (field order kept, as StarRocks prints it). */
public record ApiResponse(int httpStatus, Map<String, Object> body) {

    public static ApiResponse ok(Map<String, Object> body) {
        return new ApiResponse(200, body);
    }

    /** The transaction API's error shape: {@code {"Status": status, "Message": message}}. */
    public static ApiResponse status(String status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Status", status);
        body.put("Message", message);
        return new ApiResponse(200, body);
    }
}
