package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.sendsongs.testsupport.ModuleArchitectureSuite;
import app.sendsongs.testsupport.ModuleRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules between modules (adapters use no other adapter, nothing below a runtime uses one) on every module the
 * server is built from: the core, Messenger, Telegram, Spotify, both stores, web, the sandbox and the server itself. The
 * Lambda runtime checks its own classes the same way.
 */
class ModuleArchitectureTest extends ModuleArchitectureSuite {
    private static final String FIXTURES = "app.sendsongs.modulefixture";

    @Override
    protected List<String> modulesSeen() {
        return List.of("core", "messenger", "telegram", "spotify", "store.sqlite", "store.dynamodb", "web", "sandbox",
                "server");
    }

    /** The rules are not vacuous: on classes made for it (test sources), each forbidden use is found. */
    @Test
    void theRulesFailOnForbiddenUses() {
        JavaClasses fixtures = new ClassFileImporter().importPackages(FIXTURES);
        assertThat(fixtures).hasSize(6);

        assertThatThrownBy(() -> rule(ModuleRules.adaptersUseNoOtherAdapter(FIXTURES), "messenger").check(fixtures))
                .isInstanceOf(AssertionError.class).hasMessageContaining("MessengerPart")
                .hasMessageContaining("SpotifyPart");
        assertThatThrownBy(() -> ModuleRules.coreAndAdaptersUseNoRuntime(FIXTURES).check(fixtures))
                .isInstanceOf(AssertionError.class).hasMessageContaining("CorePart").hasMessageContaining("ServerPart");
        assertThatThrownBy(() -> rule(ModuleRules.runtimesUseNoOtherRuntime(FIXTURES), "lambda").check(fixtures))
                .isInstanceOf(AssertionError.class).hasMessageContaining("LambdaPart");
        rule(ModuleRules.adaptersUseNoOtherAdapter(FIXTURES), "web").check(fixtures);
    }

    private static ArchRule rule(List<ArchRule> rules, String module) {
        return rules.stream().filter(rule -> rule.getDescription().startsWith("the " + module + " ")).findFirst()
                .orElseThrow();
    }
}
