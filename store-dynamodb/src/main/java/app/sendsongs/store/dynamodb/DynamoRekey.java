package app.sendsongs.store.dynamodb;

import app.sendsongs.core.user.TokenCipher;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A new token key for a table: every token sealed with the key being replaced (Spotify tokens, Last.fm session keys,
 * ListenBrainz tokens, of people and of registration codes not yet used) is sealed again with the new key, item by
 * item. It runs while servers and functions use the table, so each is meant to seal with the new key and open both
 * already: each token is replaced only if it is still the value read, and one they wrote meanwhile (sealed with the
 * new key) is left as it is. A token neither key opens is left too: its person is asked to connect again, as they
 * would be anyway. Running it again changes nothing.
 */
public final class DynamoRekey {
    private static final List<String> SEALED = List.of(GrantAttributes.ACCESS_TOKEN, GrantAttributes.REFRESH_TOKEN,
            GrantAttributes.SOURCE_SECRET);

    /** How many tokens were sealed again, and how many neither key opens. */
    public record Outcome(int resealed, int unreadable) {
    }

    private DynamoRekey() {
    }

    /** Seals every token of the table that {@code previous} opens with {@code next} instead. */
    public static Outcome reseal(DynamoDbClient client, String tableName, TokenCipher previous, TokenCipher next) {
        Objects.requireNonNull(client, "client");
        DynamoTable table = new DynamoTable(client, tableName);
        int[] counts = new int[2];
        List<String> attributes = List.of(TableLayout.PK, TableLayout.SK, GrantAttributes.ACCESS_TOKEN,
                GrantAttributes.REFRESH_TOKEN, GrantAttributes.SOURCE_SECRET);
        table.scan(attributes, true, item -> {
            for (String attribute : SEALED) {
                AttributeValue stored = item.get(attribute);
                if (stored == null || stored.s() == null) {
                    continue;
                }
                switch (reseal(table, item, attribute, stored.s(), previous, next)) {
                    case RESEALED -> counts[0]++;
                    case UNREADABLE -> counts[1]++;
                    case LEFT -> { }
                }
            }
        });
        return new Outcome(counts[0], counts[1]);
    }

    private enum Result { RESEALED, UNREADABLE, LEFT }

    private static Result reseal(DynamoTable table, Map<String, AttributeValue> item, String attribute, String stored,
                                 TokenCipher previous, TokenCipher next) {
        String token;
        try {
            token = previous.open(stored);
        } catch (IllegalStateException notThatKey) {
            return next.opens(stored) ? Result.LEFT : Result.UNREADABLE;
        }
        Map<String, AttributeValue> key = Map.of(TableLayout.PK, item.get(TableLayout.PK), TableLayout.SK,
                item.get(TableLayout.SK));
        boolean replaced = table.updateIf(key, new Update().set(attribute, Attr.s(next.seal(token))),
                Condition.equalTo(attribute, Attr.s(stored))).isPresent();
        return replaced ? Result.RESEALED : Result.LEFT;
    }
}
