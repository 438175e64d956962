package org.opencxm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencxm.testing.BrowserlessSession;
import org.opencxm.testing.CollectionClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Floods from one address get 429 with Retry-After on the endpoints anyone can call. */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "opencxm.rate-limit.sign-in-per-minute=3",
            "opencxm.rate-limit.collection-per-second=5",
            "opencxm.rate-limit.survey-answers-per-minute=3",
            "opencxm.rate-limit.password-reset-per-hour=2"
        })
class RateLimitTests {

    @LocalServerPort
    int port;

    @Test
    void signInAttemptsFromOneAddressAreLimited() {
        var session = BrowserlessSession.on(port);
        session.get("/login");
        var statuses = new ArrayList<Integer>();
        String lastPage = "";
        for (int i = 0; i < 4; i++) {
            var response = session.post("/login", Map.of("email", "nobody@example.test", "password", "guess " + i));
            statuses.add(response.statusCode());
            lastPage = response.body();
        }

        assertThat(statuses).containsExactly(302, 302, 302, 429);
        assertThat(lastPage).contains("Too many attempts");
        assertThat(session.get("/login").statusCode())
                .as("reading the page is not limited")
                .isEqualTo(200);
    }

    @Test
    void passwordResetRequestsFromOneAddressAreLimited() {
        var session = BrowserlessSession.on(port);
        session.get("/password/forgot");
        var statuses = new ArrayList<Integer>();
        String lastPage = "";
        for (int i = 0; i < 3; i++) {
            var response = session.post("/password/forgot", Map.of("email", "someone-" + i + "@example.test"));
            statuses.add(response.statusCode());
            lastPage = response.body();
        }

        assertThat(statuses).containsExactly(302, 302, 429);
        assertThat(lastPage).contains("Too many requests from your network").contains("try again in");
    }

    @Test
    void surveyAnswersFromOneAddressAreLimited() {
        var respondent = BrowserlessSession.on(port);
        var page = "/s/AAAAAAAAAAAAAAAAAAAAAA/" + java.util.UUID.randomUUID();
        var statuses = new ArrayList<Integer>();
        for (int i = 0; i < 4; i++) {
            statuses.add(respondent.postRaw(page + "/0", Map.of("q.nps", "9")).statusCode());
        }

        assertThat(statuses).containsExactly(404, 404, 404, 429);
        assertThat(respondent.get(page).statusCode())
                .as("reading a page is not limited")
                .isEqualTo(404);
    }

    @Test
    void collectionRequestsFromOneAddressAreLimited() {
        var client = new CollectionClient(port, "ocx_w_invalid");
        var last = client.post("/v1/track", "{}");
        for (int i = 0; i < 20 && last.status() != 429; i++) {
            last = client.post("/v1/track", "{}");
        }

        assertThat(last.status()).isEqualTo(429);
        assertThat(last.raw().headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void aForwardedForHeaderDoesNotBuyAFreshAllowance() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var statuses = new ArrayList<Integer>();
        for (int i = 0; i < 20 && !statuses.contains(429); i++) {
            var request = java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://localhost:" + port + "/v1/track"))
                    .header("Content-Type", "application/json")
                    .header("X-Forwarded-For", "10.0.0." + (i + 1))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                    .build();
            statuses.add(http.send(request, java.net.http.HttpResponse.BodyHandlers.discarding())
                    .statusCode());
        }

        assertThat(statuses)
                .as("no proxy is trusted unless configured, so every request counts for this address")
                .contains(429);
    }

    @Test
    void anInstanceWithoutAnSmtpServerIsHealthy() {
        var health = org.opencxm.testing.ApiClient.anonymous(port).get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"");
    }
}
