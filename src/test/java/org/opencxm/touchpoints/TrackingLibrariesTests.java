package org.opencxm.touchpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencxm.customers.Customers;
import org.opencxm.platform.ApiKeyKind;
import org.opencxm.platform.internal.ApiKeyManagement;
import org.opencxm.platform.internal.NewApiKey;
import org.opencxm.testing.Profiles;
import org.opencxm.testing.Tenant;
import org.opencxm.testing.TenantFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The real Java tracking libraries from Maven Central, unmodified and configured as their
 * documentation says, against the running app: Segment's analytics-java posts to
 * {@code /v1/import/}, RudderStack's Java SDK gzips its batches. Every event arrives, once.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TrackingLibrariesTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    ApiKeyManagement apiKeys;

    @Autowired
    Customers customers;

    @Autowired
    JdbcClient jdbc;

    Tenant tenant;
    String writeKey;

    @BeforeEach
    void setUp() {
        tenant = TenantFixture.from(context).tenant("libraries");
        writeKey = apiKeys.create(tenant.id(), new NewApiKey(ApiKeyKind.WRITE, "server", null, null, true), null)
                .token();
    }

    @Test
    void segmentAnalyticsJavaDeliversEveryEventOnce() {
        var delivered = new ConcurrentLinkedQueue<String>();
        var failed = new ConcurrentLinkedQueue<Throwable>();
        var analytics = com.segment.analytics.Analytics.builder(writeKey)
                .endpoint("http://localhost:" + port)
                .flushInterval(1, TimeUnit.SECONDS)
                .callback(new com.segment.analytics.Callback() {
                    @Override
                    public void success(com.segment.analytics.messages.Message message) {
                        delivered.add(message.messageId());
                    }

                    @Override
                    public void failure(com.segment.analytics.messages.Message message, Throwable cause) {
                        failed.add(cause);
                    }
                })
                .build();
        for (int i = 0; i < 1_000; i++) {
            analytics.enqueue(com.segment.analytics.messages.TrackMessage.builder("Order Completed")
                    .userId("java-" + (i % 10))
                    .properties(Map.of("revenue", 19.9, "order", i)));
        }
        analytics.enqueue(com.segment.analytics.messages.IdentifyMessage.builder()
                .userId("java-1")
                .traits(Map.of("name", "Jana Java", "email", "jana@example.com")));
        analytics.enqueue(com.segment.analytics.messages.TrackMessage.builder("Big Event")
                .userId("java-2")
                .properties(Map.of("notes", "x".repeat(31_000))));
        analytics.flush();
        analytics.shutdown();

        awaitAll(delivered, failed, 1_002);
        assertThat(events("Order Completed")).isEqualTo(1_000);
        assertThat(events("Big Event")).as("31 KB as sent is within 32 KB").isEqualTo(1);
        var jana = awaitCustomer("java-1");
        assertThat(jana.email()).isEqualTo("jana@example.com");
    }

    @Test
    void rudderStackJavaSdkDeliversItsGzippedBatchesWithTheirTimes() {
        var delivered = new ConcurrentLinkedQueue<String>();
        var failed = new ConcurrentLinkedQueue<Throwable>();
        var twoDaysAgo = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        var rudder = com.rudderstack.sdk.java.analytics.RudderAnalytics.builder(writeKey)
                .setDataPlaneUrl("http://localhost:" + port)
                .flushInterval(1, TimeUnit.SECONDS)
                .callback(new com.rudderstack.sdk.java.analytics.Callback() {
                    @Override
                    public void success(com.rudderstack.sdk.java.analytics.messages.Message message) {
                        delivered.add(message.messageId());
                    }

                    @Override
                    public void failure(com.rudderstack.sdk.java.analytics.messages.Message message, Throwable cause) {
                        failed.add(cause);
                    }
                })
                .build();
        for (int i = 0; i < 300; i++) {
            rudder.enqueue(com.rudderstack.sdk.java.analytics.messages.TrackMessage.builder("Product Viewed")
                    .userId("rudder-" + (i % 3))
                    .timestamp(Date.from(twoDaysAgo))
                    .properties(Map.of("sku", "SKU-" + i)));
        }
        rudder.enqueue(com.rudderstack.sdk.java.analytics.messages.IdentifyMessage.builder()
                .userId("rudder-1")
                .traits(Map.of("name", "Rudi Rudder")));
        rudder.flush();
        rudder.shutdown();

        awaitAll(delivered, failed, 301);
        assertThat(events("Product Viewed")).isEqualTo(300);
        var earliest = jdbc.sql("select min(occurred_at) from event where workspace_id = ? and name = 'Product Viewed'")
                .param(tenant.id().value())
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
        assertThat(Duration.between(earliest, twoDaysAgo).abs()).isLessThan(Duration.ofSeconds(5));
        assertThat(awaitCustomer("rudder-1").displayName()).isEqualTo("Rudi Rudder");
    }

    private static void awaitAll(Queue<String> delivered, Queue<Throwable> failed, int expected) {
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered.size() + failed.size() >= expected);
        assertThat(failed).as("failures the library reported").isEmpty();
        assertThat(delivered).hasSize(expected).doesNotHaveDuplicates();
    }

    private long events(String name) {
        return jdbc.sql("select count(*) from event where workspace_id = ? and name = ?")
                .params(tenant.id().value(), name)
                .query(Long.class)
                .single();
    }

    private org.opencxm.customers.Customer awaitCustomer(String userId) {
        return Profiles.awaitNamed(customers, tenant.id(), userId);
    }
}
