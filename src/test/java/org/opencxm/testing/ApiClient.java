package org.opencxm.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the running application's REST API over real HTTP. */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final UnaryOperator<HttpRequest.Builder> auth;

    private ApiClient(String baseUrl, UnaryOperator<HttpRequest.Builder> auth) {
        this.baseUrl = baseUrl;
        this.auth = auth;
    }

    public static ApiClient bearer(int port, String token) {
        return new ApiClient("http://localhost:" + port, request -> request.header("Authorization", "Bearer " + token));
    }

    public static ApiClient anonymous(int port) {
        return new ApiClient("http://localhost:" + port, request -> request);
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(body(json)));
    }

    public Response put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").PUT(body(json)));
    }

    /** A multipart upload: text fields and one file. */
    public Response postFile(String path, java.util.Map<String, String> fields, String fileName, byte[] content) {
        var multipart = Multipart.of(fields, "file", fileName, content);
        return send(request(path)
                .header("Content-Type", multipart.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart.body())));
    }

    public Response send(String method, String path, String language, String json) {
        return send(request(path)
                .header("Accept-Language", language)
                .header("Content-Type", "application/json")
                .method(method, body(json)));
    }

    private HttpRequest.Builder request(String path) {
        return auth.apply(HttpRequest.newBuilder(URI.create(baseUrl + path)));
    }

    private static HttpRequest.BodyPublisher body(String json) {
        return HttpRequest.BodyPublishers.ofString(json);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, String body, HttpResponse<String> raw) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }
}
