package app.sendsongs.core.fakes;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * A wait that ends once {@code parties} callers wait at once, as a send waits for its chat's slot: true then, false
 * after 5 s alone. Work done one after the other instead of at once makes the first caller give up.
 */
public final class Rendezvous implements BooleanSupplier {
    private final CyclicBarrier barrier;

    public Rendezvous(int parties) {
        this.barrier = new CyclicBarrier(parties);
    }

    @Override
    public boolean getAsBoolean() {
        try {
            barrier.await(5, TimeUnit.SECONDS);
            return true;
        } catch (BrokenBarrierException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
