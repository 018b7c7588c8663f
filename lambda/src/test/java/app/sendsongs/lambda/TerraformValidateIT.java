package app.sendsongs.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.shared.WholeNumberSetting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code terraform fmt -check} and {@code terraform validate} on deploy/terraform, where a Terraform binary and a
 * local copy of the pinned AWS provider are available (the provider registry is not reachable from the build).
 * The provider is looked up in the filesystem mirror named by {@code TF_PROVIDER_MIRROR} and used in place, so
 * the check writes nothing into the configuration directory. Skipped without them; the hcl4j-based {@link TerraformIT} runs everywhere.
 * The variables' own validation needs no provider: it is checked, on a copy of variables.tf, wherever Terraform is.
 */
class TerraformValidateIT {
    private static final String PROVIDER_VERSION = "5.100.0";

    @Test
    void theConfigurationIsFormattedAndValidForThePinnedProvider() throws Exception {
        Optional<Path> terraform = onPath("terraform");
        Optional<String> mirrorSetting = Optional.ofNullable(System.getenv("TF_PROVIDER_MIRROR"));
        Assumptions.assumeTrue(terraform.isPresent(), "no terraform on the PATH");
        Assumptions.assumeTrue(mirrorSetting.isPresent(), "TF_PROVIDER_MIRROR names no provider mirror");
        Path mirror = Path.of(mirrorSetting.get());
        Path provider = mirror.resolve("registry.terraform.io/hashicorp/aws/" + PROVIDER_VERSION + "/linux_amd64");
        Assumptions.assumeTrue(Files.isDirectory(provider), "no AWS provider " + PROVIDER_VERSION + " under " + mirror);

        Path cliConfig = Files.createTempFile("terraform", ".tfrc");
        try {
            Files.writeString(cliConfig, """
                    provider_installation {
                      dev_overrides {
                        "hashicorp/aws" = "%s"
                      }
                      direct {}
                    }
                    """.formatted(provider.toAbsolutePath()));
            Map<String, String> environment = Map.of("TF_CLI_CONFIG_FILE", cliConfig.toString(),
                    "TF_IN_AUTOMATION", "1", "CHECKPOINT_DISABLE", "1");
            Result fmt = run(TerraformConfig.directory(), environment, terraform.get().toString(), "fmt", "-check",
                    "-diff", "-no-color");
            assertThat(fmt.exitCode()).as("terraform fmt -check:\n" + fmt.output()).isZero();
            Result validate = run(TerraformConfig.directory(), environment, terraform.get().toString(), "validate",
                    "-no-color");
            assertThat(validate.exitCode()).as("terraform validate:\n" + validate.output()).isZero();
            assertThat(validate.output()).contains("The configuration is valid");
        } finally {
            Files.deleteIfExists(cliConfig);
        }
    }

    /**
     * The variables of the operator's optional settings, checked by Terraform itself (they need no provider, so this
     * runs wherever Terraform does): the code's smallest and largest values are taken, and a value the code refuses is
     * refused before anything is planned.
     */
    @Test
    void theOptionalSettingsVariablesTakeWhatTheCodeTakesAndRefuseWhatItRefuses() throws Exception {
        Optional<Path> terraform = onPath("terraform");
        Assumptions.assumeTrue(terraform.isPresent(), "no terraform on the PATH");
        Path directory = Files.createTempDirectory("terraform-variables");
        Path cliConfig = Files.createTempFile("terraform", ".tfrc");
        try {
            Files.copy(TerraformConfig.directory().resolve("variables.tf"), directory.resolve("variables.tf"));
            Map<String, String> environment = Map.of("TF_CLI_CONFIG_FILE", cliConfig.toString(),
                    "TF_IN_AUTOMATION", "1", "CHECKPOINT_DISABLE", "1");
            Result init = run(directory, environment, terraform.get().toString(), "init", "-no-color");
            assertThat(init.exitCode()).as("terraform init:\n" + init.output()).isZero();

            for (Function<WholeNumberSetting, String> taken : List.<Function<WholeNumberSetting, String>>of(
                    setting -> Integer.toString(setting.min()), setting -> Integer.toString(setting.max()))) {
                Result plan = plan(terraform.get(), directory, environment, taken);
                assertThat(plan.exitCode()).as("terraform plan:\n" + plan.output()).isZero();
            }
            for (Function<WholeNumberSetting, String> refused : List.<Function<WholeNumberSetting, String>>of(
                    setting -> Integer.toString(setting.min() - 1), setting -> Integer.toString(setting.max() + 1),
                    setting -> setting.min() + ".5")) {
                Result plan = plan(terraform.get(), directory, environment, refused);
                assertThat(plan.exitCode()).as("terraform plan:\n" + plan.output()).isNotZero();
                for (WholeNumberSetting setting : TerraformIT.WHOLE_NUMBERS) {
                    assertThat(plan.output().replaceAll("\\s+", " ")).as("terraform plan:\n" + plan.output())
                            .contains(setting.name().toLowerCase(Locale.ROOT) + " must be a whole number from "
                                    + setting.min() + " to " + setting.max());
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
            Files.deleteIfExists(cliConfig);
        }
    }

    /** A plan of the variables alone, each optional setting's variable set to {@code value}. */
    private static Result plan(Path terraform, Path directory, Map<String, String> environment,
                               Function<WholeNumberSetting, String> value) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(terraform.toString(), "plan", "-no-color", "-input=false",
                "-var", "spotify_client_id=x"));
        for (WholeNumberSetting setting : TerraformIT.WHOLE_NUMBERS) {
            command.addAll(List.of("-var", setting.name().toLowerCase(Locale.ROOT) + "=" + value.apply(setting)));
        }
        return run(directory, environment, command.toArray(String[]::new));
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(Path directory, Map<String, String> environment, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(directory.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish");
        }
        return new Result(process.exitValue(), output);
    }

    private static Optional<Path> onPath(String program) {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .map(dir -> Path.of(dir, program)).filter(Files::isExecutable).findFirst();
    }
}
