package org.opencxm.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencxm.platform.ApiKeyId;
import org.opencxm.platform.ApiKeyKind;
import org.opencxm.platform.Role;
import org.opencxm.platform.common.Paging;
import org.opencxm.platform.internal.ApiKeyManagement;
import org.opencxm.platform.internal.NewApiKey;
import org.opencxm.testing.ApiClient;
import org.opencxm.testing.BrowserlessSession;
import org.opencxm.testing.CollectionClient;
import org.opencxm.testing.Tenant;
import org.opencxm.testing.TenantFixture;
import org.opencxm.touchpoints.Interaction;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Profiles built from what the collection API receives, over real HTTP: anonymous history joins
 * the known customer, duplicates merge, traits and consent follow the newest message.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CustomerProfilesTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    ApiKeyManagement apiKeys;

    @Autowired
    Customers customers;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Tenant tenant;
    CollectionClient collect;
    CollectionClient browser;
    ApiKeyId serverKey;

    @BeforeEach
    void setUp() {
        tenant = TenantFixture.from(context).tenant("profiles");
        var server = apiKeys.create(tenant.id(), new NewApiKey(ApiKeyKind.WRITE, "shop", null, null, true), null);
        serverKey = server.key().id();
        collect = new CollectionClient(port, server.token());
        var site = apiKeys.create(tenant.id(), new NewApiKey(ApiKeyKind.WRITE, "site", null, null), null);
        browser = new CollectionClient(port, site.token());
    }

    /**
     * The write key of a web page is public: whoever copies it must not redirect a customer's
     * mail or grant what they refused, yet the page's own traits still count.
     */
    @Test
    void aPublicKeyCannotChangeEmailOrConsentNorMergeByEmail() {
        send("/v1/identify", """
                {"userId": "K-100012", "timestamp": "2026-11-01T09:00:00Z",
                 "traits": {"email": "kunde@example.com", "consent": {"email": false}}}
                """);
        send("/v1/identify", "{\"userId\": \"K-200\", \"traits\": {\"email\": \"other@example.com\"}}");
        var customer = awaitCustomer("K-100012", 1);
        awaitTotal(2);

        assertThat(browser.post("/v1/identify", """
                        {"userId": "K-100012", "timestamp": "2026-11-02T09:00:00Z",
                         "traits": {"consent": {"email": true}, "email": "attacker@example.net", "plan": "gold"}}
                        """).status()).isEqualTo(200);
        assertThat(browser.post("/v1/identify", """
                        {"anonymousId": "anon-x", "traits": {"email": "other@example.com", "phone": "+49 30 1"}}
                        """).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                customers.profile(tenant.id(), customer.id()).traits())
                        .containsEntry("plan", "gold"));
        var profile = customers.profile(tenant.id(), customer.id());
        assertThat(profile.customer().email()).isEqualTo("kunde@example.com");
        assertThat(profile.traits()).containsEntry("email", "kunde@example.com");
        assertThat(profile.consent(ConsentChannel.EMAIL))
                .extracting(Consent::granted, Consent::writeKey)
                .containsExactly(false, serverKey);
        awaitTotal(3);
        assertThat(customers.timeline(tenant.id(), customer.id(), null, null, 10))
                .as("the message itself is kept as sent")
                .hasSize(2);

        browser.post("/v1/alias", "{\"userId\": \"K-100012\", \"previousId\": \"K-200\"}");
        browser.post("/v1/identify", "{\"userId\": \"K-100012\", \"traits\": {\"plan\": \"platinum\"}}");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                customers.profile(tenant.id(), customer.id()).traits())
                        .containsEntry("plan", "platinum"));
        assertThat(customers.list(tenant.id(), Paging.first(), null).total())
                .as("two known customers are not merged on a public key's word")
                .isEqualTo(3);
    }

    @Test
    void anonymousHistoryJoinsTheCustomerWhoIdentifies() {
        send(
                "/v1/page",
                "{\"anonymousId\": \"anon-1\", \"name\": \"Pricing\", \"timestamp\": \"2026-11-01T09:00:00Z\"}");
        send(
                "/v1/track",
                "{\"anonymousId\": \"anon-1\", \"event\": \"Product Viewed\", \"timestamp\": \"2026-11-01T09:01:00Z\"}");
        send("/v1/identify", """
                {"anonymousId": "anon-1", "userId": "crm-42", "timestamp": "2026-11-01T09:05:00Z",
                 "traits": {"firstName": "Anna", "lastName": "Schmidt", "email": "Anna@Example.com", "plan": "basic"}}
                """);
        send(
                "/v1/track",
                "{\"userId\": \"crm-42\", \"event\": \"Order Completed\", \"timestamp\": \"2026-11-02T10:00:00Z\"}");

        var customer = awaitCustomer("crm-42", 4);
        assertThat(customer.displayName()).isEqualTo("Anna Schmidt");
        assertThat(customer.email()).isEqualTo("Anna@Example.com");
        assertThat(customers.timeline(tenant.id(), customer.id(), null, null, 10))
                .extracting(Interaction::name)
                .containsExactly("Order Completed", null, "Product Viewed", "Pricing");
        assertThat(customers.list(tenant.id(), Paging.first(), null).total()).isEqualTo(1);
    }

    @Test
    void aliasMergesTheAnonymousProfileIntoTheKnownOne() {
        send("/v1/identify", "{\"userId\": \"u-7\", \"traits\": {\"name\": \"Ben\"}}");
        send("/v1/page", "{\"anonymousId\": \"device-9\", \"name\": \"Home\"}");
        awaitTotal(2);

        send("/v1/alias", "{\"previousId\": \"device-9\", \"userId\": \"u-7\"}");

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(customers
                                .list(tenant.id(), Paging.first(), null)
                                .total())
                        .isEqualTo(1));
        var ben = awaitCustomer("u-7", 2);
        var profile = customers.profile(tenant.id(), ben.id());
        assertThat(profile.identities())
                .extracting(CustomerProfile.Identity::value)
                .contains("u-7", "device-9");
    }

    @Test
    void profilesSharingAnEmailAddressAreOnePerson() {
        send(
                "/v1/identify",
                "{\"userId\": \"shop-1\", \"traits\": {\"email\": \"lena@example.com\", \"name\": \"Lena\"}}");
        send(
                "/v1/identify",
                "{\"anonymousId\": \"newsletter-5\", \"traits\": {\"email\": \"LENA@example.com\", \"city\": \"Wien\"}}");

        var lena = awaitCustomer("shop-1", 2);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                customers.profile(tenant.id(), lena.id()).traits())
                        .containsEntry("city", "Wien")
                        .containsEntry("name", "Lena"));
        assertThat(customers.list(tenant.id(), Paging.first(), null).total()).isEqualTo(1);
    }

    @Test
    void anOlderMessageNeverOverwritesANewerTrait() {
        send(
                "/v1/identify",
                "{\"userId\": \"u-9\", \"timestamp\": \"2026-11-10T00:00:00Z\", \"traits\": {\"plan\": \"premium\"}}");
        send(
                "/v1/identify",
                "{\"userId\": \"u-9\", \"timestamp\": \"2026-11-01T00:00:00Z\", \"traits\": {\"plan\": \"basic\", \"age\": 41}}");

        var customer = awaitCustomer("u-9", 2);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                customers.profile(tenant.id(), customer.id()).traits())
                        .containsEntry("plan", "premium")
                        .containsEntry("age", 41));
    }

    @Test
    void consentComesFromTraitsAndTheApiWithSourceAndTime() {
        send("/v1/identify", "{\"userId\": \"u-c\", \"traits\": {\"consent\": {\"email\": true, \"phone\": false}}}");
        var customer = awaitCustomer("u-c", 1);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                customers.profile(tenant.id(), customer.id()).consents())
                        .hasSize(2));

        var api = ApiClient.bearer(port, tenant.token(Role.AGENT));
        var refused = api.put(
                "/api/v1/customers/" + customer.id() + "/consent/EMAIL",
                "{\"granted\": false, \"source\": \"hotline\"}");
        var viewer = ApiClient.bearer(port, tenant.token(Role.VIEWER)).get("/api/v1/customers/" + customer.id());

        assertThat(refused.status()).isEqualTo(200);
        var profile = customers.profile(tenant.id(), customer.id());
        assertThat(profile.consent(ConsentChannel.EMAIL))
                .extracting(Consent::granted, Consent::source)
                .containsExactly(false, "hotline");
        assertThat(profile.consent(ConsentChannel.PHONE))
                .extracting(Consent::granted, Consent::source)
                .containsExactly(false, "identify");
        assertThat(viewer.status()).as("viewers see no personal data").isEqualTo(403);
    }

    @Test
    void searchFindsByNameEmailIdAndTrait() {
        send(
                "/v1/identify",
                "{\"userId\": \"k-1\", \"traits\": {\"name\": \"Jürgen Weiß\", \"email\": \"jw@example.com\", \"plan\": \"gold\"}}");
        send("/v1/identify", "{\"userId\": \"k-2\", \"traits\": {\"name\": \"Maria Roth\", \"plan\": \"silver\"}}");
        awaitTotal(2);

        assertThat(search("weiß")).containsExactly("k-1");
        assertThat(search("JW@EXAMPLE")).containsExactly("k-1");
        assertThat(search("k-2")).containsExactly("k-2");
        assertThat(search("plan:silv")).containsExactly("k-2");
        assertThat(search("%")).isEmpty();
    }

    @Test
    void theProfilePageShowsTheTimelineWithHostileTextInert() {
        send(
                "/v1/identify",
                "{\"userId\": \"x-1\", \"traits\": {\"name\": \"<script>alert(1)</script>\", \"note\": \"<img src=x onerror=alert(2)>\"}}");
        send(
                "/v1/track",
                "{\"userId\": \"x-1\", \"event\": \"<b>Bold</b> Event\", \"properties\": {\"html\": \"<iframe>\"}}");
        var customer = awaitCustomer("x-1", 2);

        var session = BrowserlessSession.on(port);
        session.signIn(tenant.email(Role.AGENT), Tenant.PASSWORD);
        var page = session.get("/customers/" + customer.id()).body();

        assertThat(page)
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&lt;b&gt;Bold&lt;/b&gt; Event")
                .doesNotContain("<script>alert(1)")
                .doesNotContain("<img src=x")
                .doesNotContain("<iframe>");
        assertThat(session.get("/customers?q=x-1").body()).contains("/customers/" + customer.id());
    }

    @Test
    void theTimelinePagesThroughEventsOfTheSameMomentWithoutGapsOrRepeats() {
        var batch = new StringBuilder("{\"batch\": [");
        for (int i = 0; i < 30; i++) {
            batch.append(i == 0 ? "" : ",")
                    .append("{\"type\": \"track\", \"userId\": \"same-time\", \"event\": \"Tick ")
                    .append(i)
                    .append("\", \"timestamp\": \"2026-11-20T10:00:00Z\"}");
        }
        assertThat(collect.post("/v1/batch", batch.append("]}").toString()).status())
                .isEqualTo(200);
        var customer = awaitCustomer("same-time", 30);

        var seen = new java.util.ArrayList<String>();
        java.time.Instant before = null;
        UUID beforeId = null;
        for (int page = 0; page < 5; page++) {
            var entries = customers.timeline(tenant.id(), customer.id(), before, beforeId, 7);
            if (entries.isEmpty()) {
                break;
            }
            entries.forEach(entry -> seen.add(entry.name()));
            before = entries.get(entries.size() - 1).occurredAt();
            beforeId = entries.get(entries.size() - 1).id();
        }

        assertThat(seen).hasSize(30).doesNotHaveDuplicates();

        var session = BrowserlessSession.on(port);
        session.signIn(tenant.email(Role.AGENT), Tenant.PASSWORD);
        var first = session.get("/customers/" + customer.id()).body();
        var older = first.replaceAll("(?s).*href=\"(/customers/[^\"]+beforeId=[^\"]+)\".*", "$1")
                .replace("&amp;", "&");
        var second = session.get(older).body();
        assertThat(first.split("class=\"event\"").length - 1).isEqualTo(25);
        assertThat(second.split("class=\"event\"").length - 1).isEqualTo(5);
        assertThat(second).doesNotContain("Older interactions");
    }

    @Test
    void theCustomerListPagesThroughManyCustomers() {
        var batch = new StringBuilder("{\"batch\": [");
        for (int i = 0; i < 55; i++) {
            batch.append(i == 0 ? "" : ",")
                    .append("{\"type\": \"identify\", \"userId\": \"p-")
                    .append(i)
                    .append("\"}");
        }
        assertThat(collect.post("/v1/batch", batch.append("]}").toString()).status())
                .isEqualTo(200);
        awaitTotal(55);

        var session = BrowserlessSession.on(port);
        session.signIn(tenant.email(Role.MARKETING), Tenant.PASSWORD);
        var first = session.get("/customers").body();
        var second = session.get("/customers?page=1").body();

        assertThat(first).contains("Page 1 of 2").containsPattern("href=\"/customers\\?[^\"]*page=1\">Next");
        assertThat(second).contains("Page 2 of 2").containsPattern("href=\"/customers\\?[^\"]*page=0\">Previous");
        assertThat(second.split("<tr>").length - 2).as("rows on the last page").isEqualTo(5);
    }

    @Test
    void anObservationThatCannotBeResolvedDoesNotHoldUpTheOthers() {
        jdbc.sql("insert into identity_observation (workspace_id, type, user_id, traits, occurred_at)"
                        + " values (?, 'identify', 'broken-1', 'not json', now())")
                .param(tenant.id().value())
                .update();
        send("/v1/identify", "{\"userId\": \"after-1\", \"traits\": {\"name\": \"Fine\"}}");

        awaitCustomer("after-1", 1);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("select count(*) from identity_observation where workspace_id = ?")
                                .param(tenant.id().value())
                                .query(Long.class)
                                .single()
                        == 0);
    }

    @Test
    void anotherWorkspacesCustomerIsNotFound() {
        send("/v1/identify", "{\"userId\": \"secret-1\", \"traits\": {\"name\": \"Hidden\"}}");
        var customer = awaitCustomer("secret-1", 1);
        var other = TenantFixture.from(context).tenant("other");

        var api = ApiClient.bearer(port, other.token(Role.ADMIN));
        assertThat(api.get("/api/v1/customers/" + customer.id()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/customers/" + customer.id() + "/timeline").status())
                .isEqualTo(404);
        assertThat(api.put("/api/v1/customers/" + customer.id() + "/consent/EMAIL", "{\"granted\": true}")
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/customers?q=secret-1").body()).doesNotContain("Hidden");
    }

    /**
     * A family tablet: Ana signed in on it first, then Ben, new to the shop. Ben gets a profile of
     * his own; Ana's stays hers (two user ids on one device are two people, not one to merge).
     */
    @Test
    void aNewCustomerOnADeviceSomeoneElseUsedGetsAProfileOfTheirOwn() {
        send(
                "/v1/identify",
                "{\"userId\": \"tablet-ana\", \"anonymousId\": \"tablet-1\","
                        + " \"traits\": {\"email\": \"ana@example.com\"}}");
        var ana = awaitCustomer("tablet-ana", 1);
        send(
                "/v1/identify",
                "{\"userId\": \"tablet-ben\", \"anonymousId\": \"tablet-1\","
                        + " \"traits\": {\"email\": \"ben@example.com\"}}");
        var ben = awaitCustomer("tablet-ben", 1);

        assertThat(ben.id()).isNotEqualTo(ana.id());
        var anaNow = customers.profile(tenant.id(), ana.id()).customer();
        assertThat(anaNow.id()).as("Ana's profile was not merged away").isEqualTo(ana.id());
        assertThat(anaNow.email()).isEqualTo("ana@example.com");
        assertThat(customers.profile(tenant.id(), ben.id()).customer().email()).isEqualTo("ben@example.com");
    }

    private void send(String path, String json) {
        var body = json.strip();
        var withId = "{\"messageId\": \"" + UUID.randomUUID() + "\", " + body.substring(1);
        assertThat(collect.post(path, withId).status()).as(json).isEqualTo(200);
    }

    private Customer awaitCustomer(String userId, int interactions) {
        return await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> customers.list(tenant.id(), Paging.first(), userId).items().stream()
                                .filter(c -> userId.equals(c.userId()))
                                .filter(c -> customers
                                                .timeline(tenant.id(), c.id(), null, null, 100)
                                                .size()
                                        >= interactions)
                                .findFirst()
                                .orElse(null),
                        java.util.Objects::nonNull);
    }

    private void awaitTotal(int total) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> customers.list(tenant.id(), Paging.first(), null).total() == total);
    }

    private java.util.List<String> search(String text) {
        return customers.list(tenant.id(), Paging.first(), text).items().stream()
                .map(Customer::userId)
                .toList();
    }
}
