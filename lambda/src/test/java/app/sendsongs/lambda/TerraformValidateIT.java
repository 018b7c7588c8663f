package app.sendsongs.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code terraform fmt -check} and {@code terraform validate} on deploy/terraform, where a Terraform binary and a
 * local copy of the pinned AWS provider are available (the provider registry is not reachable from the build).
 * The provider is looked up in the filesystem mirror named by {@code TF_PROVIDER_MIRROR} and used in place, so
 * the check writes nothing into the configuration directory. Skipped without them; the hcl4j-based {@link TerraformIT} runs everywhere.
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
            Result fmt = run(environment, terraform.get().toString(), "fmt", "-check", "-diff", "-no-color");
            assertThat(fmt.exitCode()).as("terraform fmt -check:\n" + fmt.output()).isZero();
            Result validate = run(environment, terraform.get().toString(), "validate", "-no-color");
            assertThat(validate.exitCode()).as("terraform validate:\n" + validate.output()).isZero();
            assertThat(validate.output()).contains("The configuration is valid");
        } finally {
            Files.deleteIfExists(cliConfig);
        }
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(Map<String, String> environment, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(TerraformConfig.directory().toFile())
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
