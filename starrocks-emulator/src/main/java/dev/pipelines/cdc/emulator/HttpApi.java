package dev.pipelines.cdc.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipelines.cdc.emulator.load.ApiResponse;
import dev.pipelines.cdc.emulator.load.LoadEngine;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The FE and BE HTTP APIs. Both ports are served by this one handler; the FE answers loads with a
 * 307 to the BE before the body is sent (the client is waiting on {@code Expect: 100-continue}), as
 * StarRocks' FE does, and serves label state itself.
 */
final class HttpApi extends Handler.Abstract {

    static final String FE = "fe";
    static final String BE = "be";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LoadEngine engine;
    private final Faults faults;
    private final RequestCounter counter;
    private final String user;
    private final String password;
    private final Supplier<String> beBaseUrl;

    HttpApi(LoadEngine engine, Faults faults, RequestCounter counter, String user, String password,
            Supplier<String> beBaseUrl) {
        this.beBaseUrl = beBaseUrl;
        this.engine = engine;
        this.faults = faults;
        this.counter = counter;
        this.user = user;
        this.password = password;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = request.getHttpURI().getPath();
        Optional<Endpoint> endpoint = Endpoint.of(path);
        if (endpoint.isEmpty()) {
            return send(response, callback, ApiResponse.status("FAILED", "No handler for " + path)
                    .body(), 404);
        }
        Endpoint e = endpoint.get();
        if (e != Endpoint.ERROR_LOG && !authorized(request)) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Basic realm=\"StarRocks emulator\"");
            return send(response, callback, ApiResponse.status("FAILED",
                    "Access denied; check the user name and password").body(), 401);
        }
        boolean fe = FE.equals(request.getConnectionMetaData().getConnector().getName());
        if (fe && (e == Endpoint.STREAM_LOAD || e.name().startsWith("TXN_"))) {
            counter.countRedirect();
            String query = request.getHttpURI().getQuery();
            response.setStatus(307);
            response.getHeaders().put(HttpHeader.LOCATION, beBaseUrl.get() + path + (query == null ? "" : "?" + query));
            // The body was never asked for (no 100 Continue), so this connection cannot be reused.
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            response.write(true, BufferUtil.EMPTY_BUFFER, callback);
            return true;
        }
        counter.count(e);
        Optional<Fault> fault = e == Endpoint.LOAD_STATE || e == Endpoint.ERROR_LOG
                ? Optional.empty() : faults.take(e);
        LoadEngine.Publish publish = LoadEngine.Publish.NORMAL;
        if (fault.isPresent()) {
            Fault f = fault.get();
            switch (f.kind()) {
                case HTTP_ERROR -> {
                    return send(response, callback, ApiResponse.status("FAILED",
                            "injected fault: HTTP " + f.httpStatus()).body(), f.httpStatus());
                }
                case TIMEOUT -> {
                    readBody(request);
                    Thread.sleep(f.hang().toMillis());
                    return abort(request, callback);
                }
                case DROP_CONNECTION -> {
                    try (InputStream in = Content.Source.asInputStream(request)) {
                        in.read(new byte[16]);
                    }
                    return abort(request, callback);
                }
                case PUBLISH_TIMEOUT -> publish = LoadEngine.Publish.TIMEOUT;
            }
        }
        Function<String, String> headers = name -> request.getHeaders().get(name);
        ApiResponse result = switch (e) {
            case STREAM_LOAD -> {
                String[] parts = path.split("/");
                yield engine.streamLoad(decode(parts[2]), decode(parts[3]), headers, readBody(request), publish);
            }
            case TXN_BEGIN -> engine.begin(headers);
            case TXN_LOAD -> engine.load(headers, readBody(request));
            case TXN_PREPARE -> engine.prepare(headers);
            case TXN_COMMIT -> engine.commit(headers, publish);
            case TXN_ROLLBACK -> engine.rollback(headers);
            case LOAD_STATE -> engine.loadState(decode(path.split("/")[2]), query(request, "label"));
            case ERROR_LOG -> null;
        };
        if (result == null) {
            Optional<String> log = engine.errorLogs().get(query(request, "file"));
            response.setStatus(log.isPresent() ? 200 : 404);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
            response.write(true, ByteBuffer.wrap(log.orElse("no such error log\n").getBytes(StandardCharsets.UTF_8)),
                    callback);
            return true;
        }
        return send(response, callback, result.body(), result.httpStatus());
    }

    private boolean authorized(Request request) {
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException ex) {
            return false;
        }
        int colon = decoded.indexOf(':');
        String u = colon < 0 ? decoded : decoded.substring(0, colon);
        String p = colon < 0 ? "" : decoded.substring(colon + 1);
        return user.equals(u) && password.equals(p);
    }

    private static byte[] readBody(Request request) throws IOException {
        try (InputStream in = Content.Source.asInputStream(request)) {
            return in.readAllBytes();
        }
    }

    private static boolean abort(Request request, Callback callback) {
        request.getConnectionMetaData().getConnection().getEndPoint().close();
        callback.failed(new IOException("injected fault: connection closed"));
        return true;
    }

    private static String query(Request request, String name) {
        Fields fields = Request.extractQueryParameters(request);
        return fields.getValue(name);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static boolean send(Response response, Callback callback, Map<String, Object> body, int status)
            throws IOException {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.write(true, ByteBuffer.wrap(JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsBytes(new LinkedHashMap<>(body))), callback);
        return true;
    }
}
