package app.sendsongs.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A wrapper built on it passes every call of the port on, including those the port gains later. */
class ForwardingChatPlatformTest {
    @Test
    void everyMethodOfThePortIsPassedOnNotLeftToItsDefault() {
        List<String> notForwarded = Arrays.stream(ChatPlatform.class.getMethods())
                .filter(method -> !Modifier.isStatic(method.getModifiers()))
                .filter(method -> !declaredByTheForwarder(method))
                .map(Method::getName)
                .toList();

        assertThat(notForwarded).isEmpty();
    }

    private static boolean declaredByTheForwarder(Method method) {
        try {
            ForwardingChatPlatform.class.getDeclaredMethod(method.getName(), method.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
