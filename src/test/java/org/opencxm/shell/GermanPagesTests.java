package org.opencxm.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opencxm.cases.CaseFixture;
import org.opencxm.feedback.FeedbackFixture;
import org.opencxm.feedback.SurveyTemplate;
import org.opencxm.platform.Role;
import org.opencxm.testing.BrowserlessSession;
import org.opencxm.testing.Tenant;
import org.opencxm.testing.TenantFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.util.HtmlUtils;

/**
 * No English on a German page: every staff page a CX manager uses, rendered in German with real
 * data (a customer with traits and an order, a survey), must not show any English text of
 * messages.properties that German says differently. What customers and touchpoints sent
 * ("Order Completed", {@code firstName}) may show as sent inside {@code <code>}, for experts;
 * what staff typed (form fields, the workspace's name) is theirs.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class GermanPagesTests {

    private static final Pattern INVISIBLE = Pattern.compile(
            "(?s)<script.*?</script>|<style.*?</style>|<code[^>]*>.*?</code>|<textarea[^>]*>.*?</textarea>|<option[^>]*value=\"[A-Z][a-z]+/[^\"]*\"[^>]*>[^<]*</option>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern READ_ATTRIBUTE =
            Pattern.compile("(?:title|aria-label|placeholder|alt|label)=\"([^\"]*)\"");

    /** Words German uses as they are. */
    private static final Set<String> GERMAN_TOO = Set.of("optional");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void germanStaffPagesShowNoEnglishUiText() throws IOException {
        var tenant = TenantFixture.from(context).tenant("deutsch");
        var fixture = new FeedbackFixture(context, tenant, port);
        var customer = fixture.customer("K-4711", "erika@example.de", "de", true);
        fixture.track("K-4711", "Order Completed");
        var survey = fixture.activeSurvey(SurveyTemplate.CSAT_DELIVERY, "Lieferung");
        var admin = new BrowserlessSession("http://localhost:" + port, "de");
        admin.signIn(tenant.email(Role.ADMIN), Tenant.PASSWORD);
        var supportCase = CaseFixture.complaint(context, tenant, customer.id(), "Paket beschädigt");

        var english = englishOnlyTexts();
        var leaks = new ArrayList<String>();
        for (var page : List.of(
                "/",
                "/customers",
                "/customers/" + customer.id(),
                "/journeys",
                "/journeys/rules",
                "/journeys/paths",
                "/journeys/flow",
                "/journeys/pain-points",
                "/journeys/cohorts",
                "/journeys/funnels?steps=Product%20Viewed&steps=Order%20Completed&breakdown=CHANNEL",
                "/journeys/customers/" + customer.id(),
                "/cases",
                "/cases/" + supportCase.id(),
                "/cases/new?customer=" + customer.id(),
                "/cases/customers/" + customer.id(),
                "/feedback",
                "/feedback/surveys/" + survey.id(),
                "/feedback/surveys/" + survey.id() + "/results",
                "/imports",
                "/settings/workspace",
                "/settings/users",
                "/settings/touchpoints",
                "/settings/api-keys",
                "/settings/collection",
                "/settings/cases",
                "/me")) {
            var response = admin.get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(200);
            var text = readable(response.body()).replace(tenant.workspace().name(), " ");
            for (var phrase : english) {
                var found = Pattern.compile("(?<![\\p{L}-])" + Pattern.quote(phrase) + "(?![\\p{L}-])")
                        .matcher(text);
                if (found.find()) {
                    var around = text.substring(
                                    Math.max(0, found.start() - 40), Math.min(text.length(), found.end() + 40))
                            .replaceAll("\\s+", " ");
                    leaks.add(page + ": \"" + phrase + "\" in …" + around + "…");
                }
            }
        }

        assertThat(leaks).as("English on German pages").isEmpty();
    }

    /** What a reader sees: text and the attributes read aloud or shown on hover, without what was sent. */
    private static String readable(String html) {
        var visible = INVISIBLE.matcher(html).replaceAll(" ");
        var attributes = new StringBuilder();
        var matcher = READ_ATTRIBUTE.matcher(visible);
        while (matcher.find()) {
            attributes.append(' ').append(matcher.group(1)).append(" |");
        }
        return HtmlUtils.htmlUnescape(TAG.matcher(visible).replaceAll(" |") + attributes);
    }

    /**
     * The English texts German says otherwise: a message whose German differs, stripped of
     * arguments; only whole phrases of at least four letters, since a short one ("OK", "E-Mail")
     * may be German too.
     */
    private static Set<String> englishOnlyTexts() throws IOException {
        var en = load("/messages.properties");
        var de = load("/messages_de.properties");
        var germanWords = new TreeSet<String>();
        de.values().forEach(value -> germanWords.add(value.toString().strip()));
        var texts = new TreeSet<String>();
        for (var key : en.stringPropertyNames()) {
            var value = en.getProperty(key).strip();
            if (value.equals(de.getProperty(key, "").strip()) || germanWords.contains(value)) {
                continue;
            }
            for (var part : withoutArguments(value).split("[|'\"«»()]")) {
                var phrase = part.strip().replaceAll("[.:;,!?–-]+$", "").strip();
                if (phrase.replaceAll("[^\\p{L}]", "").length() >= 4
                        && !germanWords.contains(phrase)
                        && !GERMAN_TOO.contains(phrase)) {
                    texts.add(phrase);
                }
            }
        }
        return texts;
    }

    /** The text of a message without its arguments; a choice's alternatives stand as phrases of their own. */
    static String withoutArguments(String message) {
        var out = new StringBuilder();
        for (int i = 0; i < message.length(); i++) {
            var c = message.charAt(i);
            if (c != '{') {
                out.append(c);
                continue;
            }
            int depth = 0;
            int end = i;
            for (; end < message.length(); end++) {
                depth += message.charAt(end) == '{' ? 1 : message.charAt(end) == '}' ? -1 : 0;
                if (depth == 0) {
                    break;
                }
            }
            var argument = message.substring(i + 1, Math.min(end, message.length()));
            var choice = argument.indexOf(",choice,");
            out.append('|');
            if (choice >= 0) {
                for (var alternative : argument.substring(choice + 8).split("\\|")) {
                    out.append(withoutArguments(alternative.replaceFirst("^[^#<]*[#<]", "")))
                            .append('|');
                }
            }
            i = end;
        }
        return out.toString();
    }

    private static Properties load(String resource) throws IOException {
        var properties = new Properties();
        try (InputStream in = GermanPagesTests.class.getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
