package org.opencxm.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.opencxm.platform.Role;
import org.opencxm.testing.BrowserlessSession;
import org.opencxm.testing.Tenant;
import org.opencxm.testing.TenantFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The workspace's colour and logo on its survey pages, set on Settings › Feedback, over real HTTP. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BrandingTests {

    private static final Pattern LOGO =
            Pattern.compile("<img class=\"logo\" src=\"(/s/[^\"]+/logo\\?v=\\d+)\" alt=\"([^\"]*)\"");
    private static final Pattern STYLE =
            Pattern.compile("<link rel=\"stylesheet\" href=\"(/s/[^\"]+/brand\\.css\\?v=\\d+)\"");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void respondentsSeeTheCompanysNameColourAndLogoAndOnlyTheirsNoOneElses() throws Exception {
        var fixtures = TenantFixture.from(context).two();
        var ours = fixtures.a();
        var survey =
                new FeedbackFixture(context, ours, port).activeSurvey(SurveyTemplate.NPS_RELATIONSHIP, "Brand NPS");
        var theirs = new FeedbackFixture(context, fixtures.b(), port).activeSurvey(SurveyTemplate.CES_SERVICE, "Plain");
        var admin = signedIn(ours, Role.ADMIN);
        var png = png(160, 48);

        var saved = admin.postFile("/feedback/settings/branding", Map.of("colour", "#1F6F43"), "logo", "logo.png", png);
        assertThat(saved.headers().firstValue("Location")).hasValue("/feedback/settings?brandingSaved");

        var page = BrowserlessSession.on(port).get("/s/" + survey.publicKey()).body();
        assertThat(page).contains("<h1>Your feedback to " + ours.workspace().name() + "</h1>");
        var logo = LOGO.matcher(page);
        assertThat(logo.find()).isTrue();
        assertThat(logo.group(2)).isEqualTo(ours.workspace().name());
        var image = fetch(logo.group(1));
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(image.body()).isEqualTo(png);
        var style = STYLE.matcher(page);
        assertThat(style.find()).isTrue();
        assertThat(new String(fetch(style.group(1)).body())).isEqualTo(":root { --brand: #1f6f43; }\n");

        var english = fetch("/s/" + survey.publicKey() + "?lang=en");
        assertThat(english.headers().allValues("Set-Cookie"))
                .as("a survey page in English leaves the staff language cookie alone")
                .noneMatch(cookie -> cookie.startsWith("OPENCXM_LANG"));
        assertThat(new String(english.body())).contains("Your feedback to");

        var plain = BrowserlessSession.on(port).get("/s/" + theirs.publicKey()).body();
        assertThat(plain).doesNotContain("class=\"logo\"").doesNotContain("brand.css");
        assertThat(fetch("/s/" + theirs.publicKey() + "/logo").statusCode()).isEqualTo(404);
    }

    @Test
    void aRefusedUploadChangesNothingAndOnlyAdminsAndCxManagersMayChangeIt() throws Exception {
        var tenant = TenantFixture.from(context).tenant("brand-refused");
        var manager = signedIn(tenant, Role.CX_MANAGER);
        assertThat(manager.postFile(
                                "/feedback/settings/branding",
                                Map.of("colour", "#123456"),
                                "logo",
                                "logo.png",
                                png(10, 10))
                        .statusCode())
                .isEqualTo(302);

        var refused = manager.postFile(
                "/feedback/settings/branding",
                Map.of("colour", "#ffee00"),
                "logo",
                "logo.svg",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("This colour is too light")
                .contains("The logo must be a PNG or JPEG image");
        assertThat(manager.get("/feedback/settings").body()).contains("value=\"#123456\"");

        var agent = signedIn(tenant, Role.AGENT);
        assertThat(agent.postFile(
                                "/feedback/settings/branding", Map.of("colour", "#000000"), "logo", "l.png", png(5, 5))
                        .statusCode())
                .isEqualTo(403);
        assertThat(manager.get("/feedback/settings").body()).contains("value=\"#123456\"");

        var removed = manager.postFile(
                "/feedback/settings/branding", Map.of("colour", "", "removeLogo", "true"), "logo", "", new byte[0]);
        assertThat(removed.statusCode()).isEqualTo(302);
        assertThat(manager.get("/feedback/settings").body()).doesNotContain("name=\"removeLogo\"");
    }

    private BrowserlessSession signedIn(Tenant tenant, Role role) {
        var session = BrowserlessSession.on(port);
        session.signIn(tenant.email(role), Tenant.PASSWORD);
        session.get("/feedback/settings");
        return session;
    }

    private HttpResponse<byte[]> fetch(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] png(int width, int height) throws IOException {
        var out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB), "png", out);
        return out.toByteArray();
    }
}
