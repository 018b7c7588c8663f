package app.sendsongs.lambda;

import app.sendsongs.testsupport.ModuleArchitectureSuite;
import java.util.List;

/**
 * The rules between modules on what the Lambda runtime is built from: its handlers use no other runtime (no server,
 * no sandbox), and the core and adapters it packs (web, Messenger, Spotify, the DynamoDB store) use no runtime and
 * no other adapter but web's use of Messenger. The server's test checks the same rules on the other modules.
 */
class ModuleArchitectureTest extends ModuleArchitectureSuite {
    @Override
    protected List<String> modulesSeen() {
        return List.of("core", "messenger", "telegram", "spotify", "store.dynamodb", "web", "lambda");
    }
}
