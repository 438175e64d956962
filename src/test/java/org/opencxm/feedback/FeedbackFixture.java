package org.opencxm.feedback;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.opencxm.customers.Customer;
import org.opencxm.customers.Customers;
import org.opencxm.feedback.internal.Survey;
import org.opencxm.feedback.internal.SurveyDraft;
import org.opencxm.feedback.internal.SurveyStatus;
import org.opencxm.feedback.internal.Surveys;
import org.opencxm.platform.ApiKeyKind;
import org.opencxm.platform.common.Paging;
import org.opencxm.platform.internal.ApiKeyManagement;
import org.opencxm.platform.internal.NewApiKey;
import org.opencxm.testing.CollectionClient;
import org.opencxm.testing.Tenant;
import org.springframework.context.ApplicationContext;

/** Customers and surveys for feedback tests, made the way users make them: through the APIs. */
public final class FeedbackFixture {

    private final Tenant tenant;
    private final Customers customers;
    private final Surveys surveys;
    private final CollectionClient collect;

    public FeedbackFixture(ApplicationContext context, Tenant tenant, int port) {
        this.tenant = tenant;
        this.customers = context.getBean(Customers.class);
        this.surveys = context.getBean(Surveys.class);
        var key = context.getBean(ApiKeyManagement.class)
                .create(tenant.id(), new NewApiKey(ApiKeyKind.WRITE, "shop", null, null, true), null);
        this.collect = new CollectionClient(port, key.token());
    }

    /** A customer who identified with the given traits; {@code emailConsent} null means never asked. */
    public Customer customer(String userId, @Nullable String email, String language, @Nullable Boolean emailConsent) {
        var traits = new StringBuilder("{\"language\": \"" + language + "\"");
        if (email != null) {
            traits.append(", \"email\": \"").append(email).append('"');
        }
        if (emailConsent != null) {
            traits.append(", \"consent\": {\"email\": ").append(emailConsent).append('}');
        }
        traits.append('}');
        var status = collect.post("/v1/identify", "{\"userId\": \"" + userId + "\", \"traits\": " + traits + "}")
                .status();
        if (status != 200) {
            throw new IllegalStateException("identify answered " + status);
        }
        return await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> customers.list(tenant.id(), Paging.first(), userId).items().stream()
                                .filter(c -> userId.equals(c.userId()))
                                .findFirst()
                                .orElse(null),
                        Objects::nonNull);
    }

    /** A track event by a known customer, as a shop's server sends it. */
    public void track(String userId, String event) {
        var status = collect.post(
                        "/v1/track",
                        "{\"userId\": \"" + userId + "\", \"event\": \"" + event
                                + "\", \"properties\": {\"revenue\": 49.9}}")
                .status();
        if (status != 200) {
            throw new IllegalStateException("track answered " + status);
        }
    }

    /** An active survey from a template. */
    public Survey activeSurvey(SurveyTemplate template, String name) {
        var draft = surveys.create(tenant.id(), template, name, "en");
        return surveys.update(
                tenant.id(),
                draft.id(),
                new SurveyDraft(name, SurveyStatus.ACTIVE, "en", null, draft.stage(), draft.definition(), null));
    }
}
