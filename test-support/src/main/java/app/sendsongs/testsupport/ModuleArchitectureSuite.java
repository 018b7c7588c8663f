package app.sendsongs.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link ModuleRules} checked on the production classes a module's tests see: a runtime's test extends this and
 * names the modules it must see, so that a rule cannot pass for lack of classes.
 */
public abstract class ModuleArchitectureSuite {
    private static final JavaClasses PRODUCTION = ModuleRules.productionClasses(ModuleRules.ROOT);

    /** The modules (packages below the root, such as {@code store.sqlite}) whose classes this test must see. */
    protected abstract List<String> modulesSeen();

    @Test
    void seesTheClassesOfTheModulesItChecks() {
        Set<String> seen = new TreeSet<>();
        for (JavaClass type : PRODUCTION) {
            modulesSeen().stream().filter(module -> type.getPackageName().startsWith(ModuleRules.ROOT + "." + module))
                    .forEach(seen::add);
        }
        assertEquals(new TreeSet<>(modulesSeen()), seen, "modules with production classes on the class path");
    }

    @TestFactory
    Stream<DynamicTest> adaptersUseNoOtherAdapter() {
        return tests(ModuleRules.adaptersUseNoOtherAdapter(ModuleRules.ROOT));
    }

    @Test
    void theCoreUsesNoAdapter() {
        ModuleRules.coreUsesNoAdapter(ModuleRules.ROOT).check(PRODUCTION);
    }

    @Test
    void theCoreAndTheAdaptersUseNoRuntime() {
        ModuleRules.coreAndAdaptersUseNoRuntime(ModuleRules.ROOT).check(PRODUCTION);
    }

    @TestFactory
    Stream<DynamicTest> runtimesUseNoOtherRuntime() {
        return tests(ModuleRules.runtimesUseNoOtherRuntime(ModuleRules.ROOT));
    }

    private static Stream<DynamicTest> tests(List<ArchRule> rules) {
        return rules.stream().map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(PRODUCTION)));
    }
}
