package org.opencxm.testing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opencxm.cases.CaseFixture;
import org.opencxm.feedback.FeedbackFixture;
import org.opencxm.feedback.SurveyTemplate;
import org.opencxm.platform.ApiKeyKind;
import org.opencxm.platform.Role;
import org.opencxm.platform.internal.ApiKeyManagement;
import org.opencxm.platform.internal.NewApiKey;
import org.opencxm.touchpoints.Touchpoints;
import org.opencxm.touchpoints.internal.ImportKind;
import org.opencxm.touchpoints.internal.Imports;
import org.springframework.context.ApplicationContext;

/**
 * One object of every kind in a workspace, made through the APIs, and endpoint paths filled in
 * with them: {@code /api/v1/surveys/{id}/triggers} takes the survey, {@code /settings/users/{id}}
 * the user, by the segment before the variable. For tests that call every endpoint discovered.
 */
public final class WorkspaceObjects {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]+)?}");

    private final Map<String, String> bySegment;
    private final String writeKey;

    private WorkspaceObjects(Map<String, String> bySegment, String writeKey) {
        this.bySegment = bySegment;
        this.writeKey = writeKey;
    }

    public static WorkspaceObjects of(ApplicationContext context, Tenant tenant, int port) {
        var keys = context.getBean(ApiKeyManagement.class);
        var writeKey = keys.create(tenant.id(), new NewApiKey(ApiKeyKind.WRITE, "site", null, null), null)
                .token();
        var spareKey = keys.create(tenant.id(), new NewApiKey(ApiKeyKind.WRITE, "spare", null, null), null);
        var feedback = new FeedbackFixture(context, tenant, port);
        var customer = feedback.customer("objects-" + UUID.randomUUID(), "objects@example.com", "de", true);
        var survey = feedback.activeSurvey(SurveyTemplate.NPS_RELATIONSHIP, "Objects");
        var upload = context.getBean(Imports.class)
                .upload(
                        tenant.id(),
                        ImportKind.CUSTOMERS,
                        "customers.csv",
                        new ByteArrayInputStream("id;email\nc-1;c@example.com\n".getBytes(StandardCharsets.UTF_8)));
        var objects = new LinkedHashMap<String, String>();
        objects.put("surveys", survey.id().value().toString());
        objects.put("questions", survey.definition().questions().get(0).id());
        objects.put("s", survey.publicKey());
        objects.put("widget", survey.publicKey());
        objects.put(
                "touchpoints",
                context.getBean(Touchpoints.class)
                        .unassigned(tenant.id())
                        .id()
                        .value()
                        .toString());
        objects.put("users", tenant.user(Role.VIEWER).id().value().toString());
        objects.put("api-keys", spareKey.key().id().value().toString());
        objects.put("imports", upload.id().toString());
        objects.put("customers", customer.id().value().toString());
        objects.put(
                "cases",
                CaseFixture.complaint(context, tenant, customer.id(), "Objects")
                        .id()
                        .toString());
        objects.put("workspaces", tenant.id().value().toString());
        return new WorkspaceObjects(objects, writeKey);
    }

    /** An active write key of the workspace. */
    public String writeKey() {
        return writeKey;
    }

    /** The object's id for the collection a path segment names ({@code surveys}), if there is one. */
    public String id(String segment) {
        return bySegment.get(segment);
    }

    public Iterable<String> ids() {
        return bySegment.values();
    }

    /** The pattern with every variable filled: by an object of this workspace, or by a fitting value. */
    public String path(String pattern) {
        var matcher = VARIABLE.matcher(pattern);
        var concrete = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(concrete, Matcher.quoteReplacement(sample(pattern, matcher)));
        }
        matcher.appendTail(concrete);
        return concrete.toString();
    }

    /** The pattern with every variable {@code encodedValue}. */
    public static String path(String pattern, String encodedValue) {
        return VARIABLE.matcher(pattern).replaceAll(Matcher.quoteReplacement(encodedValue));
    }

    public static boolean hasVariables(String pattern) {
        return VARIABLE.matcher(pattern).find();
    }

    private String sample(String pattern, Matcher variable) {
        if (variable.group(2) != null) {
            return variable.group(2).substring(1).split("\\|")[0];
        }
        var segments = pattern.substring(0, variable.start()).split("/");
        var collection = segments.length == 0 ? "" : segments[segments.length - 1];
        return switch (variable.group(1)) {
            case "page" -> "0";
            case "channel" -> "EMAIL";
            case "token" -> "A".repeat(43);
            case "questionId" -> bySegment.get("questions");
            default -> bySegment.getOrDefault(collection, UUID.randomUUID().toString());
        };
    }
}
