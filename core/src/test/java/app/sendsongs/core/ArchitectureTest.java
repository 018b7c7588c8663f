package app.sendsongs.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The core's layering (see docs/architecture.md, "Packages of the core"): it uses nothing but the
 * JDK, its packages form no cycle, each package uses only the packages below it, and only the
 * front door ({@code bot}) and the composition root ({@link SendSongs}) know every feature.
 */
class ArchitectureTest {
    private static final String CORE = "app.sendsongs.core";
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(CORE);

    /**
     * What each package may use besides itself and the JDK, lowest first. A new package, or a new
     * arrow, is a design decision: add it here and to the graph in docs/architecture.md.
     */
    static final Map<String, List<String>> MAY_USE = new LinkedHashMap<>();

    static {
        MAY_USE.put("shared", List.of());
        MAY_USE.put("time", List.of());
        MAY_USE.put("music", List.of("shared"));
        MAY_USE.put("chat", List.of("shared"));
        MAY_USE.put("command", List.of("music", "shared"));
        MAY_USE.put("user", List.of("chat", "music", "shared"));
        MAY_USE.put("privacy", List.of("shared"));
        MAY_USE.put("watch", List.of("music", "shared"));
        MAY_USE.put("share", List.of("privacy", "user", "watch", "chat", "command", "music", "shared"));
        MAY_USE.put("listen", List.of("share", "privacy", "user", "watch", "chat", "music", "shared"));
        MAY_USE.put("group", List.of("share", "privacy", "user", "watch", "chat", "command", "music", "shared"));
        MAY_USE.put("groupchat", List.of("group", "share", "privacy", "user", "watch", "chat", "command", "music",
                "shared"));
        MAY_USE.put("compose", List.of("group", "share", "user", "chat", "command", "music", "shared"));
        MAY_USE.put("registration", List.of("share", "user", "chat", "command", "music", "shared"));
        MAY_USE.put("bot", List.of("registration", "compose", "groupchat", "group", "listen", "share", "privacy", "user",
                "watch", "chat", "command", "music", "shared"));
    }

    @Test
    void theCoreUsesNothingButTheJdk() {
        classes().that().resideInAPackage(CORE + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(CORE + "..", "java..", "javax.crypto..")
                .check(MAIN);
    }

    @Test
    void thePackagesFormNoCycle() {
        packagesFormNoCycle(CORE).check(MAIN);
    }

    @Test
    void noFeatureUsesTheFrontDoorOrTheCompositionRoot() {
        noClasses().that().resideInAPackage(CORE + ".(*)..").and().resideOutsideOfPackage(CORE + ".bot..")
                .should().dependOnClassesThat().resideInAnyPackage(CORE, CORE + ".bot..")
                .check(MAIN);
    }

    @TestFactory
    Stream<DynamicTest> eachPackageUsesOnlyThePackagesBelowIt() {
        return MAY_USE.entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
            List<String> allowed = new ArrayList<>(List.of("java..", "javax.crypto..", CORE + "." + entry.getKey() + ".."));
            entry.getValue().forEach(below -> allowed.add(CORE + "." + below + ".."));
            classes().that().resideInAPackage(CORE + "." + entry.getKey() + "..")
                    .should().onlyDependOnClassesThat().resideInAnyPackage(allowed.toArray(String[]::new))
                    .check(MAIN);
        }));
    }

    @Test
    void everyPackageHasItsPlaceInTheLayers() {
        Set<String> packages = new TreeSet<>();
        for (JavaClass type : MAIN) {
            String name = type.getPackageName();
            if (!name.equals(CORE)) {
                packages.add(name.substring(CORE.length() + 1).split("\\.")[0]);
            }
        }
        assertThat(MAY_USE.keySet()).containsExactlyInAnyOrderElementsOf(packages);
    }

    /** The cycle rule is not vacuous: it fails on two packages that use each other (test classes made for it). */
    @Test
    void theCycleRuleFailsOnACycle() {
        String fixtures = "app.sendsongs.cyclefixture";
        JavaClasses withCycle = new ClassFileImporter().importPackages(fixtures);
        assertThat(withCycle).isNotEmpty();

        assertThatThrownBy(() -> packagesFormNoCycle(fixtures).check(withCycle))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Cycle detected");
    }

    private static ArchRule packagesFormNoCycle(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }
}
