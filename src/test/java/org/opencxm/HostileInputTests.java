package org.opencxm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opencxm.platform.Role;
import org.opencxm.testing.BrowserlessSession;
import org.opencxm.testing.Endpoints;
import org.opencxm.testing.Tenant;
import org.opencxm.testing.TenantFixture;
import org.opencxm.testing.WorkspaceObjects;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every endpoint, found by asking Spring MVC, gets hostile input over real HTTP as a signed-in
 * admin (or the site's write key) would send it: NUL characters and invalid UTF-8 in path,
 * parameters and bodies, numbers too large for any type, nesting too deep, bodies too big, random
 * bytes. The parameters and body fields each endpoint reads are taken from its handler, one
 * hostile at a time with the others plausible, so that the hostile value gets as far as it can.
 * No answer may be a 5xx (clients retry it forever, and its stack trace would carry customer data
 * into the log); every problem the API answers is in the caller's language (German here); and
 * no table holds a row more or less afterwards. Seeded, so a failure repeats.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTests {

    private static final String NUL = "a\u0000b";
    private static final String HUGE = "99999999999999999999999999";
    /** C3 28: a two-byte sequence whose second byte is not a continuation byte. */
    private static final String INVALID_UTF8 = "a%C3%28b";

    /** Parameters of handlers that take a whole form as a map: the survey page's answers, the import mapping. */
    private static final List<String> MAP_PARAMETERS = List.of("q.nps", "q.comment", "map.customerId");

    /** Tables every request may write to, whatever it carries: sign-in sessions. */
    private static final Set<String> UNGUARDED_TABLES =
            Set.of("spring_session", "spring_session_attributes", "flyway_schema_history");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    Tenant tenant;
    BrowserlessSession session;
    String writeKey;
    WorkspaceObjects objects;
    List<Pattern> germanMessages;

    @BeforeAll
    void createWorkspaceWithOneOfEverything() throws IOException {
        tenant = TenantFixture.from(context).tenant("hostile");
        objects = WorkspaceObjects.of(context, tenant, port);
        writeKey = objects.writeKey();
        session = new BrowserlessSession("http://localhost:" + port, "de");
        assertThat(session.signIn(tenant.email(Role.ADMIN), Tenant.PASSWORD)).isEqualTo("/");
        session.get("/");
        germanMessages = germanMessages();
    }

    @Test
    void noEndpointAnswersHostileInputWithAServerErrorAnEnglishProblemOrAStoredRow() {
        var before = rowCounts();
        var random = new Random(20261201L);
        var failures = new ArrayList<String>();
        int requests = 0;
        for (var endpoint : endpoints()) {
            for (var attack : endpoint.attacks(random)) {
                var response = attack.send();
                requests++;
                var failure = judge(endpoint, response);
                if (failure != null) {
                    failures.add(endpoint + " with " + attack.name() + ": " + failure);
                }
            }
        }
        assertThat(requests).isGreaterThan(400);
        assertThat(failures).isEmpty();
        assertThat(rowCounts()).isEqualTo(before);
    }

    private String judge(Endpoint endpoint, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 500) {
            return "answered " + status;
        }
        var contentType = response.headers().firstValue("Content-Type").orElse("");
        if (status >= 400 && contentType.startsWith("application/problem+json")) {
            var problem = JSON.readTree(response.body());
            var texts = new ArrayList<String>();
            texts.add(problem.path("detail").asString(""));
            problem.path("errors")
                    .forEach(error -> texts.add(error.path("message").asString("")));
            for (var text : texts) {
                if (!text.isEmpty()
                        && germanMessages.stream()
                                .noneMatch(p -> p.matcher(text).matches())) {
                    return status + " with a problem not in German: " + text;
                }
            }
        } else if (status >= 400 && endpoint.isApi()) {
            return status + " without problem details (" + contentType + ")";
        } else if (status >= 400
                && contentType.startsWith("text/html")
                && !response.body().contains("lang=\"de\"")) {
            return status + " with an error page not in German";
        }
        return null;
    }

    /** The application's German messages as patterns: {0} and the like stand for any text. */
    private static List<Pattern> germanMessages() throws IOException {
        var properties = new Properties();
        try (var in = HostileInputTests.class.getResourceAsStream("/messages_de.properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties.values().stream()
                .map(value -> Pattern.compile(
                        Pattern.quote(value.toString().replace("''", "'")).replaceAll("\\{\\d+[^}]*}", "\\\\E.*\\\\Q"),
                        Pattern.DOTALL))
                .toList();
    }

    private Map<String, Long> rowCounts() {
        var tables = jdbc.sql("select table_name from information_schema.tables"
                        + " where table_schema = 'public' and table_type = 'BASE TABLE'")
                .query(String.class)
                .list();
        var counts = new java.util.TreeMap<String, Long>();
        for (var table : tables) {
            if (!UNGUARDED_TABLES.contains(table)) {
                counts.put(
                        table,
                        jdbc.sql("select count(*) from \"" + table + "\"")
                                .query(Long.class)
                                .single());
            }
        }
        return counts;
    }

    private static String basic(String key) {
        return "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
    }

    private List<Endpoint> endpoints() {
        var endpoints = Endpoints.of(mappings).stream().map(Endpoint::new).toList();
        assertThat(endpoints).hasSizeGreaterThan(50);
        return endpoints;
    }

    /** One hostile request, ready to send. */
    private record Attack(String name, java.util.function.Supplier<HttpResponse<String>> request) {

        HttpResponse<String> send() {
            return request.get();
        }
    }

    /** A discovered endpoint and the hostile requests its handler invites. */
    private final class Endpoint {

        final RequestMethod method;
        final String path;
        final HandlerMethod handler;
        final boolean api;

        Endpoint(Endpoints.Endpoint discovered) {
            this.method = discovered.method();
            this.path = discovered.path();
            this.handler = discovered.handler();
            this.api = discovered.isApi();
        }

        boolean isApi() {
            return api;
        }

        boolean isCollection() {
            return path.startsWith("/v1/");
        }

        List<Attack> attacks(Random random) {
            var attacks = new ArrayList<Attack>();
            if (WorkspaceObjects.hasVariables(path)) {
                attacks.add(attack("NUL in path variables", concrete(encode(NUL)), "", new byte[0]));
                attacks.add(attack("invalid UTF-8 in path variables", concrete(INVALID_UTF8), "", new byte[0]));
            }
            if (!parameters().isEmpty() && method != RequestMethod.GET && body() == null) {
                attacks.add(attack("an empty form", concrete(null), "application/x-www-form-urlencoded", new byte[0]));
            }
            for (var parameter : parameters()) {
                attacks.add(parameterAttack("NUL in " + parameter.name(), parameter.name(), encode(NUL)));
                attacks.add(parameterAttack("invalid UTF-8 in " + parameter.name(), parameter.name(), INVALID_UTF8));
                if (parameter.numeric()) {
                    attacks.add(parameterAttack("a huge number in " + parameter.name(), parameter.name(), HUGE));
                }
                if (parameter.type() != String.class) {
                    attacks.add(parameterAttack("a text in " + parameter.name(), parameter.name(), "x"));
                }
            }
            var body = body();
            if (body != null) {
                attacks.addAll(bodyAttacks(body, random));
            }
            return attacks;
        }

        private Attack parameterAttack(String name, String parameter, String encodedValue) {
            var plausible = parameters().stream()
                    .filter(other -> !other.name().equals(parameter))
                    .map(other -> encode(other.name()) + "=" + encode(other.plausible()))
                    .collect(Collectors.toCollection(ArrayList::new));
            plausible.add(encode(parameter) + "=" + encodedValue);
            var form = String.join("&", plausible);
            if (method == RequestMethod.GET || body() != null) {
                return attack(name, concrete(null) + "?" + form, "", new byte[0]);
            }
            return attack(
                    name,
                    concrete(null),
                    "application/x-www-form-urlencoded",
                    form.getBytes(StandardCharsets.ISO_8859_1));
        }

        private List<Attack> bodyAttacks(Class<?> type, Random random) {
            var attacks = new ArrayList<Attack>();
            if (type.isRecord()) {
                for (var component : type.getRecordComponents()) {
                    var hostile = new LinkedHashMap<String, Object>(plausibleJson(type));
                    hostile.put(component.getName(), NUL);
                    attacks.add(json("NUL in " + component.getName(), JSON.writeValueAsString(hostile)));
                    if (isNumeric(component.getType())) {
                        attacks.add(json(
                                "a huge number in " + component.getName(),
                                JSON.writeValueAsString(hostile).replace("\"a\\u0000b\"", HUGE)));
                    }
                }
            } else {
                for (var field : List.of("userId", "event", "comment", "writeKey", "responseId")) {
                    var hostile = new LinkedHashMap<String, Object>(Map.of(
                            "writeKey",
                            writeKey,
                            "userId",
                            "hostile-1",
                            "event",
                            "Hostile",
                            "responseId",
                            UUID.randomUUID().toString(),
                            "score",
                            9));
                    hostile.put(field, NUL);
                    attacks.add(json("NUL in " + field, JSON.writeValueAsString(hostile)));
                }
                attacks.add(json(
                        "a huge score",
                        "{\"writeKey\": \"" + writeKey + "\", \"responseId\": \"" + UUID.randomUUID()
                                + "\", \"score\": " + HUGE + "}"));
            }
            attacks.add(json(
                    "invalid UTF-8 in a text", new byte[] {'{', '"', 'n', '"', ':', '"', (byte) 0xC3, 0x28, '"', '}'}));
            attacks.add(json("deep nesting", "[".repeat(5_000) + "]".repeat(5_000)));
            attacks.add(json("a 2 MB body", "{\"name\":\"" + "x".repeat(2_000_000) + "\"}"));
            var bytes = new byte[512];
            random.nextBytes(bytes);
            attacks.add(json("random bytes", bytes));
            return attacks;
        }

        private Attack json(String name, String body) {
            return json(name, body.getBytes(StandardCharsets.UTF_8));
        }

        private Attack json(String name, byte[] body) {
            return attack(name, concrete(null), "application/json", body);
        }

        private Attack attack(String name, String rawPath, String contentType, byte[] body) {
            return new Attack(name, () -> {
                var headers = new LinkedHashMap<String, String>();
                if (!contentType.isEmpty()) {
                    headers.put("Content-Type", contentType);
                }
                if (path.startsWith("/api/")) {
                    headers.put("Authorization", "Bearer " + tenant.token(Role.ADMIN));
                    headers.put("Accept", "application/json");
                } else if (isCollection()) {
                    headers.put("Authorization", basic(writeKey));
                    headers.put("Accept", "application/json");
                }
                return session.send(method.name(), rawPath, headers, body);
            });
        }

        /** The path with every variable {@code encodedValue}, or an object of this workspace when null. */
        private String concrete(String encodedValue) {
            return encodedValue == null ? objects.path(path) : WorkspaceObjects.path(path, encodedValue);
        }

        /** The request parameters the handler reads: named ones, and the components of form records. */
        private List<Parameter> parameters() {
            var parameters = new ArrayList<Parameter>();
            for (var parameter : handler.getMethodParameters()) {
                var type = parameter.getParameterType();
                var requestParam = parameter.getParameterAnnotation(RequestParam.class);
                if (parameter.hasParameterAnnotation(PathVariable.class)
                        || parameter.hasParameterAnnotation(RequestBody.class)
                        || type == org.springframework.web.multipart.MultipartFile.class) {
                    continue;
                }
                if (requestParam != null && Map.class.isAssignableFrom(type)) {
                    MAP_PARAMETERS.forEach(name -> parameters.add(new Parameter(name, String.class)));
                } else if (requestParam != null) {
                    parameters.add(new Parameter(name(parameter, requestParam), type));
                } else if (parameter.hasParameterAnnotation(ModelAttribute.class) && type.isRecord()) {
                    formFields(type, "", parameters);
                }
            }
            return parameters;
        }

        /** A form record's fields as the browser names them: {@code widget.delaySeconds} for nested ones. */
        private static void formFields(Class<?> form, String prefix, List<Parameter> parameters) {
            for (var component : form.getRecordComponents()) {
                if (component.getType().isRecord()) {
                    formFields(component.getType(), prefix + component.getName() + ".", parameters);
                } else {
                    parameters.add(new Parameter(prefix + component.getName(), component.getType()));
                }
            }
        }

        private static String name(MethodParameter parameter, RequestParam annotation) {
            return annotation.name().isEmpty() ? parameter.getParameterName() : annotation.name();
        }

        private Class<?> body() {
            for (var parameter : handler.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    return parameter.getParameterType();
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** A request parameter and the type it binds to. */
    private record Parameter(String name, Class<?> type) {

        boolean numeric() {
            return isNumeric(type);
        }

        String plausible() {
            return plausibleText(name, type);
        }
    }

    private static boolean isNumeric(Class<?> type) {
        return type == int.class
                || type == long.class
                || type == Integer.class
                || type == Long.class
                || type == BigDecimal.class
                || type == double.class
                || type == Double.class;
    }

    /** A value a user might really send for a field: what lets a hostile neighbour get furthest. */
    private static String plausibleText(String name, Class<?> type) {
        if (isNumeric(type)) {
            return "1";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true";
        }
        if (type.isEnum()) {
            return ((Enum<?>) type.getEnumConstants()[0]).name();
        }
        if (type == UUID.class) {
            return UUID.randomUUID().toString();
        }
        if (type == java.time.LocalDate.class) {
            return "2026-12-01";
        }
        if (type == java.time.ZoneId.class) {
            return "Europe/Berlin";
        }
        return switch (name) {
            case "email" -> "hostile@example.com";
            case "key" -> "hostile";
            case "lang", "locale", "language", "defaultLanguage" -> "de";
            case "timeZone" -> "Europe/Berlin";
            default -> "Hostile";
        };
    }

    private static Map<String, Object> plausibleJson(Class<?> record) {
        var json = new LinkedHashMap<String, Object>();
        for (RecordComponent component : record.getRecordComponents()) {
            var type = component.getType();
            Object value;
            if (Collection.class.isAssignableFrom(type)) {
                value = List.of();
            } else if (Map.class.isAssignableFrom(type) || type == JsonNode.class) {
                value = Map.of();
            } else if (type.isRecord()) {
                value = plausibleJson(type);
            } else if (isNumeric(type)) {
                value = 1;
            } else if (type == boolean.class || type == Boolean.class) {
                value = true;
            } else {
                value = plausibleText(component.getName(), type);
            }
            json.put(component.getName(), value);
        }
        return json;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
