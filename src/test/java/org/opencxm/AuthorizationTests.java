package org.opencxm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opencxm.platform.PublicEndpoint;
import org.opencxm.platform.Role;
import org.opencxm.platform.internal.ApiKeyManagement;
import org.opencxm.platform.internal.Users;
import org.opencxm.testing.Tenant;
import org.opencxm.testing.TenantFixture;
import org.opencxm.testing.TenantFixture.TwoTenants;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of every module, found by asking Spring MVC, is called with every role: roles
 * the endpoint does not name get 403, roles it names get past the check, anonymous callers
 * are sent to sign in. An endpoint that declares no access rule fails this test.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationTests {

    /**
     * Sign-in, invitations, the collection API (which authenticates by write key itself), and the
     * survey pages respondents reach by anonymous or personal link, and the error page.
     */
    private static final Set<String> PUBLIC_PATHS = Set.of(
            "/login",
            "/error",
            "/invitation/{token}",
            "/invitation/{token}/join",
            "/password/forgot",
            "/password/reset/{token}",
            "/v1/{type:track|identify|page|screen|group|alias|t|i|p|s|g|a}",
            "/v1/batch",
            "/v1/import",
            "/v1/b",
            "/s/{key}",
            "/s/{key}/logo",
            "/s/{key}/brand.css",
            "/s/{key}/{response}",
            "/s/{key}/{response}/{page}",
            "/s/{key}/{response}/done",
            "/i/{token}",
            "/i/{token}/{page}",
            "/i/{token}/done",
            "/i/{token}/unsubscribe",
            "/i/{token}/logo",
            "/i/{token}/brand.css",
            "/v1/surveys/widget",
            "/v1/surveys/widget/{key}/responses");

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    ApplicationContext context;

    TwoTenants tenants;

    /** A workspace whose admin is an installation admin, with an installation token: for the workspace endpoints. */
    Tenant installation;

    String installationToken;

    @BeforeAll
    void createTenants() {
        tenants = TenantFixture.from(context).two();
        installation = TenantFixture.from(context).tenant("installation");
        var admin = installation.user(Role.ADMIN).id();
        context.getBean(Users.class).makeInstallationAdmin(admin);
        installationToken = context.getBean(ApiKeyManagement.class)
                .createInstallationToken(installation.id(), "automation", admin)
                .token();
    }

    @Test
    void everyEndpointDeclaresWhoMayCallIt() {
        var unguarded = endpoints().stream()
                .filter(endpoint -> endpoint.allowed() == null && !endpoint.isPublic())
                .map(Endpoint::toString)
                .toList();
        assertThat(unguarded)
                .as("endpoints without @Secured, @AnyRole or @PublicEndpoint")
                .isEmpty();
    }

    @Test
    void onlySignInInvitationsCollectionAndSurveyPagesArePublic() {
        var publicPaths = endpoints().stream()
                .filter(Endpoint::isPublic)
                .map(Endpoint::path)
                .collect(Collectors.toSet());
        assertThat(PUBLIC_PATHS).containsAll(publicPaths);
    }

    @Test
    void rolesAnEndpointDoesNotNameAreRefused() throws Exception {
        var checked = 0;
        for (var endpoint : guardedEndpoints()) {
            var named = EnumSet.noneOf(Role.class);
            named.addAll(endpoint.allowed());
            for (var role : EnumSet.complementOf(named)) {
                assertThat(status(endpoint, role))
                        .as("%s as %s", endpoint, role)
                        .isEqualTo(403);
                checked++;
            }
        }
        assertThat(checked).as("admin-only endpoints exist and were checked").isGreaterThan(20);
    }

    @Test
    void rolesAnEndpointNamesGetPastTheCheck() throws Exception {
        for (var endpoint : guardedEndpoints()) {
            for (var role : endpoint.allowed()) {
                assertThat(status(endpoint, role))
                        .as("%s as %s", endpoint, role)
                        .isNotIn(401, 403);
            }
        }
    }

    /** Creating and archiving workspaces takes an installation admin, or their installation token. */
    @Test
    void installationEndpointsAdmitOnlyInstallationAdmins() throws Exception {
        var checked = 0;
        for (var endpoint : guardedEndpoints()) {
            if (!endpoint.installation()) {
                continue;
            }
            var request = endpoint.request();
            if (endpoint.isApi()) {
                request.header("Authorization", "Bearer " + installationToken);
            } else {
                request.with(user(accounts.loadUserByUsername(installation.email(Role.ADMIN))))
                        .with(csrf());
            }
            assertThat(mvc.perform(request).andReturn().getResponse().getStatus())
                    .as("%s as installation admin", endpoint)
                    .isNotIn(401, 403);
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(10);
    }

    @Test
    void anonymousCallersMustAuthenticate() throws Exception {
        for (var endpoint : guardedEndpoints()) {
            var response =
                    mvc.perform(endpoint.request().with(csrf())).andReturn().getResponse();
            if (endpoint.isApi()) {
                assertThat(response.getStatus()).as(endpoint.toString()).isEqualTo(401);
                assertThat(response.getContentType()).isEqualTo("application/problem+json");
            } else {
                assertThat(response.getStatus()).as(endpoint.toString()).isEqualTo(302);
                assertThat(response.getRedirectedUrl()).endsWith("/login");
            }
        }
    }

    private int status(Endpoint endpoint, Role role) throws Exception {
        var request = endpoint.request();
        if (endpoint.isApi()) {
            request.header("Authorization", "Bearer " + tenants.a().token(role));
        } else {
            request.with(user(accounts.loadUserByUsername(tenants.a().email(role))))
                    .with(csrf());
        }
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    private List<Endpoint> guardedEndpoints() {
        var guarded = endpoints().stream().filter(e -> e.allowed() != null).toList();
        assertThat(guarded).isNotEmpty();
        return guarded;
    }

    private List<Endpoint> endpoints() {
        var endpoints = new ArrayList<Endpoint>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("org.opencxm")) {
                return;
            }
            for (var path : info.getPatternValues()) {
                for (var method : methods(info)) {
                    endpoints.add(new Endpoint(
                            method, path, allowedRoles(handler), isPublic(handler), forInstallation(handler)));
                }
            }
        });
        return endpoints;
    }

    private static Set<RequestMethod> methods(RequestMappingInfo info) {
        var methods = info.getMethodsCondition().getMethods();
        return methods.isEmpty() ? Set.of(RequestMethod.GET) : methods;
    }

    /** The workspace roles an endpoint names; {@code null} when it names none, not even the installation. */
    private static Set<Role> allowedRoles(HandlerMethod handler) {
        var secured = secured(handler);
        if (secured == null) {
            return null;
        }
        return Arrays.stream(secured.value())
                .filter(authority -> !authority.equals(Role.INSTALLATION_ADMIN_AUTHORITY))
                .map(authority -> Role.valueOf(authority.replaceFirst("^ROLE_", "")))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    private static boolean forInstallation(HandlerMethod handler) {
        var secured = secured(handler);
        return secured != null && Arrays.asList(secured.value()).contains(Role.INSTALLATION_ADMIN_AUTHORITY);
    }

    private static Secured secured(HandlerMethod handler) {
        var secured = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), Secured.class);
        return secured != null
                ? secured
                : AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), Secured.class);
    }

    private static boolean isPublic(HandlerMethod handler) {
        return handler.hasMethodAnnotation(PublicEndpoint.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), PublicEndpoint.class);
    }

    record Endpoint(RequestMethod method, String path, Set<Role> allowed, boolean isPublic, boolean installation) {

        boolean isApi() {
            return path.startsWith("/api/");
        }

        /** Path variables become random ids, so an admitted role gets at most a 404 or 400. */
        MockHttpServletRequestBuilder request() {
            var concrete = path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            var request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method.name()), concrete);
            if (isApi() && (method == RequestMethod.POST || method == RequestMethod.PUT)) {
                request.contentType("application/json").content("{}");
            }
            return request;
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }
}
