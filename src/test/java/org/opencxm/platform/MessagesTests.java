package org.opencxm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.opencxm.customers.IdentityKind;

/** German and English stay complete and in step; every key the code or a page uses exists. */
class MessagesTests {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z][\\w.]*)[}(]");
    private static final Pattern CODE_KEY = Pattern.compile("\"((?:validation|problem|collection)\\.[\\w.]+)\"");

    private final Properties english = load("messages.properties");
    private final Properties german = load("messages_de.properties");

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertThat(german.stringPropertyNames())
                .as("keys of messages_de.properties")
                .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    }

    @Test
    void noMessageIsEmpty() {
        for (var bundle : new Properties[] {english, german}) {
            assertThat(bundle.stringPropertyNames())
                    .allSatisfy(
                            key -> assertThat(bundle.getProperty(key)).as(key).isNotBlank());
        }
    }

    @Test
    void everyKeyInTemplatesExists() throws IOException {
        assertThat(referenced(RESOURCES.resolve("templates"), TEMPLATE_KEY, ".html"))
                .isNotEmpty()
                .allSatisfy(key -> assertThat(english).as(key).containsKey(key));
    }

    @Test
    void everyKeyInCodeExists() throws IOException {
        assertThat(referenced(Path.of("src/main/java"), CODE_KEY, ".java"))
                .isNotEmpty()
                .allSatisfy(key -> assertThat(english).as(key).containsKey(key));
    }

    @Test
    void keysBuiltFromValuesExist() {
        var keys = new HashSet<String>();
        Arrays.stream(Role.values()).map(Role::messageKey).forEach(keys::add);
        Arrays.stream(Department.values()).map(Department::messageKey).forEach(keys::add);
        Arrays.stream(ApiKeyKind.values()).map(kind -> "apiKeys.kind." + kind).forEach(keys::add);
        Arrays.stream(org.opencxm.touchpoints.Channel.values())
                .map(org.opencxm.touchpoints.Channel::messageKey)
                .forEach(keys::add);
        Arrays.stream(org.opencxm.customers.ConsentChannel.values())
                .map(org.opencxm.customers.ConsentChannel::messageKey)
                .forEach(keys::add);
        Arrays.stream(org.opencxm.touchpoints.EventType.values())
                .map(type -> "eventType." + type)
                .forEach(keys::add);
        Arrays.stream(IdentityKind.values()).map(IdentityKind::messageKey).forEach(keys::add);
        Arrays.stream(Language.values()).map(Language::messageKey).forEach(keys::add);
        for (var status : new int[] {403, 404, 429}) {
            keys.add("error." + status + ".title");
            keys.add("error." + status + ".text");
        }

        assertThat(keys).allSatisfy(key -> assertThat(english).as(key).containsKey(key));
    }

    private static Set<String> referenced(Path root, Pattern pattern, String suffix) throws IOException {
        var keys = new TreeSet<String>();
        try (Stream<Path> files = Files.walk(root)) {
            for (var file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
                var matcher = pattern.matcher(Files.readString(file));
                while (matcher.find()) {
                    keys.add(matcher.group(1));
                }
            }
        }
        return keys;
    }

    private static Properties load(String name) {
        var properties = new Properties();
        try (Reader reader = Files.newBufferedReader(RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }
}
