package app.sendsongs.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.Stores;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.user.FormerName;
import app.sendsongs.core.user.TokenCipher;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import app.sendsongs.store.contract.Samples;
import app.sendsongs.testsupport.DynaliteExtension;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The former names a person item got from a version before their times were kept ({@code formerNames} alone): read
 * as held from the person's registration until their last message, and saved with those times the next time the
 * person is saved.
 */
class FormerNamesFromBeforeTest {
    @RegisterExtension
    static final DynaliteExtension DYNAMO = new DynaliteExtension(DynamoStores::createTable);

    private static final Instant T0 = Samples.T0;
    private static final Instant LAST_MESSAGE = T0.plus(Duration.ofDays(3));
    private static final ChatAddress BOB = ChatAddress.messenger("bob");

    @Test
    void namesWithoutTimesAreHeldFromRegistrationUntilTheLastMessageAndKeptSoOnceSaved() {
        String table = DYNAMO.freshTable();
        Stores stores = DynamoStores.create(DYNAMO.client(), table, TokenCipher.random());
        UserStore users = stores.users();
        users.saveUser(Samples.user(BOB, "Bob Fisher", T0).withLastMessageAt(LAST_MESSAGE)
                .renamed("Robert Fisher", T0.plusSeconds(60), true));
        DYNAMO.client().updateItem(UpdateItemRequest.builder().tableName(table)
                .key(TableLayout.key("USER#bob", "USER")).updateExpression("REMOVE formerNameTimes, namedAt").build());

        User bob = users.findUser(BOB).orElseThrow();

        assertThat(bob.formerNames()).containsExactly(new FormerName("Bob Fisher", T0, LAST_MESSAGE));
        assertThat(bob.namedAt()).isEqualTo(T0);
        assertThat(users.findUsersOnceNamed("bob fisher")).containsExactly(bob);

        users.saveUser(bob);
        users.saveLastMessageAt(BOB, LAST_MESSAGE.plus(Duration.ofDays(1)));

        assertThat(users.findUser(BOB).orElseThrow().formerNames()).as("fixed once saved")
                .containsExactly(new FormerName("Bob Fisher", T0, LAST_MESSAGE));
    }
}
