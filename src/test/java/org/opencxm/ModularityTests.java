package org.opencxm;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.NamedInterface;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries: no module reaches into another's internals or depends on it in a cycle;
 * each module's public types are few and every one of them is named in its package-info, so
 * that widening an API is a visible decision, not an accident of visibility.
 */
class ModularityTests {

    /** At most this many public types per interface; the platform's unnamed one carries tenancy and access. */
    private static final int MAX_PUBLIC_TYPES = 12;

    private static final Map<String, Integer> WIDER = Map.of("platform", 20);

    private static final Pattern LINK = Pattern.compile("\\{@link\\s+([\\w.]+)\\s*}");

    private final ApplicationModules modules = ApplicationModules.of(OpenCxmApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApi() {
        modules.verify();
    }

    @Test
    void everyPublicTypeOfAModuleIsListedInItsPackageInfoAndNothingElse() throws IOException {
        for (var module : modules) {
            for (var api : interfaces(module)) {
                var packageName = packageOf(module, api);
                assertThat(listedIn(packageName))
                        .as("the {@link}s in %s/package-info.java", packageName)
                        .containsExactlyInAnyOrderElementsOf(publicTypes(api));
            }
        }
    }

    @Test
    void moduleApisStaySmall() {
        for (var module : modules) {
            for (var api : interfaces(module)) {
                int limit = api.isUnnamed()
                        ? WIDER.getOrDefault(module.getIdentifier().toString(), MAX_PUBLIC_TYPES)
                        : MAX_PUBLIC_TYPES;
                assertThat(publicTypes(api))
                        .as("public types of %s :: %s", module.getIdentifier(), api.getName())
                        .hasSizeLessThanOrEqualTo(limit);
            }
        }
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules)
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }

    private static Iterable<NamedInterface> interfaces(ApplicationModule module) {
        return module.getNamedInterfaces();
    }

    private static Set<String> publicTypes(NamedInterface api) {
        return api.asJavaClasses()
                .filter(type -> type.isTopLevelClass() && type.getModifiers().contains(JavaModifier.PUBLIC))
                .map(JavaClass::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String packageOf(ApplicationModule module, NamedInterface api) {
        return api.isUnnamed()
                ? module.getBasePackage().getName()
                : api.asJavaClasses().findFirst().orElseThrow().getPackageName();
    }

    /** The fully qualified {@code {@link}}s of the package's Javadoc. */
    private static Set<String> listedIn(String packageName) throws IOException {
        var source = Path.of("src/main/java", packageName.replace('.', '/'), "package-info.java");
        var javadoc = Files.readString(source).replaceAll("\\R\\s*\\*", " ");
        var matcher = LINK.matcher(javadoc);
        var links = new TreeSet<String>();
        while (matcher.find()) {
            links.add(matcher.group(1));
        }
        return links;
    }
}
