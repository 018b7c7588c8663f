package app.sendsongs.store.contract;

import static app.sendsongs.store.contract.Samples.T0;
import static app.sendsongs.store.contract.Samples.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.chat.InboundLog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link InboundLog}: a message id is "first" exactly once, however many deliveries race. */
public abstract class InboundLogContract extends StoreFixture {
    private static final int RACERS = 16;

    @Test
    void firstDeliveryIsTrueOnceThenFalse() {
        assertThat(inbound.firstDelivery("mid.1", T0)).isTrue();
        assertThat(inbound.firstDelivery("mid.1", T0)).isFalse();
        assertThat(inbound.firstDelivery("mid.1", minutes(60))).isFalse();
    }

    @Test
    void messageIdsAreIndependent() {
        assertThat(inbound.firstDelivery("mid.1", T0)).isTrue();
        assertThat(inbound.firstDelivery("mid.2", T0)).isTrue();
        assertThat(inbound.firstDelivery("MID.1", T0)).isTrue();
        assertThat(inbound.firstDelivery("mid.2", T0)).isFalse();
    }

    @Test
    void concurrentDeliveriesOfOneIdHaveExactlyOneFirst() {
        List<Boolean> first = Race.run(RACERS, i -> inbound.firstDelivery("mid.raced", T0));

        assertThat(first).containsOnlyOnce(true).hasSize(RACERS);
    }

    @Test
    void concurrentDeliveriesOfManyIdsHaveExactlyOneFirstEach() {
        int ids = 25;
        List<List<String>> firstsPerThread = Race.run(8, thread -> {
            List<String> order = new ArrayList<>();
            for (int i = 0; i < ids; i++) {
                order.add("mid." + i);
            }
            Collections.shuffle(order, new Random(thread));
            List<String> firsts = new ArrayList<>();
            for (String mid : order) {
                if (inbound.firstDelivery(mid, T0)) {
                    firsts.add(mid);
                }
            }
            return firsts;
        });

        List<String> all = firstsPerThread.stream().flatMap(List::stream).toList();
        assertThat(all).hasSize(ids).doesNotHaveDuplicates();
    }
}
