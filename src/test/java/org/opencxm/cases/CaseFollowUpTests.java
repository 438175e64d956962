package org.opencxm.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opencxm.feedback.FeedbackFixture;
import org.opencxm.feedback.internal.InvitationMailer;
import org.opencxm.platform.Role;
import org.opencxm.testing.ApiClient;
import org.opencxm.testing.BrowserlessSession;
import org.opencxm.testing.TenantFixture;
import org.opencxm.testing.WithMovableClockAndMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The closed loop: resolving a case sends the follow-up CSAT survey through the feedback module;
 * its answer lands on the case, and a low one reopens it.
 */
class CaseFollowUpTests extends WithMovableClockAndMail {

    private static final Pattern LINK = Pattern.compile("http://respond\\.example(/i/[A-Za-z0-9_-]{43})");

    @Autowired
    ApplicationContext context;

    @Autowired
    Cases cases;

    @Autowired
    InvitationMailer mailer;

    @Test
    void aResolvedCaseAsksTheCustomerAndALowAnswerReopensIt() throws Exception {
        var tenant = TenantFixture.from(context).tenant("follow-up");
        var greta = new FeedbackFixture(context, tenant, port).customer("fu-1", "greta.fu@example.test", "de", true);
        var opened = CaseFixture.complaint(context, tenant, greta.id(), "Rückerstattung fehlt");
        var agent = ApiClient.bearer(port, tenant.token(Role.AGENT));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> entries(tenant, opened).contains("MESSAGE:acknowledgement"));
        assertThat(agent.post("/api/v1/cases/" + opened.id() + "/status", "{\"status\": \"RESOLVED\", \"version\": 0}")
                        .status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> entries(tenant, opened).contains("SURVEY:SENT"));

        mailer.sendDue();
        var invitation = await()
                .atMost(Duration.ofSeconds(10))
                .until(
                        () -> mailTo("greta.fu@example.test", 3),
                        found -> found.stream()
                                .anyMatch(m -> text(m, "text/plain").contains("/i/")))
                .stream()
                .filter(m -> text(m, "text/plain").contains("/i/"))
                .findFirst()
                .orElseThrow();
        var matcher = LINK.matcher(text(invitation, "text/plain"));
        assertThat(matcher.find()).isTrue();
        var respondent = BrowserlessSession.on(port);
        assertThat(respondent.get(matcher.group(1)).body())
                .contains("Wie zufrieden sind Sie damit, wie wir Ihr Anliegen gelöst haben?");
        var saved = respondent.postRaw(matcher.group(1) + "/0", Map.of("q.csat", "2"));
        var next = respondent.get(saved.headers().firstValue("Location").orElseThrow());
        assertThat(next.body()).contains("Was ist noch nicht in Ordnung?");
        var done = respondent.postRaw(matcher.group(1) + "/1", Map.of("q.what_is_missing", "Das Geld fehlt noch."));
        assertThat(done.headers().firstValue("Location").orElseThrow()).contains("/done");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> entries(tenant, opened).contains("SURVEY:ANSWERED"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> cases.get(tenant.id(), opened.id()).status() == CaseStatus.IN_PROGRESS);
        var reopened = cases.get(tenant.id(), opened.id());
        assertThat(reopened.reopened()).isEqualTo(1);
        assertThat(cases.entries(tenant.id(), opened.id()))
                .anyMatch(e -> e.kind() == CaseEntry.Kind.SURVEY && "CSAT 2".equals(e.body()));
        assertThat(cases.ofCustomer(tenant.id(), greta.id()))
                .as("the answer opens no case of its own")
                .hasSize(1);
    }

    private java.util.List<String> entries(org.opencxm.testing.Tenant tenant, CaseView supportCase) {
        return cases.entries(tenant.id(), supportCase.id()).stream()
                .map(e -> e.kind() + ":" + e.to())
                .toList();
    }
}
