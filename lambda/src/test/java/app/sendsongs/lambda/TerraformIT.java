package app.sendsongs.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.OperatorSettings;
import app.sendsongs.core.shared.WholeNumberSetting;
import app.sendsongs.core.watch.WatchSchedule;
import app.sendsongs.messenger.MessengerConfig;
import app.sendsongs.store.dynamodb.DynamoStores;
import app.sendsongs.telegram.TelegramConfig;
import app.sendsongs.testsupport.DynaliteExtension;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The Terraform configuration (deploy/terraform) checked against the code and the built artifact: every handler it
 * names exists and is a Lambda handler; routes reach the function that serves them; every setting the code reads
 * is in that function's environment (the operator's optional ones when they are set, null Terraform variables
 * otherwise), secrets only as SecureString parameter names; the intake queue is made as the
 * tests make it, and feeds the inbound function as the code expects; and each role allows exactly the DynamoDB, SQS
 * and SSM calls its function really makes (recorded by running {@link DeploymentScenario} through the handlers and
 * the emulated event source mapping, which acts with the inbound function's role), nothing broader.
 */
class TerraformIT {
    @RegisterExtension
    static final DynaliteExtension DYNAMO = new DynaliteExtension(DynamoStores::createTable);
    @RegisterExtension
    static final ElasticMqExtension QUEUES = new ElasticMqExtension();

    private static final String TABLE = "aws_dynamodb_table.main";
    /** Named like secrets but public: a Last.fm API key is in every Last.fm link people open. */
    private static final Set<Setting> PUBLIC_DESPITE_THEIR_NAMES = Set.of(Setting.LASTFM_API_KEY);
    /**
     * The settings a deployment leaves to the code's defaults: where the outside services are, which only the tests
     * point elsewhere. Every other setting a function reads is in its environment, optional or not (the operator's
     * optional settings when they are set), so that what the operator sets in Terraform reaches every function that
     * reads it.
     */
    private static final Set<Setting> THE_CODES_DEFAULTS = Set.of(Setting.TELEGRAM_API_BASE_URL,
            Setting.LASTFM_WEB_BASE_URL, Setting.LASTFM_API_BASE_URL, Setting.LISTENBRAINZ_API_BASE_URL,
            Setting.MESSENGER_GRAPH_BASE_URL, Setting.SPOTIFY_ACCOUNTS_BASE_URL, Setting.SPOTIFY_API_BASE_URL);
    /** The operator's whole-number settings the functions read, with the ranges the code takes. */
    static final List<WholeNumberSetting> WHOLE_NUMBERS = List.of(OperatorSettings.SEND_LIMIT_PER_HOUR,
            OperatorSettings.SEND_LIMIT_PER_FRIEND_PER_DAY, OperatorSettings.SEND_LIMIT_OPEN_INVITES,
            OperatorSettings.HELD_MESSAGE_DAYS, OperatorSettings.LEASE_SECONDS, TelegramConfig.MESSAGES_PER_SECOND);
    private static final String QUEUE = "aws_sqs_queue.inbound";
    private static final String DEAD_LETTERS = "aws_sqs_queue.inbound_dead_letters";
    private static final Map<String, Class<?>> FUNCTIONS = new LinkedHashMap<>();

    static {
        FUNCTIONS.put("webhook", WebhookHandler.class);
        FUNCTIONS.put("telegram_webhook", TelegramWebhookHandler.class);
        FUNCTIONS.put("inbound", InboundHandler.class);
        FUNCTIONS.put("registration", RegistrationHandler.class);
        FUNCTIONS.put("tick", TickHandler.class);
    }

    private static TerraformConfig terraform;
    private static LambdaWorld world;
    private static final Map<String, Set<AwsCall>> RECORDED = new HashMap<>();

    @BeforeAll
    static void recordWhatTheFunctionsDo() {
        terraform = TerraformConfig.load(TerraformConfig.directory());
        world = new LambdaWorld(DYNAMO, QUEUES);
        DeploymentScenario.run(world);
        FUNCTIONS.keySet().forEach(function -> RECORDED.put(function, world.calls(function)));
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @Test
    void theFunctionsAreExactlyTheFiveHandlersOnJava21WithSnapStartOnPublishedVersions() throws Exception {
        assertThat(terraform.resources("aws_lambda_function").keySet()).containsExactlyInAnyOrderElementsOf(
                FUNCTIONS.keySet().stream().map(function -> "function." + function).toList());
        try (URLClassLoader artifact = LambdaArtifactIT.artifactOnly()) {
            Class<?> streamHandler = artifact.loadClass("com.amazonaws.services.lambda.runtime.RequestStreamHandler");
            Class<?> context = artifact.loadClass("com.amazonaws.services.lambda.runtime.Context");
            for (String function : FUNCTIONS.keySet()) {
                Map<String, Object> resource = function(function);
                String[] handler = String.valueOf(resource.get("handler")).split("::");
                assertThat(handler).as(function + " handler").hasSize(2);
                assertThat(handler[0]).isEqualTo(FUNCTIONS.get(function).getName());
                Class<?> loaded = artifact.loadClass(handler[0]);
                assertThat(streamHandler.isAssignableFrom(loaded)).as(handler[0] + " is a RequestStreamHandler").isTrue();
                Method method = loaded.getMethod(handler[1], java.io.InputStream.class, java.io.OutputStream.class,
                        context);
                assertThat(method.getName()).isEqualTo("handleRequest");
                assertThat(loaded.getConstructor()).isNotNull();

                assertThat(resolve(resource.get("runtime"))).isEqualTo("java21");
                assertThat(resource.get("publish")).isEqualTo(Boolean.TRUE);
                assertThat(TerraformConfig.map(resource.get("snap_start")).get("apply_on")).isEqualTo("PublishedVersions");
                assertThat(resource.get("filename")).isEqualTo("var.lambda_jar");
            }
        }
    }

    @Test
    void everythingInvokesTheFunctionsThroughTheirAliasOfThePublishedVersion() {
        for (String function : FUNCTIONS.keySet()) {
            Map<String, Object> alias = terraform.resource(instance("aws_lambda_alias", function));
            String lambda = instance("aws_lambda_function", function);
            assertThat(alias.get("function_name")).isEqualTo(lambda + ".function_name");
            assertThat(alias.get("function_version")).isEqualTo(lambda + ".version");
        }
        terraform.resources("aws_apigatewayv2_integration").values().forEach(integration -> {
            assertThat(String.valueOf(integration.get("integration_uri")))
                    .matches("aws_lambda_alias\\.function\\.\\w+\\.invoke_arn");
            assertThat(integration.get("payload_format_version")).isEqualTo("2.0");
            assertThat(integration.get("integration_type")).isEqualTo("AWS_PROXY");
        });
        Map<String, Object> target = TerraformConfig.map(terraform.resource("aws_scheduler_schedule.tick").get("target"));
        assertThat(target.get("arn")).isEqualTo(instance("aws_lambda_alias", "tick") + ".arn");
        assertThat(terraform.resources("aws_lambda_event_source_mapping").values()).singleElement()
                .satisfies(mapping -> assertThat(mapping.get("function_name"))
                        .isEqualTo(instance("aws_lambda_alias", "inbound") + ".arn"));
    }

    @Test
    void everyRouteReachesTheFunctionThatServesItAndEveryServedRouteExists() throws Exception {
        Set<String> declared = new HashSet<>();
        for (Map<String, Object> route : terraform.resources("aws_apigatewayv2_route").values()) {
            String routeKey = String.valueOf(route.get("route_key"));
            declared.add(routeKey);
            String integration = String.valueOf(route.get("target")).replaceFirst("^integrations/", "")
                    .replaceFirst("\\.id$", "");
            String alias = String.valueOf(terraform.resource(integration).get("integration_uri"))
                    .replaceFirst("\\.invoke_arn$", "");
            String function = String.valueOf(terraform.resource(alias).get("function_name"))
                    .replaceFirst("^aws_lambda_function\\.function\\.", "").replaceFirst("\\.function_name$", "");
            assertThat(routes(FUNCTIONS.get(function))).as(routeKey + " goes to " + function).contains(routeKey);
        }
        Set<String> served = new HashSet<>();
        for (Class<?> handler : FUNCTIONS.values()) {
            served.addAll(routes(handler));
        }
        assertThat(declared).containsExactlyInAnyOrderElementsOf(served);
    }

    @Test
    void everySettingTheCodeReadsIsInItsFunctionsEnvironmentAndNothingElse() throws Exception {
        for (String function : FUNCTIONS.keySet()) {
            List<Setting> settings = settings(FUNCTIONS.get(function));
            Map<String, Object> environment = environment(function);
            List<String> optional = optionalSettings(function);
            Set<String> wired = new TreeSet<>(environment.keySet());
            wired.addAll(optional);
            Set<String> declared = settings.stream().map(Setting::name).collect(Collectors.toSet());
            assertThat(optional).as(function + " optional settings it always gets").doesNotHaveDuplicates()
                    .doesNotContainAnyElementsOf(environment.keySet());
            assertThat(wired).as(function + " variables the code does not read").isSubsetOf(declared);
            settings.stream().filter(setting -> !THE_CODES_DEFAULTS.contains(setting)).forEach(setting ->
                    assertThat(wired).as(function + " must set " + setting).contains(setting.name()));
            for (Setting setting : settings) {
                Object value = environment.get(setting.name());
                if (setting.namesParameter() && value != null) {
                    String parameter = TerraformConfig.address(value, "aws_ssm_parameter", "name")
                            .orElseThrow(() -> new AssertionError(function + " " + setting + " must name an "
                                    + "aws_ssm_parameter, not " + value));
                    Map<String, Object> resource = terraform.resource(parameter);
                    assertThat(resource.get("type")).as(parameter).isEqualTo("SecureString");
                    assertThat(String.valueOf(resource.get("key_id"))).as(parameter).startsWith("aws_kms_key.");
                } else if (!setting.namesParameter() && !PUBLIC_DESPITE_THEIR_NAMES.contains(setting)) {
                    assertThat(setting.name()).as("a secret in a plain variable")
                            .doesNotContain("SECRET", "TOKEN", "PASSWORD", "KEY");
                }
            }
            if (settings.contains(Setting.DYNAMODB_TABLE)) {
                assertThat(environment.get(Setting.DYNAMODB_TABLE.name())).isEqualTo(TABLE + ".name");
            }
            if (settings.contains(Setting.INBOUND_QUEUE_URL)) {
                assertThat(environment.get(Setting.INBOUND_QUEUE_URL.name())).isEqualTo(QUEUE + ".url");
            }
        }
    }

    @Test
    void theOperatorsOptionalSettingsAreVariablesLeftToTheCodesDefaultsUntilSetAndCheckedInTheCodesRanges()
            throws IOException {
        Map<String, WholeNumberSetting> inCode = WHOLE_NUMBERS.stream()
                .collect(Collectors.toMap(WholeNumberSetting::name, setting -> setting));
        Map<String, Object> optional = TerraformConfig.map(terraform.section("locals").get("optional_settings"));
        assertThat(optional.keySet()).containsAll(inCode.keySet())
                .allSatisfy(name -> assertThat(Setting.valueOf(name)).as(name + " is read by the code").isNotNull());
        Set<String> reachingAFunction = new TreeSet<>();
        FUNCTIONS.keySet().forEach(function -> reachingAFunction.addAll(optionalSettings(function)));
        assertThat(reachingAFunction).as("optional settings given to a function")
                .containsExactlyInAnyOrderElementsOf(optional.keySet());

        Map<String, Object> variables = terraform.section("variable");
        optional.forEach((name, reference) -> {
            String variable = name.toLowerCase(Locale.ROOT);
            assertThat(reference).as(name).isEqualTo("var." + variable);
            Map<String, Object> declared = TerraformConfig.map(variables.get(variable));
            assertThat(declared).as(variable + ": null, the code's default, unless set").containsEntry("default", null);
            if (inCode.containsKey(name)) {
                WholeNumberSetting setting = inCode.get(name);
                assertThat(declared.get("type")).as(variable).asString().contains("number");
                assertThat(String.valueOf(TerraformConfig.map(declared.get("validation")).get("error_message")))
                        .as(variable + " is checked in the code's range")
                        .contains("from " + setting.min() + " to " + setting.max());
            }
        });
        // hcl4j reads no for expression: the environment's expression itself is checked as written
        String functions = Files.readString(TerraformConfig.directory().resolve("lambda.tf")).replaceAll("\\s+", " ");
        assertThat(functions).as("a function's environment: its settings, and those optional ones it reads that are set")
                .contains("variables = merge(each.value.environment, { for name in each.value.optional_settings : "
                        + "name => tostring(local.optional_settings[name]) if local.optional_settings[name] != null })");
    }

    @Test
    void everyFunctionThatCallsGraphUsesTheGraphVersionVariableWhoseDefaultIsTheCodes() {
        assertThat(TerraformConfig.map(terraform.section("variable").get("graph_api_version")).get("default"))
                .isEqualTo(MessengerConfig.DEFAULT_GRAPH_VERSION).isEqualTo("v25.0");
        for (String function : FUNCTIONS.keySet()) {
            if (settingsOf(function).contains(Setting.MESSENGER_GRAPH_VERSION)) {
                assertThat(environment(function).get(Setting.MESSENGER_GRAPH_VERSION.name())).as(function)
                        .isEqualTo("var.graph_api_version");
            }
        }
    }

    @Test
    void theWatchScheduleAndItsGracePeriodAreVariablesDefaultingToTheCodesOwnAndReachEveryFunctionThatWatches() {
        Map<String, Object> variables = terraform.section("variable");
        assertThat(WatchSchedule.parse(String.valueOf(TerraformConfig.map(variables.get("watch_schedule"))
                .get("default")))).isEqualTo(WatchSchedule.standard());
        assertThat(WatchSchedule.parseDuration(String.valueOf(TerraformConfig.map(variables.get("watch_grace"))
                .get("default")))).isEqualTo(WatchSchedule.DEFAULT_GRACE);
        for (String function : FUNCTIONS.keySet()) {
            if (settingsOf(function).contains(Setting.WATCH_GRACE)) {
                assertThat(environment(function)).as(function)
                        .containsEntry(Setting.WATCH_SCHEDULE.name(), "var.watch_schedule")
                        .containsEntry(Setting.WATCH_GRACE.name(), "var.watch_grace");
            }
        }
    }

    @Test
    void theLastfmSharedSecretIsAParameterOfItsOwnGivenOnlyToTheFunctionsThatOfferLastfm() {
        Map<String, Object> secret = terraform.resource("aws_ssm_parameter.lastfm_shared_secret");
        assertThat(secret.get("type")).isEqualTo("SecureString");
        assertThat(String.valueOf(secret.get("key_id"))).startsWith("aws_kms_key.");
        for (String function : FUNCTIONS.keySet()) {
            Map<String, Object> environment = environment(function);
            boolean offersLastfm = settingsOf(function).contains(Setting.LASTFM_API_KEY);
            assertThat(environment.containsKey(Setting.LASTFM_API_KEY.name())).as(function).isEqualTo(offersLastfm);
            assertThat(environment.get(Setting.LASTFM_SHARED_SECRET_PARAMETER.name())).as(function)
                    .isEqualTo(offersLastfm ? "aws_ssm_parameter.lastfm_shared_secret.name" : null);
            assertThat(RECORDED.get(function)).as(function + " reads the shared secret exactly when it offers Last.fm")
                    .extracting(AwsCall::resource)
                    .matches(resources -> resources.contains("parameter:"
                            + LambdaWorld.parameterName(Setting.LASTFM_SHARED_SECRET_PARAMETER)) == offersLastfm);
        }
    }

    @Test
    void theIntakeQueueIsFifoEncryptedWithoutContentDeduplicationAndAsTheTestsMakeIt() {
        Map<String, Object> queue = terraform.resource(QUEUE);
        Map<String, Object> deadLetters = terraform.resource(DEAD_LETTERS);
        for (Map<String, Object> fifo : List.of(queue, deadLetters)) {
            assertThat(fifo.get("fifo_queue")).isEqualTo(Boolean.TRUE);
            assertThat(fifo.get("content_based_deduplication")).isEqualTo(Boolean.FALSE);
            assertThat(fifo.get("sqs_managed_sse_enabled")).isEqualTo(Boolean.TRUE);
            assertThat(String.valueOf(fifo.get("name"))).endsWith(".fifo");
        }
        int functionTimeout = number(function("inbound").get("timeout"));
        assertThat(functionTimeout).isEqualTo(IntakeQueues.FUNCTION_TIMEOUT_SECONDS);
        assertThat(number(queue.get("visibility_timeout_seconds"))).isEqualTo(IntakeQueues.VISIBILITY_TIMEOUT_SECONDS)
                .isGreaterThanOrEqualTo(6 * functionTimeout);
        assertThat(number(queue.get("max_message_size"))).isEqualTo(InboundCodec.MAX_BYTES);
        assertThat(number(queue.get("message_retention_seconds"))).isEqualTo(IntakeQueues.RETENTION_SECONDS);
        assertThat(number(deadLetters.get("message_retention_seconds")))
                .isEqualTo(IntakeQueues.DEAD_LETTER_RETENTION_SECONDS);
        Map<String, Object> redrive = TerraformConfig.jsonencoded(queue.get("redrive_policy"));
        assertThat(redrive.get("deadLetterTargetArn")).isEqualTo(DEAD_LETTERS + ".arn");
        assertThat(redrive.get("maxReceiveCount")).isEqualTo("var.inbound_max_receive_count");
        assertThat(number(TerraformConfig.map(terraform.section("variable").get("inbound_max_receive_count"))
                .get("default"))).isEqualTo(IntakeQueues.MAX_RECEIVE_COUNT);
        Map<String, Object> allowed = TerraformConfig.jsonencoded(terraform
                .resource("aws_sqs_queue_redrive_allow_policy.inbound_dead_letters").get("redrive_allow_policy"));
        assertThat(allowed.get("redrivePermission")).isEqualTo("byQueue");
        assertThat(allowed.get("sourceQueueArns")).isEqualTo(List.of(QUEUE + ".arn"));
    }

    @Test
    void theQueueFeedsTheInboundFunctionInBatchesItMayPartlyFailAndTheWebhookAnswersWithinMessengersWait() {
        Map<String, Object> mapping = terraform.resource("aws_lambda_event_source_mapping.inbound");
        assertThat(mapping.get("event_source_arn")).isEqualTo(QUEUE + ".arn");
        assertThat(number(mapping.get("batch_size"))).isBetween(1, 10);
        assertThat(TerraformConfig.strings(mapping.get("function_response_types")))
                .containsExactly("ReportBatchItemFailures");
        assertThat(number(function("webhook").get("timeout"))).as("seconds; Messenger waits 20").isLessThan(20);
        assertThat(number(function("telegram_webhook").get("timeout"))).as("seconds").isLessThan(20);
    }

    @Test
    void theRegistrationFunctionHasTimeToCallTheChatPlatformsAndEndsBeforeTheHttpApiStopsWaiting() {
        long timeout = number(function("registration").get("timeout"));
        assertThat(timeout).isEqualTo(TestContext.REGISTRATION_TIMEOUT.toSeconds());
        assertThat(timeout - SendsWhileTimeIsLeft.TIME_TO_SEND.toSeconds()).as("seconds in which calls may start")
                .isGreaterThanOrEqualTo(5);
        assertThat(timeout * 1000).as("milliseconds")
                .isLessThan(number(terraform.resource("aws_apigatewayv2_integration.registration")
                        .get("timeout_milliseconds")));
    }

    @Test
    void theTickHasAsLongToStartChecksAsItKeepsForTheLastOne() {
        long timeout = number(function("tick").get("timeout"));
        assertThat(timeout - TickHandler.TIME_TO_START_A_CHECK.toSeconds()).as("seconds in which checks may start")
                .isGreaterThanOrEqualTo(TickHandler.TIME_TO_START_A_CHECK.toSeconds());
    }

    @Test
    void eachRoleAllowsExactlyTheDynamoDbSqsAndSsmCallsItsFunctionMakes() {
        List<String> problems = new ArrayList<>();
        for (String function : FUNCTIONS.keySet()) {
            Set<String> needed = new TreeSet<>();
            for (AwsCall call : RECORDED.get(function)) {
                try {
                    needed.add(call.action() + " on " + terraformResource(function, call));
                } catch (AssertionError unmapped) {
                    problems.add(unmapped.getMessage());
                }
            }
            Set<String> allowed = new TreeSet<>();
            for (Map<String, Object> statement : statements(function)) {
                for (String action : TerraformConfig.strings(statement.get("actions"))) {
                    if (action.startsWith("dynamodb:") || action.startsWith("ssm:") || action.startsWith("sqs:")) {
                        TerraformConfig.strings(statement.get("resources"))
                                .forEach(resource -> allowed.add(action + " on " + resource));
                    }
                }
            }
            Set<String> missing = new TreeSet<>(needed);
            missing.removeAll(allowed);
            Set<String> unused = new TreeSet<>(allowed);
            unused.removeAll(needed);
            if (!missing.isEmpty()) {
                problems.add(function + ": calls its role does not allow: " + missing);
            }
            if (!unused.isEmpty()) {
                problems.add(function + ": allowed but never used by the code: " + unused);
            }
            if (needed.isEmpty()) {
                problems.add(function + ": no AWS call was recorded");
            }
        }
        assertThat(problems).as("roles against the calls the code makes").isEmpty();
    }

    @Test
    void noPolicyGrantsAWildcardAndLogsGoOnlyToTheFunctionsOwnGroup() {
        terraform.data("aws_iam_policy_document").forEach((name, document) -> {
            for (Map<String, Object> statement : TerraformConfig.blocks(document.get("statement"))) {
                assertThat(TerraformConfig.strings(statement.get("actions"))).as(name + " actions")
                        .noneMatch(action -> action.contains("*"));
                assertThat(statement).as(name + ": only Allow statements with actions").doesNotContainKeys(
                        "not_actions", "not_resources", "effect");
                TerraformConfig.strings(statement.get("resources")).forEach(resource ->
                        assertThat(resource).as(name + " resource").isNotEqualTo("*").doesNotContain("/*")
                                .matches(r -> !r.contains("*")
                                                || r.matches("aws_cloudwatch_log_group\\.function\\.\\w+\\.arn:\\*"),
                                        "no wildcard except the log streams of a log group"));
            }
        });
        for (String function : FUNCTIONS.keySet()) {
            Map<String, Object> logGroup = terraform.resource(instance("aws_cloudwatch_log_group", function));
            assertThat(logGroup.get("name")).isEqualTo("/aws/lambda/" + function(function).get("function_name"));
            assertThat(logGroup.get("retention_in_days")).isNotNull();
            Set<String> logGrants = new LinkedHashSet<>();
            Set<String> keyGrants = new LinkedHashSet<>();
            for (Map<String, Object> statement : statements(function)) {
                for (String action : TerraformConfig.strings(statement.get("actions"))) {
                    List<String> resources = TerraformConfig.strings(statement.get("resources"));
                    if (action.startsWith("logs:")) {
                        resources.forEach(resource -> logGrants.add(action + " on " + resource));
                    } else if (action.startsWith("kms:")) {
                        assertThat(TerraformConfig.map(statement.get("condition")).get("variable"))
                                .as(function + " may decrypt only through SSM").isEqualTo("kms:ViaService");
                        resources.forEach(resource -> keyGrants.add(action + " on " + resource));
                    } else {
                        assertThat(action).as(function + " action").matches("(dynamodb|ssm|sqs):\\w+");
                    }
                }
            }
            String ownStreams = instance("aws_cloudwatch_log_group", function) + ".arn:*";
            assertThat(logGrants).containsExactlyInAnyOrder("logs:CreateLogStream on " + ownStreams,
                    "logs:PutLogEvents on " + ownStreams);
            Set<String> keysOfItsParameters = new TreeSet<>();
            environment(function).values().forEach(value -> TerraformConfig.address(value, "aws_ssm_parameter", "name")
                    .ifPresent(parameter -> keysOfItsParameters.add("kms:Decrypt on "
                            + terraform.resource(parameter).get("key_id"))));
            assertThat(keyGrants).containsExactlyInAnyOrderElementsOf(keysOfItsParameters);
        }
    }

    @Test
    void theSchedulerInvokesOnlyTheTickAliasEveryMinuteWithItsOwnRole() {
        Map<String, Object> schedule = terraform.resource("aws_scheduler_schedule.tick");
        assertThat(schedule.get("schedule_expression")).isEqualTo("var.tick_schedule");
        assertThat(TerraformConfig.map(terraform.section("variable").get("tick_schedule")).get("default"))
                .isEqualTo("rate(1 minute)");
        assertThat(TerraformConfig.map(schedule.get("flexible_time_window")).get("mode")).isEqualTo("OFF");
        String role = String.valueOf(TerraformConfig.map(schedule.get("target")).get("role_arn"));
        assertThat(role).isEqualTo("aws_iam_role.scheduler.arn");
        assertThat(statementsOfRole("scheduler")).singleElement().satisfies(statement -> {
            assertThat(TerraformConfig.strings(statement.get("actions"))).containsExactly("lambda:InvokeFunction");
            assertThat(TerraformConfig.strings(statement.get("resources")))
                    .containsExactly(instance("aws_lambda_alias", "tick") + ".arn");
        });
    }

    @Test
    void theTableIsTheOneTheStoreCreatesForItself() throws ReflectiveOperationException {
        TableDescription created = DYNAMO.client().describeTable(r -> r.tableName(DYNAMO.freshTable())).table();
        Map<String, Object> table = terraform.resource(TABLE);

        assertThat(table.get("hash_key")).isEqualTo(key(created.keySchema(), KeyType.HASH));
        assertThat(table.get("range_key")).isEqualTo(key(created.keySchema(), KeyType.RANGE));
        assertThat(TerraformConfig.blocks(table.get("attribute")).stream()
                .map(attribute -> attribute.get("name") + ":" + attribute.get("type")).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(created.attributeDefinitions().stream()
                        .map(a -> a.attributeName() + ":" + a.attributeTypeAsString()).toList());
        assertThat(TerraformConfig.blocks(table.get("global_secondary_index")).stream()
                .map(index -> index.get("name") + "(" + index.get("hash_key") + "," + index.get("range_key") + ","
                        + index.get("projection_type") + ")").collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(created.globalSecondaryIndexes().stream()
                        .map(index -> index.indexName() + "(" + key(index.keySchema(), KeyType.HASH) + ","
                                + key(index.keySchema(), KeyType.RANGE) + "," + index.projection().projectionTypeAsString()
                                + ")").toList());
        Field ttl = Class.forName("app.sendsongs.store.dynamodb.TableLayout")
                .getDeclaredField("GC_AFTER");
        ttl.setAccessible(true);
        assertThat(TerraformConfig.map(table.get("ttl")).get("attribute_name")).isEqualTo(ttl.get(null));
    }

    private static String key(List<KeySchemaElement> schema, KeyType type) {
        return schema.stream().filter(element -> element.keyType() == type).map(KeySchemaElement::attributeName)
                .findFirst().orElse(null);
    }

    @Test
    void theTableIsOnDemandWithPointInTimeRecoveryAndTheDueIndex() {
        Map<String, Object> table = terraform.resource(TABLE);
        assertThat(table.get("billing_mode")).isEqualTo("PAY_PER_REQUEST");
        assertThat(TerraformConfig.map(table.get("point_in_time_recovery")).get("enabled")).isEqualTo(Boolean.TRUE);
        assertThat(TerraformConfig.map(table.get("ttl")).get("enabled")).isEqualTo(Boolean.TRUE);
        assertThat(TerraformConfig.blocks(table.get("global_secondary_index")))
                .extracting(index -> index.get("name")).contains("due");
    }

    @Test
    void versionsArePinnedAndTheOutputsGiveTheUrlsToRegister() {
        Map<String, Object> settings = terraform.section("terraform");
        assertThat(settings.get("required_version")).isNotNull();
        Map<String, Object> aws = TerraformConfig.map(TerraformConfig.map(settings.get("required_providers")).get("aws"));
        assertThat(aws.get("source")).isEqualTo("hashicorp/aws");
        assertThat(String.valueOf(aws.get("version"))).matches("\\d+\\.\\d+\\.\\d+");
        Map<String, Object> outputs = terraform.section("output");
        assertThat(TerraformConfig.map(outputs.get("webhook_url")).get("value")).isEqualTo("local.public_base_url/webhook");
        assertThat(TerraformConfig.map(outputs.get("connect_url")).get("value")).isEqualTo("local.public_base_url/connect");
        assertThat(TerraformConfig.map(outputs.get("telegram_webhook_url")).get("value"))
                .isEqualTo("local.public_base_url/telegram/webhook");
        assertThat(TerraformConfig.map(outputs.get("spotify_redirect_uri")).get("value"))
                .isEqualTo("local.public_base_url/callback");
    }

    @Test
    void everyFunctionsErrorsAndThrottlesRaiseAnAlarmToTheConfiguredTopic() {
        for (String function : FUNCTIONS.keySet()) {
            for (String metric : List.of("Errors", "Throttles")) {
                Map<String, Object> alarm = terraform.resource("aws_cloudwatch_metric_alarm.function_"
                        + metric.toLowerCase(java.util.Locale.ROOT) + "." + function);
                assertThat(alarm.get("namespace")).isEqualTo("AWS/Lambda");
                assertThat(alarm.get("metric_name")).isEqualTo(metric);
                assertThat(TerraformConfig.map(alarm.get("dimensions"))).isEqualTo(Map.of("FunctionName",
                        instance("aws_lambda_function", function) + ".function_name"));
                assertThat(alarm.get("statistic")).isEqualTo("Sum");
                assertThat(((Number) alarm.get("threshold")).doubleValue()).isZero();
                assertThat(alarm.get("comparison_operator")).isEqualTo("GreaterThanThreshold");
                assertThat(alarm.get("treat_missing_data")).isEqualTo("notBreaching");
                assertNotifies(alarm);
            }
        }
    }

    @Test
    void theIntakeQueuesBacklogAgeAndDeadLettersRaiseAlarms() {
        Map<String, Object> age = terraform.resource("aws_cloudwatch_metric_alarm.intake_backlog_age");
        assertThat(age.get("namespace")).isEqualTo("AWS/SQS");
        assertThat(age.get("metric_name")).isEqualTo("ApproximateAgeOfOldestMessage");
        assertThat(TerraformConfig.map(age.get("dimensions"))).isEqualTo(Map.of("QueueName", QUEUE + ".name"));
        assertThat(age.get("statistic")).isEqualTo("Maximum");
        assertThat(age.get("threshold")).isEqualTo("var.intake_age_alarm_seconds");
        assertNotifies(age);

        Map<String, Object> deadLetters = terraform.resource("aws_cloudwatch_metric_alarm.intake_dead_letters");
        assertThat(deadLetters.get("namespace")).isEqualTo("AWS/SQS");
        assertThat(deadLetters.get("metric_name")).isEqualTo("ApproximateNumberOfMessagesVisible");
        assertThat(TerraformConfig.map(deadLetters.get("dimensions")))
                .isEqualTo(Map.of("QueueName", DEAD_LETTERS + ".name"));
        assertThat(((Number) deadLetters.get("threshold")).doubleValue()).isZero();
        assertThat(deadLetters.get("comparison_operator")).isEqualTo("GreaterThanThreshold");
        assertNotifies(deadLetters);
    }

    /** The lag alarm watches exactly the metric the tick writes to its log, under the name Lambda gives the tick. */
    @Test
    void theListenCheckLagAlarmReadsTheMetricTheTickWrites() {
        Map<String, Object> lag = terraform.resource("aws_cloudwatch_metric_alarm.listen_check_lag");
        assertThat(lag.get("namespace")).isEqualTo(EmbeddedMetrics.NAMESPACE);
        assertThat(lag.get("metric_name")).isEqualTo(EmbeddedMetrics.metricName(TickHandler.CHECK_LAG));
        assertThat(TerraformConfig.map(lag.get("dimensions")))
                .isEqualTo(Map.of("Function", instance("aws_lambda_function", "tick") + ".function_name"));
        assertThat(lag.get("statistic")).isEqualTo("Maximum");
        assertThat(lag.get("threshold")).isEqualTo("var.listen_check_lag_alarm_seconds");
        assertThat(lag.get("treat_missing_data")).as("a tick that stops reporting has stopped checking")
                .isEqualTo("breaching");
        assertNotifies(lag);

        List<EmfLines.Datum> written = EmfLines.read(world.metricLines);
        assertThat(written).filteredOn(datum -> datum.name().equals(lag.get("metric_name")))
                .as("the tick wrote it in the recorded run, with the function as its only dimension").isNotEmpty()
                .allSatisfy(datum -> {
                    assertThat(datum.namespace()).isEqualTo(lag.get("namespace"));
                    assertThat(datum.dimensions().keySet()).containsExactly("Function");
                });
    }

    @Test
    void theAlarmsNotifyAGivenTopicOrOneMadeForAnEmailAndNothingWithout() {
        Map<String, Object> variables = terraform.section("variable");
        for (String variable : List.of("alarm_email", "alarm_topic_arn")) {
            assertThat(TerraformConfig.map(variables.get(variable)).get("default")).as(variable).isEqualTo("");
        }
        Map<String, Object> subscription = terraform.resource("aws_sns_topic_subscription.alarm_email");
        assertThat(subscription.get("protocol")).isEqualTo("email");
        assertThat(subscription.get("endpoint")).isEqualTo("var.alarm_email");
        assertThat(terraform.resources("aws_sns_topic")).containsOnlyKeys("alarms");
        assertThat(terraform.resources("aws_cloudwatch_metric_alarm")).hasSize(2 * FUNCTIONS.size() + 3);
    }

    /**
     * The alarm notifies {@code local.alarm_topics} when it fires and when it clears. hcl4j replaces a local by
     * what it makes of its value, so the parsed alarm is only checked to have both, the same; the file names the
     * local on every such line.
     */
    private static void assertNotifies(Map<String, Object> alarm) {
        assertThat(alarm.get("alarm_actions")).as("alarm_actions of %s", alarm.get("alarm_name")).isNotNull()
                .isEqualTo(alarm.get("ok_actions"));
        try {
            List<String> lines = java.nio.file.Files.readAllLines(TerraformConfig.directory().resolve("alarms.tf"));
            assertThat(lines).filteredOn(line -> line.strip().matches("(alarm|ok)_actions\\s*=.*"))
                    .allSatisfy(line -> assertThat(line.strip()).endsWith("= local.alarm_topics"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Each function's resources are made from its entry in local.functions with for_each; before, each was a block of
     * its own. A moved block takes each of them from its old address to its instance, so that a deployment made before
     * keeps its functions, log groups, aliases, roles and alarms rather than having them destroyed and made again.
     */
    @Test
    void movedBlocksTakeEveryFunctionsResourcesFromTheirOldAddressesToTheirInstances() {
        Map<String, String> moved = new HashMap<>();
        terraform.unlabelled("moved").forEach(block -> moved.put(String.valueOf(block.get("from")),
                String.valueOf(block.get("to"))));
        Map<String, String> expected = new HashMap<>();
        for (String function : FUNCTIONS.keySet()) {
            for (String type : List.of("aws_cloudwatch_log_group", "aws_lambda_function", "aws_lambda_alias",
                    "aws_iam_role")) {
                expected.put(type + "." + function, instance(type, function));
            }
            for (String metric : List.of("errors", "throttles")) {
                expected.put("aws_cloudwatch_metric_alarm." + function + "_" + metric,
                        "aws_cloudwatch_metric_alarm.function_" + metric + "." + function);
            }
        }
        assertThat(moved).isEqualTo(expected);
        moved.forEach((from, to) -> {
            assertThat(terraform.resource(to)).as(to).isNotEmpty();
            String[] old = from.split("\\.", 2);
            assertThat(terraform.resources(old[0])).as(from + " is no longer declared").doesNotContainKey(old[1]);
        });
    }

    // ---- reading the configuration ----

    /** The address of a function's instance of a resource made for each function, e.g. aws_iam_role.function.tick. */
    private static String instance(String type, String function) {
        return type + ".function." + function;
    }

    private static Map<String, Object> function(String function) {
        return terraform.resource(instance("aws_lambda_function", function));
    }

    /** The settings a function always gets, as its entry in local.functions holds them. */
    private static Map<String, Object> environment(String function) {
        return TerraformConfig.map(entry(function).get("environment"));
    }

    /** The operator's optional settings a function reads, in its environment only when they are set. */
    private static List<String> optionalSettings(String function) {
        Object names = entry(function).get("optional_settings");
        if (names instanceof String local && local.startsWith("local.")) {
            names = terraform.section("locals").get(local.substring("local.".length()));
        }
        return TerraformConfig.strings(names);
    }

    /** A function's entry in local.functions, from which every resource made for each function is made. */
    private static Map<String, Object> entry(String function) {
        return TerraformConfig.map(TerraformConfig.map(terraform.section("locals").get("functions")).get(function));
    }

    /** The statements of the one inline policy of the function's role. */
    private static List<Map<String, Object>> statements(String function) {
        String role = TerraformConfig.address(function(function).get("role"), "aws_iam_role", "arn")
                .orElseThrow(() -> new AssertionError(function + " has no role of its own"));
        return statementsOfRole(role.substring("aws_iam_role.".length()));
    }

    private static List<Map<String, Object>> statementsOfRole(String role) {
        assertThat(terraform.resources("aws_iam_role_policy_attachment")).as("managed policies attached").isEmpty();
        List<Map<String, Object>> policies = terraform.resources("aws_iam_role_policy").values().stream()
                .filter(policy -> ("aws_iam_role." + role + ".id").equals(policy.get("role"))).toList();
        assertThat(policies).as("inline policies of role " + role).hasSize(1);
        String document = TerraformConfig.address(policies.getFirst().get("policy"), "data.aws_iam_policy_document",
                "json").orElseThrow(() -> new AssertionError(role + ": policy must be an aws_iam_policy_document"));
        String name = document.substring("data.aws_iam_policy_document.".length());
        return new ArrayList<>(TerraformConfig.blocks(terraform.data("aws_iam_policy_document").get(name)
                .get("statement")));
    }

    /** The Terraform resource expression that a recorded call acted on, for this function. */
    private static String terraformResource(String function, AwsCall call) {
        if (call.resource().equals("table")) {
            return TABLE + ".arn";
        }
        if (call.resource().startsWith("index/")) {
            return TABLE + ".arn/" + call.resource();
        }
        if (call.resource().equals("queue:" + world.queues.name())) {
            return QUEUE + ".arn";
        }
        if (call.resource().startsWith("parameter:")) {
            String name = call.resource().substring("parameter:".length());
            Setting setting = Arrays.stream(Setting.values()).filter(Setting::namesParameter)
                    .filter(s -> LambdaWorld.parameterName(s).equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no setting names parameter " + name));
            Object reference = environment(function).get(setting.name());
            return TerraformConfig.address(reference, "aws_ssm_parameter", "name")
                    .map(parameter -> parameter + ".arn")
                    .orElseThrow(() -> new AssertionError(function + " reads " + setting + " but its environment "
                            + "does not name a parameter"));
        }
        throw new AssertionError("unknown resource of " + call);
    }

    /** The API routes a handler serves; none for the tick. */
    @SuppressWarnings("unchecked")
    private static Set<String> routes(Class<?> handler) throws ReflectiveOperationException {
        boolean serves = Arrays.stream(handler.getFields()).anyMatch(field -> field.getName().equals("ROUTES"));
        return serves ? (Set<String>) handler.getField("ROUTES").get(null) : Set.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Setting> settings(Class<?> handler) throws ReflectiveOperationException {
        return (List<Setting>) handler.getField("SETTINGS").get(null);
    }

    private static List<Setting> settingsOf(String function) {
        try {
            return settings(FUNCTIONS.get(function));
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(function + " declares no SETTINGS", e);
        }
    }

    private static int number(Object value) {
        if (value instanceof Number number) {
            return number.intValue();
        }
        throw new AssertionError("not a number: " + value);
    }

    private static String resolve(Object value) {
        String text = String.valueOf(value);
        if (text.startsWith("local.")) {
            return String.valueOf(terraform.section("locals").get(text.substring("local.".length())));
        }
        return text;
    }
}
