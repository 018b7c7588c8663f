package app.sendsongs.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rules between the project's modules (docs/architecture.md, "Modules"), for the architecture tests of the
 * modules that see them: the core knows no adapter and no runtime; an adapter (one outside system each) uses the
 * core and no other adapter; a runtime wires the core and adapters and serves them, and no core or adapter class
 * uses it. Each rule takes the root package so that a test can show it failing on classes made for that.
 */
public final class ModuleRules {
    /** The project's root package. */
    public static final String ROOT = "app.sendsongs";

    /**
     * The adapters' packages below the root, including the ones planned (a package that does not exist yet
     * simply has no classes to check).
     */
    public static final List<String> ADAPTERS = List.of("messenger", "spotify", "store.sqlite", "store.dynamodb",
            "web", "telegram", "lastfm", "listenbrainz");

    /** The runtimes' packages below the root; the sandbox counts as one, since it serves emulators over HTTP. */
    public static final List<String> RUNTIMES = List.of("server", "lambda", "bench", "sandbox");

    /**
     * The one use between adapters: {@code web} is the framework-free HTTP intake of the chat platforms' webhooks
     * (Messenger's handshake and signature check on the raw body, Telegram's secret header, then each platform's
     * parser), shared by both runtimes.
     */
    public static final Map<String, List<String>> ADAPTER_MAY_USE = Map.of("web", List.of("messenger", "telegram"));

    /** What a runtime may use of another: the demo mounts the emulators, the benchmarks drive them in process. */
    public static final Map<String, List<String>> RUNTIME_MAY_USE = Map.of("server", List.of("sandbox"),
            "bench", List.of("sandbox"));

    private ModuleRules() {
    }

    /** The project's production classes on the class path (the modules' tests left out). */
    public static JavaClasses productionClasses(String root) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(root);
    }

    /** One rule per adapter: it uses no other adapter, but for {@link #ADAPTER_MAY_USE}. */
    public static List<ArchRule> adaptersUseNoOtherAdapter(String root) {
        return eachUsesNoOther(root, ADAPTERS, ADAPTER_MAY_USE, "adapter");
    }

    /** No class of the core or of an adapter uses a runtime. */
    public static ArchRule coreAndAdaptersUseNoRuntime(String root) {
        List<String> below = new ArrayList<>(ADAPTERS);
        below.add("core");
        return noClasses().that().resideInAnyPackage(packages(root, below))
                .should().dependOnClassesThat().resideInAnyPackage(packages(root, RUNTIMES))
                .as("the core and the adapters use no runtime");
    }

    /** The core uses no adapter. */
    public static ArchRule coreUsesNoAdapter(String root) {
        return noClasses().that().resideInAPackage(packageOf(root, "core"))
                .should().dependOnClassesThat().resideInAnyPackage(packages(root, ADAPTERS))
                .as("the core uses no adapter");
    }

    /** One rule per runtime: it uses no other runtime, but for {@link #RUNTIME_MAY_USE}. */
    public static List<ArchRule> runtimesUseNoOtherRuntime(String root) {
        return eachUsesNoOther(root, RUNTIMES, RUNTIME_MAY_USE, "runtime");
    }

    /** For each of {@code modules}: it uses none of the others but those {@code mayUse} names for it. */
    private static List<ArchRule> eachUsesNoOther(String root, List<String> modules,
                                                  Map<String, List<String>> mayUse, String kind) {
        List<ArchRule> rules = new ArrayList<>();
        for (String module : modules) {
            List<String> others = new ArrayList<>(modules);
            others.remove(module);
            others.removeAll(mayUse.getOrDefault(module, List.of()));
            rules.add(noClasses().that().resideInAPackage(packageOf(root, module))
                    .should().dependOnClassesThat().resideInAnyPackage(packages(root, others))
                    .allowEmptyShould(true)
                    .as("the " + module + " " + kind + " uses no other " + kind));
        }
        return rules;
    }

    private static String packageOf(String root, String module) {
        return root + "." + module + "..";
    }

    private static String[] packages(String root, List<String> modules) {
        return modules.stream().map(module -> packageOf(root, module)).toArray(String[]::new);
    }
}
