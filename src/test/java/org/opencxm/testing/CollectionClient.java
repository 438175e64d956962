package org.opencxm.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Sends to the collection API as a Segment client does: HTTP Basic with the write key as user name. */
public final class CollectionClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String writeKey;

    public CollectionClient(int port, String writeKey) {
        this.baseUrl = "http://localhost:" + port;
        this.writeKey = writeKey;
    }

    public ApiClientResponse post(String path, String json) {
        return post(path, json.getBytes(StandardCharsets.UTF_8));
    }

    public ApiClientResponse post(String path, byte[] body) {
        return post(path, body, java.util.Map.of("Content-Type", "application/json"));
    }

    /** With the headers a particular library sends (content type, encoding). */
    public ApiClientResponse post(String path, byte[] body, java.util.Map<String, String> headers) {
        var request =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        if (writeKey != null) {
            var basic = Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + basic);
        }
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiClientResponse(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record ApiClientResponse(int status, String body, HttpResponse<String> raw) {}
}
