package org.opencxm.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.opencxm.platform.Department;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.touchpoints.Channel;
import org.opencxm.touchpoints.Interactions;
import org.opencxm.touchpoints.TouchpointDraft;
import org.opencxm.touchpoints.Touchpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fills the demo workspace with a year of plausible customer life: touchpoints across channels,
 * anonymous visitors (some of whom sign up later), leads, buyers with repeat orders, returns
 * and complaints, app users, customers who went quiet or cancelled. Seeded, so every demo looks
 * the same. The events enter through the collection API's own validation, as a client's would.
 */
@Component
class DemoCustomers {

    private static final Logger log = LoggerFactory.getLogger(DemoCustomers.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int CUSTOMERS = 2_500;
    private static final int VISITORS = 1_500;
    /** Messages per batch, well inside the collection API's 500 KB per request. */
    private static final int BATCH = 1_000;

    private final Touchpoints touchpoints;
    private final Interactions interactions;
    private final Clock clock;

    DemoCustomers(Touchpoints touchpoints, Interactions interactions, Clock clock) {
        this.touchpoints = touchpoints;
        this.interactions = interactions;
        this.clock = clock;
    }

    /** The demo's touchpoints exist once this has run (and committed). */
    boolean generated(WorkspaceId workspace) {
        return touchpoints.findByKey(workspace, "webshop").isPresent();
    }

    void generate(WorkspaceId workspace) {
        createTouchpoints(workspace);
        var lives = new DemoCustomerLives(new Random(20_261_124L), clock.instant());
        var messages = new ArrayList<ObjectNode>();
        for (int i = 0; i < CUSTOMERS; i++) {
            messages.addAll(lives.customer(i));
            flushIfFull(workspace, messages);
        }
        for (int i = 0; i < VISITORS; i++) {
            messages.addAll(lives.visitor(i));
            flushIfFull(workspace, messages);
        }
        collect(workspace, messages);
        log.info("Demo data: {} customers and {} anonymous visitors over the last 12 months", CUSTOMERS, VISITORS);
    }

    private void flushIfFull(WorkspaceId workspace, List<ObjectNode> messages) {
        if (messages.size() >= BATCH) {
            collect(workspace, messages);
        }
    }

    private void collect(WorkspaceId workspace, List<ObjectNode> messages) {
        var batch = JSON.createObjectNode();
        batch.putArray("batch").addAll(messages);
        interactions.collect(workspace, batch.toString());
        messages.clear();
    }

    private void createTouchpoints(WorkspaceId workspace) {
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
        for (var demo : demos) {
            touchpoints.create(
                    workspace,
                    new TouchpointDraft(
                            demo.key(),
                            demo.name(),
                            demo.channel(),
                            demo.department(),
                            new BigDecimal(demo.cost()),
                            true));
        }
    }

    static Duration days(double days) {
        return Duration.ofMinutes((long) (days * 24 * 60));
    }
}
