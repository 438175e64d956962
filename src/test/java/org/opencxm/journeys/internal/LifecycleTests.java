package org.opencxm.journeys.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.opencxm.journeys.TransitionCause.EVENT;
import static org.opencxm.journeys.TransitionCause.INACTIVITY;
import static org.opencxm.journeys.TransitionCause.WIN_BACK;
import static org.opencxm.platform.LifecycleStage.AWARENESS;
import static org.opencxm.platform.LifecycleStage.CHURNED;
import static org.opencxm.platform.LifecycleStage.CONSIDERATION;
import static org.opencxm.platform.LifecycleStage.DECISION;
import static org.opencxm.platform.LifecycleStage.INACTIVE;
import static org.opencxm.platform.LifecycleStage.ONBOARDING;
import static org.opencxm.platform.LifecycleStage.REPEAT;
import static org.opencxm.platform.LifecycleStage.USAGE;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencxm.customers.CustomerId;
import org.opencxm.customers.Customers;
import org.opencxm.journeys.Journeys;
import org.opencxm.journeys.StageChanged;
import org.opencxm.journeys.StageTransition;
import org.opencxm.journeys.TransitionCause;
import org.opencxm.platform.ApiKeyKind;
import org.opencxm.platform.LifecycleStage;
import org.opencxm.platform.internal.ApiKeyManagement;
import org.opencxm.platform.internal.NewApiKey;
import org.opencxm.testing.CollectionClient;
import org.opencxm.testing.MutableClock;
import org.opencxm.testing.Tenant;
import org.opencxm.testing.TenantFixture;
import org.opencxm.testing.WithMovableClockAndMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

/**
 * Lifecycles as customers live them, sent through the collection API over real HTTP: every
 * default rule, the inactivity window and its sweep, events that arrive late, and a change of
 * rules replayed over every history. Each test asserts the stage, the whole transition history
 * and the announced {@link StageChanged} events; the last one, the pain-point map over such lives,
 * counted by hand.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"opencxm.journeys.intake-delay=50ms", "opencxm.journeys.sweep-interval=1h"})
@Import({WithMovableClockAndMail.MovableTime.class, LifecycleTests.Announcements.class})
class LifecycleTests {

    /** Collects every StageChanged, from whichever thread announced it. */
    @TestConfiguration
    static class Announcements {
        final List<StageChanged> heard = new CopyOnWriteArrayList<>();

        @EventListener
        void on(StageChanged changed) {
            heard.add(changed);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    ApiKeyManagement apiKeys;

    @Autowired
    Customers customers;

    @Autowired
    Journeys journeys;

    @Autowired
    RuleBook rules;

    @Autowired
    InactivitySweep sweep;

    @Autowired
    JourneyAnalytics analytics;

    @Autowired
    MutableClock clock;

    @Autowired
    Announcements announcements;

    Tenant tenant;
    CollectionClient collect;
    Instant start;

    @BeforeEach
    void setUp() {
        tenant = TenantFixture.from(context).tenant("journeys");
        var server = apiKeys.create(tenant.id(), new NewApiKey(ApiKeyKind.WRITE, "shop", null, null, true), null);
        collect = new CollectionClient(port, server.token());
        start = clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(100));
    }

    @Test
    void aVisitorBecomesAProspectABuyerAUserAndARepeatBuyer() {
        send(
                page("visitor-1", null, start),
                track("Product Viewed", "visitor-1", null, start.plus(hours(1)), "{}"),
                identify("visitor-1", "K-1", start.plus(hours(2))),
                track("Checkout Started", null, "K-1", start.plus(hours(3)), "{}"),
                track("Order Completed", null, "K-1", start.plus(hours(4)), "{\"revenue\": 120.50}"),
                track("Order Delivered", null, "K-1", start.plus(days(3)), "{}"),
                track("Order Completed", null, "K-1", start.plus(days(40)), "{\"total\": \"80\"}"));

        var customer = awaitStage("K-1", REPEAT);
        var summary = journeys.summary(tenant.id(), customer);
        assertThat(moves(summary.history()))
                .containsExactly(
                        move(null, AWARENESS, start, EVENT, null),
                        move(AWARENESS, CONSIDERATION, start.plus(hours(1)), EVENT, "Product Viewed"),
                        move(CONSIDERATION, DECISION, start.plus(hours(3)), EVENT, "Checkout Started"),
                        move(DECISION, ONBOARDING, start.plus(hours(4)), EVENT, "Order Completed"),
                        move(ONBOARDING, USAGE, start.plus(days(3)), EVENT, "Order Delivered"),
                        move(USAGE, REPEAT, start.plus(days(40)), EVENT, "Order Completed"));
        assertThat(summary.purchases()).isEqualTo(2);
        assertThat(summary.revenue()).isEqualByComparingTo(new BigDecimal("200.50"));
        // two purchase days 39 days 20 hours apart: twice that, to the day, is 80 days after the last
        assertThat(summary.inactiveAt()).isEqualTo(start.plus(days(40)).plus(days(80)));
        assertThat(announced(customer)).containsExactly(AWARENESS, CONSIDERATION, DECISION, ONBOARDING, USAGE, REPEAT);
    }

    @Test
    void aCancellationChurnsAndTheNextPurchaseIsAWinBack() {
        send(
                track("Order Completed", null, "K-2", start, "{\"revenue\": 40}"),
                track("Subscription Cancelled", null, "K-2", start.plus(days(10)), "{\"reason\": \"price\"}"),
                track("Product Viewed", null, "K-2", start.plus(days(20)), "{}"),
                track("Order Completed", null, "K-2", start.plus(days(50)), "{\"revenue\": 55}"));

        var customer = awaitStage("K-2", REPEAT);
        assertThat(moves(journeys.summary(tenant.id(), customer).history()))
                .containsExactly(
                        move(null, ONBOARDING, start, EVENT, "Order Completed"),
                        move(ONBOARDING, CHURNED, start.plus(days(10)), EVENT, "Subscription Cancelled"),
                        move(CHURNED, REPEAT, start.plus(days(50)), WIN_BACK, "Order Completed"));
    }

    @Test
    void customersWhoStopBuyingAgainstTheirRhythmFallInactive() {
        var first = start.minus(days(100));
        send(
                track("Order Completed", null, "K-3", first, "{}"),
                track("Order Completed", null, "K-3", first.plus(days(10)), "{}"),
                track("Order Completed", null, "K-3", first.plus(days(20)), "{}"));

        // a ten-day rhythm doubles to 20 days, which the 30-day floor raises
        var customer = awaitStage("K-3", INACTIVE);
        assertThat(moves(journeys.summary(tenant.id(), customer).history()))
                .containsExactly(
                        move(null, ONBOARDING, first, EVENT, "Order Completed"),
                        move(ONBOARDING, REPEAT, first.plus(days(10)), EVENT, "Order Completed"),
                        move(REPEAT, INACTIVE, first.plus(days(50)), INACTIVITY, null));
    }

    @Test
    void theSweepFindsWhoseWindowRanOutWithoutAnyNewEvent() {
        var order = clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(days(89));
        send(track("Order Completed", null, "K-4", order, "{}"));
        var customer = awaitStage("K-4", ONBOARDING);
        assertThat(journeys.summary(tenant.id(), customer).inactiveAt()).isEqualTo(order.plus(days(90)));

        clock.advance(days(2));
        assertThat(sweep.sweep()).isGreaterThanOrEqualTo(1);

        assertThat(customers.profile(tenant.id(), customer).customer().stage()).isEqualTo(INACTIVE);
        assertThat(journeys.summary(tenant.id(), customer).history()).last().satisfies(last -> {
            assertThat(last.at()).isEqualTo(order.plus(days(90)));
            assertThat(last.cause()).isEqualTo(INACTIVITY);
        });
        assertThat(sweep.sweep()).isZero();
    }

    @Test
    void anEventThatArrivesLateTakesItsPlaceInTheHistory() {
        var order = clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(days(10));
        send(track("Order Completed", null, "K-5", order, "{}"));
        var customer = awaitStage("K-5", ONBOARDING);

        send(track("Product Viewed", null, "K-5", order.minus(days(1)), "{}"));

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                moves(journeys.summary(tenant.id(), customer).history()))
                        .containsExactly(
                                move(null, CONSIDERATION, order.minus(days(1)), EVENT, "Product Viewed"),
                                move(CONSIDERATION, ONBOARDING, order, EVENT, "Order Completed")));
        assertThat(customers.profile(tenant.id(), customer).customer().stage()).isEqualTo(ONBOARDING);
    }

    @Test
    void changedRulesAreReplayedOverEveryHistory() {
        send(
                page("visitor-6", null, start),
                track("Newsletter Subscribed", "visitor-6", null, start.plus(hours(1)), "{}"));
        var customer = awaitAnonymous("visitor-6", AWARENESS);

        var current = rules.current(tenant.id());
        var changed = new ArrayList<>(current.rules());
        changed.add(new StageRule("Newsletter Subscribed", CONSIDERATION, Occasion.ALWAYS, false));
        rules.save(tenant.id(), current.version(), changed, current.inactivity(), null);

        awaitAnonymous("visitor-6", CONSIDERATION);
        assertThat(moves(journeys.summary(tenant.id(), customer).history()))
                .containsExactly(
                        move(null, AWARENESS, start, EVENT, null),
                        move(AWARENESS, CONSIDERATION, start.plus(hours(1)), EVENT, "Newsletter Subscribed"));
        assertThat(announced(customer)).containsExactly(AWARENESS, CONSIDERATION);
    }

    @Test
    void thePainPointMapCountsWhatHappenedInEachCell() {
        send(
                // stays a prospect after a bad score: dropped off here
                track("Product Viewed", null, "PP-1", start.plus(days(1)), "{}"),
                track("Survey Responded", null, "PP-1", start.plus(days(2)), "{\"nps\": 3, \"comment\": \"Zu teuer\"}"),
                // buys, and has moved on
                track("Product Viewed", null, "PP-2", start.plus(days(1)), "{}"),
                track("Order Completed", null, "PP-2", start.plus(days(80)), "{}"),
                // complains, but recently: not (yet) dropped off
                track("Product Viewed", null, "PP-3", start.plus(days(1)), "{}"),
                track(
                        "Complaint Filed",
                        null,
                        "PP-3",
                        start.plus(days(75)),
                        "{\"description\": \"Paket kam zu spät\"}"));
        awaitStage("PP-2", ONBOARDING);
        var today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        var period = analytics.period(today.minusDays(110), today, ZoneOffset.UTC);

        var cells = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> analytics.painPoints(tenant.id(), period).stream()
                                .filter(cell -> cell.stage() == CONSIDERATION)
                                .toList(),
                        found -> found.size() == 1 && found.get(0).contacts() == 5);
        var cell = cells.get(0);
        assertThat(cell.customers()).isEqualTo(3);
        assertThat(cell.responses()).isEqualTo(1);
        assertThat(cell.negative()).isEqualTo(1);
        assertThat(cell.complaints()).isEqualTo(1);
        assertThat(cell.dropped()).isEqualTo(1);
        // 100 × (0.4 × 1/3 + 0.3 × 1/1 + 0.3 × 1/5), as in docs/journeys.md
        assertThat(cell.score()).isCloseTo(49.33, offset(0.01));
        // and behind the cell, newest first, what they said
        assertThat(analytics.evidence(tenant.id(), cell.touchpoint(), CONSIDERATION, period, 10))
                .extracting(PainPointEvidence::signal, PainPointEvidence::note)
                .containsExactly(tuple("COMPLAINT", "Paket kam zu spät"), tuple("NEGATIVE", "Zu teuer"));
    }

    private CustomerId awaitStage(String userId, LifecycleStage stage) {
        return await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> customers
                                .findByReference(tenant.id(), userId)
                                .map(id -> customers.profile(tenant.id(), id).customer())
                                .filter(c -> c.stage() == stage)
                                .map(c -> c.id())
                                .orElse(null),
                        id -> id != null);
    }

    private CustomerId awaitAnonymous(String anonymousId, LifecycleStage stage) {
        return await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> customers
                                .byIdentity(tenant.id(), null, anonymousId)
                                .map(profile -> profile.customer())
                                .filter(c -> c.stage() == stage)
                                .map(c -> c.id())
                                .orElse(null),
                        id -> id != null);
    }

    private List<LifecycleStage> announced(CustomerId customer) {
        return announcements.heard.stream()
                .filter(changed -> changed.customerId().equals(customer))
                .map(StageChanged::to)
                .toList();
    }

    private void send(String... messages) {
        var response = collect.post("/v1/batch", "{\"batch\": [" + String.join(",", messages) + "]}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    record Move(
            @Nullable LifecycleStage from,
            LifecycleStage to,
            Instant at,
            TransitionCause cause,
            @Nullable String event) {}

    private static Move move(
            @Nullable LifecycleStage from,
            LifecycleStage to,
            Instant at,
            TransitionCause cause,
            @Nullable String event) {
        return new Move(from, to, at, cause, event);
    }

    private static List<Move> moves(List<StageTransition> history) {
        return history.stream()
                .map(t -> new Move(t.from(), t.to(), t.at(), t.cause(), t.eventName()))
                .toList();
    }

    private static String page(@Nullable String anonymousId, @Nullable String userId, Instant at) {
        return "{\"type\": \"page\", \"name\": \"Home\"" + ids(anonymousId, userId) + ", \"timestamp\": \"" + at
                + "\"}";
    }

    private static String identify(String anonymousId, String userId, Instant at) {
        return "{\"type\": \"identify\"" + ids(anonymousId, userId) + ", \"timestamp\": \"" + at
                + "\", \"traits\": {\"email\": \"" + userId.toLowerCase() + "@example.com\"}}";
    }

    private static String track(
            String event, @Nullable String anonymousId, @Nullable String userId, Instant at, String properties) {
        return "{\"type\": \"track\", \"event\": \"" + event + "\"" + ids(anonymousId, userId) + ", \"timestamp\": \""
                + at + "\", \"properties\": " + properties + "}";
    }

    private static String ids(@Nullable String anonymousId, @Nullable String userId) {
        return (anonymousId == null ? "" : ", \"anonymousId\": \"" + anonymousId + "\"")
                + (userId == null ? "" : ", \"userId\": \"" + userId + "\"");
    }

    private static Duration hours(long n) {
        return Duration.ofHours(n);
    }

    private static Duration days(long n) {
        return Duration.ofDays(n);
    }
}
