package org.opencxm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencxm.platform.common.Paging;
import org.opencxm.platform.internal.ApiKeyManagement;
import org.opencxm.platform.internal.NewApiKey;
import org.opencxm.platform.internal.Users;
import org.opencxm.testing.ApiClient;
import org.opencxm.testing.Tenant;
import org.opencxm.testing.TenantFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The REST API over real HTTP: problem details, field errors in de and en, paging, tokens. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ApiConventionsTests {

    @LocalServerPort
    int port;

    @Value("${opencxm.public-url}")
    String publicUrl;

    @Autowired
    ApplicationContext context;

    @Autowired
    ApiKeyManagement apiKeys;

    @Autowired
    Users users;

    Tenant tenant;
    ApiClient admin;

    @BeforeEach
    void setUp() {
        tenant = TenantFixture.from(context).tenant("api");
        admin = ApiClient.bearer(port, tenant.token(Role.ADMIN));
    }

    @Test
    void invalidFieldsAreListedInTheCallersLanguage() {
        var body = "{\"email\":\"not-an-email\",\"displayName\":\"\",\"role\":\"AGENT\"}";

        var english = admin.send("POST", "/api/v1/users", "en", body);
        var german = admin.send("POST", "/api/v1/users", "de-AT", body);

        assertThat(english.status()).isEqualTo(400);
        assertThat(english.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(english.json().at("/errors"))
                .extracting(error -> error.get("field").asString() + ": "
                        + error.get("message").asString())
                .containsExactlyInAnyOrder(
                        "email: Please enter a valid e-mail address.",
                        "displayName: Please fill in this field.",
                        "department: Please choose a value.");
        assertThat(german.json().at("/errors"))
                .extracting(error -> error.get("message").asString())
                .contains("Bitte füllen Sie dieses Feld aus.");
        assertThat(users.list(tenant.id(), Paging.first(), "not-an-email").total())
                .isZero();
    }

    @Test
    void malformedJsonAndWrongTypesNameTheField() {
        var wrongEnum = admin.post(
                "/api/v1/users",
                "{\"email\":\"a@b.test\",\"displayName\":\"A\",\"role\":\"KING\",\"department\":\"SALES\"}");
        var broken = admin.post("/api/v1/users", "{\"email\":");

        assertThat(wrongEnum.status()).isEqualTo(400);
        assertThat(wrongEnum.json().at("/errors/0/field").asString()).isEqualTo("role");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().at("/errors/0/message").asString()).contains("not valid JSON");
    }

    @Test
    void businessRulesAreFieldErrorsToo() {
        var taken = admin.post(
                "/api/v1/users",
                "{\"email\":\"" + tenant.email(Role.AGENT)
                        + "\",\"displayName\":\"Copy\",\"role\":\"AGENT\",\"department\":\"SALES\"}");

        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.json().at("/errors/0/field").asString()).isEqualTo("email");
        assertThat(taken.json().at("/errors/0/message").asString())
                .isEqualTo("This person already belongs to this workspace.");
    }

    @Test
    void listsArePagedWithinBounds() {
        var page = admin.get("/api/v1/users?page=1&size=2");
        var tooLarge = admin.get("/api/v1/users?size=500");

        assertThat(page.json().get("total").asInt()).isEqualTo(Role.values().length);
        assertThat(page.json().get("items")).hasSize(2);
        assertThat(page.json().get("page").asInt()).isEqualTo(1);
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.json().at("/errors/0/field").asString()).isEqualTo("size");
    }

    @Test
    void invitingByApiReturnsTheUserAndAOneTimeLink() {
        var created = admin.post(
                "/api/v1/users",
                "{\"email\":\"api.invitee." + tenant.id()
                        + "@example.test\",\"displayName\":\"Api Invitee\",\"role\":\"MARKETING\",\"department\":\"MARKETING\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).startsWith("/api/v1/users/");
        assertThat(created.json().at("/user/invitationPending").asBoolean()).isTrue();
        var link = created.json().get("invitationUrl").asString();
        assertThat(link)
                .as("from the configured public address, not the request's")
                .startsWith(publicUrl + "/invitation/inv_");
        assertThat(users.findByInvitation(link.substring(link.lastIndexOf('/') + 1)))
                .isPresent();
    }

    @Test
    void aForgedForwardedHostChangesNeitherLinksNorRedirects() throws Exception {
        var body = "{\"email\":\"forged.host." + tenant.id()
                + "@example.test\",\"displayName\":\"Forged\",\"role\":\"VIEWER\",\"department\":\"SALES\"}";
        var request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/v1/users"))
                .header("Authorization", "Bearer " + tenant.token(Role.ADMIN))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                .build();
        var created = java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        var signIn = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/"))
                                .header("X-Forwarded-Host", "evil.example")
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding());

        assertThat(created.body())
                .contains("\"invitationUrl\":\"" + publicUrl + "/invitation/")
                .doesNotContain("evil");
        assertThat(signIn.headers().firstValue("Location")).hasValue("/login");
    }

    @Test
    void managementTokensAreShownOnceAndWorkUntilRevoked() {
        var created =
                admin.post("/api/v1/api-keys", "{\"kind\":\"MANAGEMENT\",\"name\":\"BI export\",\"role\":\"VIEWER\"}");
        var token = created.json().get("token").asString();
        var id = created.json().at("/key/id").asString();
        var viewer = ApiClient.bearer(port, token);

        assertThat(created.status()).isEqualTo(201);
        assertThat(admin.get("/api/v1/api-keys/" + id).body()).doesNotContain(token);
        assertThat(viewer.get("/api/v1/me").status()).isEqualTo(200);
        assertThat(viewer.get("/api/v1/users").status()).isEqualTo(403);

        admin.post("/api/v1/api-keys/" + id + "/revoke", "");
        assertThat(viewer.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void writeKeysArePublicUnlessAnAdminKeepsThemOnAServer() {
        var site = admin.post("/api/v1/api-keys", "{\"kind\":\"WRITE\",\"name\":\"Website\"}");
        var shop = admin.post("/api/v1/api-keys", "{\"kind\":\"WRITE\",\"name\":\"Shop\",\"serverSide\":true}");
        var token = admin.post(
                "/api/v1/api-keys", "{\"kind\":\"MANAGEMENT\",\"name\":\"x\",\"role\":\"VIEWER\",\"serverSide\":true}");
        var siteId = site.json().at("/key/id").asString();

        assertThat(site.json().at("/key/serverSide").asBoolean()).isFalse();
        assertThat(shop.json().at("/key/serverSide").asBoolean()).isTrue();
        assertThat(token.status()).isEqualTo(400);
        assertThat(token.body()).contains("\"field\":\"serverSide\"");

        var changed = admin.post("/api/v1/api-keys/" + siteId + "/access", "{\"serverSide\":true}");
        var missing = admin.post("/api/v1/api-keys/" + siteId + "/access", "{}");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("serverSide").asBoolean()).isTrue();
        assertThat(missing.status()).isEqualTo(400);
    }

    @Test
    void aWriteKeyCanReadNothing() {
        var writeKey = apiKeys.create(tenant.id(), new NewApiKey(ApiKeyKind.WRITE, "Site", null, null), null)
                .token();
        var basic = "Basic " + Base64.getEncoder().encodeToString((writeKey + ":").getBytes());

        assertThat(ApiClient.bearer(port, writeKey).get("/api/v1/me").status()).isEqualTo(401);
        assertThat(ApiClient.bearer(port, writeKey).get("/api/v1/users").status())
                .isEqualTo(401);
        var withBasic = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/v1/users"))
                .header("Authorization", basic)
                .build();
        assertThat(send(withBasic)).isEqualTo(401);
        assertThat(ApiClient.anonymous(port).get("/api/v1/me").header("WWW-Authenticate"))
                .isEqualTo("Bearer");
    }

    @Test
    void operationsEndpointsAnswerAsExpected() {
        var anonymous = ApiClient.anonymous(port);

        assertThat(anonymous.get("/actuator/health/readiness").body()).contains("\"UP\"");
        assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(ApiClient.bearer(port, tenant.token(Role.VIEWER))
                        .get("/actuator/prometheus")
                        .status())
                .isEqualTo(403);
        assertThat(admin.get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
        var spec = anonymous.get("/v3/api-docs");
        assertThat(spec.json().at("/info/title").asString()).isEqualTo("OpenCXM API");
        assertThat(spec.json().get("paths").propertyNames()).contains("/api/v1/users", "/api/v1/api-keys");
    }

    private static int send(java.net.http.HttpRequest request) {
        try {
            return java.net.http.HttpClient.newHttpClient()
                    .send(request, java.net.http.HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
