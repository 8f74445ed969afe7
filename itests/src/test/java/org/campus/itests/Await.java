package org.campus.itests;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The itests' one way to wait for something the container does asynchronously (a job that ends, a
 * configuration taken up): asks {@code probe} until its answer satisfies {@code done}, pausing
 * between questions, and fails naming what it waited for and the last answer when time runs out.
 */
final class Await {

    private static final long PAUSE_MILLIS = 100;

    private Await() {
    }

    static <T> T until(String what, Duration timeout, Callable<T> probe, Predicate<T> done) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = probe.call();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen in " + timeout + "; last: " + last);
            }
            TimeUnit.MILLISECONDS.sleep(PAUSE_MILLIS);
            last = probe.call();
        }
        return last;
    }
}
