package dev.pipelines.cdc.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** A small HTTP client for conformance tests: Basic auth, redirects followed by hand. */
final class Http {

    record Reply(int status, String location, String body) {
        JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String field(String name) {
            JsonNode node = json().get(name);
            return node == null ? null : node.asText();
        }
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    private final String user;
    private final String password;
    private Duration timeout = Duration.ofSeconds(30);

    Http(String user, String password) {
        this.user = user;
        this.password = password;
    }

    static Http of(StarRocksEmulator emulator) {
        return new Http(emulator.user(), emulator.password());
    }

    Http timeout(Duration t) {
        this.timeout = t;
        return this;
    }

    /** One request, no redirect following. */
    Reply once(String method, String url, Map<String, String> headers, String body) throws IOException,
            InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        headers.forEach(b::header);
        if (body != null) {
            // No Expect: 100-continue here: the JDK client (17) can hang when the answer is a final status
            // instead of 100. The 307-before-body handshake is tested with a raw socket and the connector.
            b.method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.headers().firstValue("Location").orElse(null), r.body());
    }

    /** Like a StarRocks client: sends to the FE and follows its 307 to the BE. */
    Reply send(String method, String url, Map<String, String> headers, String body) throws IOException,
            InterruptedException {
        Reply reply = once(method, url, headers, body);
        if (reply.status() == 307) {
            return once(method, reply.location(), headers, body);
        }
        return reply;
    }

    Reply streamLoad(StarRocksEmulator sr, String db, String table, Map<String, String> headers, String body)
            throws IOException, InterruptedException {
        return send("PUT", sr.feHttpUrl() + "/api/" + db + "/" + table + "/_stream_load", headers, body);
    }

    Reply txn(StarRocksEmulator sr, String op, Map<String, String> headers, String body)
            throws IOException, InterruptedException {
        return send(op.equals("load") ? "PUT" : "POST", sr.feHttpUrl() + "/api/transaction/" + op, headers, body);
    }

    Reply loadState(StarRocksEmulator sr, String db, String label) throws IOException, InterruptedException {
        return send("GET", sr.feHttpUrl() + "/api/" + db + "/get_load_state?label=" + label, Map.of(), null);
    }
}
