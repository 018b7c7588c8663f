package app.sendsongs.lambda;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParametersResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Reads a function's secrets from SSM Parameter Store: {@code GetParameters} with decryption, ten names a call
 * (so one call for any function here). Only SecureString parameters are accepted. Values never appear in
 * messages; parameter names do.
 */
final class ParameterStore {
    private static final int MAX_NAMES_PER_CALL = 10;

    private final SsmClient ssm;

    ParameterStore(SsmClient ssm) {
        this.ssm = ssm;
    }

    /** The secret behind each of {@code settings}, whose values in {@code names} are parameter names. */
    Map<Setting, String> fetch(Settings names, List<Setting> settings) {
        Map<String, List<Setting>> byName = new LinkedHashMap<>();
        settings.forEach(setting -> byName.computeIfAbsent(names.optional(setting).orElseThrow(() ->
                new IllegalStateException(setting.name() + " is not set")), n -> new ArrayList<>()).add(setting));
        Map<String, Parameter> found = new LinkedHashMap<>();
        List<String> all = List.copyOf(byName.keySet());
        for (int from = 0; from < all.size(); from += MAX_NAMES_PER_CALL) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + MAX_NAMES_PER_CALL));
            GetParametersResponse response = ssm.getParameters(request -> request.names(chunk).withDecryption(true));
            response.parameters().forEach(parameter -> found.put(parameter.name(), parameter));
        }
        Map<Setting, String> secrets = new EnumMap<>(Setting.class);
        List<String> problems = new ArrayList<>();
        byName.forEach((name, namedBy) -> {
            Parameter parameter = found.get(name);
            if (parameter == null) {
                problems.add(namedBy + " names " + name + ", which does not exist or cannot be read");
            } else if (parameter.type() != ParameterType.SECURE_STRING) {
                problems.add(namedBy + " names " + name + ", a " + parameter.typeAsString()
                        + " parameter; secrets must be SecureString");
            } else {
                namedBy.forEach(setting -> secrets.put(setting, parameter.value()));
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Secrets could not be read: " + String.join("; ", problems));
        }
        return secrets;
    }
}
