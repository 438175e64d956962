package org.opencxm.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser session without a browser: cookies, CSRF tokens picked up from the last page, forms
 * posted as a browser posts them. For tests of server-rendered pages over real HTTP.
 */
public final class BrowserlessSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http;
    private final String baseUrl;
    private final String language;
    private String csrf = "";
    private final Map<String, String> headers = new LinkedHashMap<>();

    public BrowserlessSession(String baseUrl, String language) {
        this.baseUrl = baseUrl;
        this.language = language;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public static BrowserlessSession on(int port) {
        return new BrowserlessSession("http://localhost:" + port, "en");
    }

    /** Sends this header with every request, e.g. {@code X-Forwarded-For} behind a trusted proxy. */
    public BrowserlessSession withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Signs in; returns the redirect target ("/" on success, "/login?error" or "/login?wait=…" otherwise). */
    public String signIn(String email, String password) {
        get("/login");
        var response = post("/login", Map.of("email", email, "password", password));
        return URI.create(response.headers().firstValue("Location").orElseThrow())
                        .getRawPath()
                + queryOf(response);
    }

    public HttpResponse<String> get(String path) {
        var response = send(request(path).GET());
        var matcher = CSRF.matcher(response.body());
        if (matcher.find()) {
            csrf = matcher.group(1);
        }
        return response;
    }

    public HttpResponse<String> post(String path, Map<String, String> fields) {
        var form = new LinkedHashMap<>(fields);
        form.putIfAbsent("_csrf", csrf);
        return postRaw(path, form);
    }

    /** Posts a form whose fields may repeat (rows of a table), names and values alternating, with the CSRF token. */
    public HttpResponse<String> postFields(String path, String... namesAndValues) {
        var body = new StringBuilder("_csrf=").append(encode(csrf));
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            body.append('&').append(encode(namesAndValues[i])).append('=').append(encode(namesAndValues[i + 1]));
        }
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** Posts exactly the given fields, without adding the CSRF token. */
    public HttpResponse<String> postRaw(String path, Map<String, String> fields) {
        var body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Uploads a file as a browser does, with the other fields and the CSRF token. */
    public HttpResponse<String> postFile(
            String path, Map<String, String> fields, String fileField, String fileName, byte[] content) {
        var form = new LinkedHashMap<>(fields);
        form.putIfAbsent("_csrf", csrf);
        var multipart = Multipart.of(form, fileField, fileName, content);
        return send(request(path)
                .header("Content-Type", multipart.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart.body())));
    }

    /**
     * Sends any request in this session, the CSRF token as a header; {@code rawPath} goes on the
     * wire as written (percent-escapes included), so it can carry what no form would send.
     */
    public HttpResponse<String> send(String method, String rawPath, Map<String, String> headers, byte[] body) {
        var request = request(rawPath)
                .header("X-CSRF-TOKEN", csrf)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::setHeader);
        return send(request);
    }

    private HttpRequest.Builder request(String path) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Accept", "text/html")
                .header("Accept-Language", language);
        headers.forEach(request::header);
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String queryOf(HttpResponse<String> response) {
        var query = URI.create(response.headers().firstValue("Location").orElseThrow())
                .getRawQuery();
        return query == null ? "" : "?" + query;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
