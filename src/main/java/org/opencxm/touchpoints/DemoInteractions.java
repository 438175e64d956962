package org.opencxm.touchpoints;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.opencxm.platform.DemoWorkspaceCreated;
import org.opencxm.platform.Department;
import org.opencxm.platform.WorkspaceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Fills the demo workspace with a year of plausible customer life: touchpoints across channels,
 * anonymous visitors (some of whom sign up later), leads, buyers with repeat orders, returns
 * and complaints, app users, customers who went quiet or cancelled. Seeded, so every demo looks
 * the same. Runs after the first start has committed, in the background, once.
 */
@Component
class DemoInteractions {

    private static final Logger log = LoggerFactory.getLogger(DemoInteractions.class);
    private static final int CUSTOMERS = 2_500;
    private static final int VISITORS = 1_500;
    private static final int BATCH = 2_000;

    private final Touchpoints touchpoints;
    private final EventStore store;
    private final Clock clock;

    DemoInteractions(Touchpoints touchpoints, EventStore store, Clock clock) {
        this.touchpoints = touchpoints;
        this.store = store;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(DemoWorkspaceCreated created) {
        generate(created.workspaceId());
    }

    void generate(WorkspaceId workspace) {
        if (touchpoints.findByKey(workspace, "webshop").isPresent()) {
            return; // already generated before a restart re-delivered this event
        }
        var keys = createTouchpoints(workspace);
        var now = clock.instant();
        var journeys = new DemoJourneys(new Random(20_261_124L), now);
        var events = new ArrayList<CollectedEvent>();
        for (int i = 0; i < CUSTOMERS; i++) {
            events.addAll(journeys.customer(i));
            flushIfFull(workspace, events, keys, now);
        }
        for (int i = 0; i < VISITORS; i++) {
            events.addAll(journeys.visitor(i));
            flushIfFull(workspace, events, keys, now);
        }
        store.append(workspace, events, e -> keys.get(e.touchpointKey()), now);
        log.info("Demo data: {} customers and {} anonymous visitors over the last 12 months", CUSTOMERS, VISITORS);
    }

    private void flushIfFull(WorkspaceId workspace, List<CollectedEvent> events, Map<String, UUID> keys, Instant now) {
        if (events.size() >= BATCH) {
            store.append(workspace, List.copyOf(events), e -> keys.get(e.touchpointKey()), now);
            events.clear();
        }
    }

    private Map<String, UUID> createTouchpoints(WorkspaceId workspace) {
        record Demo(String key, String name, Channel channel, Department department, String cost) {}
        var demos = List.of(
                new Demo("website", "Website", Channel.WEB, Department.MARKETING, "0.02"),
                new Demo("webshop", "Webshop", Channel.SHOP, Department.SALES, "0.05"),
                new Demo("app", "Kunden-App", Channel.APP, Department.PRODUCT, "0.01"),
                new Demo("store-berlin", "Filiale Berlin", Channel.STORE, Department.SALES, "4.50"),
                new Demo("hotline", "Service-Hotline", Channel.CALL_CENTER, Department.SERVICE, "6.80"),
                new Demo("newsletter", "Newsletter", Channel.EMAIL, Department.MARKETING, "0.03"),
                new Demo("chat", "Live-Chat", Channel.CHAT, Department.SERVICE, "2.10"),
                new Demo("field-sales", "Außendienst", Channel.FIELD_SALES, Department.SALES, "45.00"));
        var keys = new HashMap<String, UUID>();
        for (var demo : demos) {
            var touchpoint = touchpoints.create(
                    workspace,
                    new TouchpointDraft(
                            demo.key(),
                            demo.name(),
                            demo.channel(),
                            demo.department(),
                            new BigDecimal(demo.cost()),
                            true));
            keys.put(demo.key(), touchpoint.id().value());
        }
        return keys;
    }

    static Duration days(double days) {
        return Duration.ofMinutes((long) (days * 24 * 60));
    }
}
