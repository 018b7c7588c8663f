package app.sendsongs.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.chat.ChatPlatform;
import app.sendsongs.core.music.ListeningSource;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

/**
 * A wrapper must pass on every method of the port it wraps, default methods included: a default left to the
 * interface would answer the port's fallback instead of the adapter's (a person's name, say).
 */
class MeteredWrappersDelegateTest {
    @Test
    void theWrappersOverrideEveryMethodOfTheirPorts() {
        assertOverridesAll(MeteredChatPlatform.class, ChatPlatform.class);
        assertOverridesAll(MeteredListeningSource.class, ListeningSource.class);
    }

    private static void assertOverridesAll(Class<?> wrapper, Class<?> port) {
        for (Method method : port.getMethods()) {
            if (Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            assertThat(declaredByAClass(wrapper, method))
                    .as("%s overrides %s", wrapper.getSimpleName(), method.getName()).isTrue();
        }
    }

    /** Whether the wrapper or a class it extends (not the port) has the method: a default left to the port does not. */
    private static boolean declaredByAClass(Class<?> wrapper, Method method) {
        try {
            return !wrapper.getMethod(method.getName(), method.getParameterTypes()).getDeclaringClass().isInterface();
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
