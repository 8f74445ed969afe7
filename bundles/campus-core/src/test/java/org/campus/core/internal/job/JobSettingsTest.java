package org.campus.core.internal.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.campus.api.InvalidInputException;
import org.junit.jupiter.api.Test;

class JobSettingsTest {

    private static JobSettings settings(int missed, Duration backoff, Duration maxBackoff) {
        return new JobSettings(4, Duration.ofSeconds(15), missed, JobSettings.DeadJobAction.RETRY, 3, backoff,
                maxBackoff, Duration.ofSeconds(5), "n1", Duration.ofMinutes(5), Duration.ofSeconds(10));
    }

    @Test
    void aJobIsDeadAfterTheMissedHeartbeatsAndReportsAtMostOnceASecond() {
        JobSettings s = settings(4, Duration.ofSeconds(30), Duration.ofHours(1));

        assertEquals(Duration.ofMinutes(1), s.deadAfter());
        assertEquals(Duration.ofSeconds(1), s.reportInterval());
        assertEquals("60 s", JobEngine.seconds(s.deadAfter()));
        assertEquals("0.4 s", JobEngine.seconds(Duration.ofMillis(400)));
    }

    @Test
    void theBackoffDoublesUpToItsMost() {
        JobSettings s = settings(4, Duration.ofSeconds(30), Duration.ofMinutes(2));

        assertEquals(Duration.ofSeconds(30), s.backoffAfter(1));
        assertEquals(Duration.ofSeconds(60), s.backoffAfter(2));
        assertEquals(Duration.ofSeconds(120), s.backoffAfter(3));
        assertEquals(Duration.ofSeconds(120), s.backoffAfter(30));
    }

    @Test
    void settingsDbSchedulerWouldRefuseAreRefusedFirst() {
        assertThrows(IllegalArgumentException.class, () -> settings(3, Duration.ZERO, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> settings(4, Duration.ofSeconds(10), Duration.ofSeconds(5)));
        assertThrows(IllegalArgumentException.class, () -> new JobSettings(0, Duration.ofSeconds(15), 4,
                JobSettings.DeadJobAction.FAIL, 3, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(5), "n1",
                Duration.ZERO, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new JobSettings(4, Duration.ofSeconds(15), 4,
                JobSettings.DeadJobAction.FAIL, 3, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(5), "a\nb",
                Duration.ZERO, Duration.ZERO));
    }

    @Test
    void cursorsRoundTripAndForeignOnesAreRefused() {
        TimeIdCursor c = new TimeIdCursor(1_700_000_000_000L, 51);

        assertEquals(c, TimeIdCursor.decode(c.encode()));
        assertEquals(null, TimeIdCursor.decode(null));
        assertThrows(InvalidInputException.class, () -> TimeIdCursor.decode("aWQ6MQ"));
        assertThrows(InvalidInputException.class, () -> TimeIdCursor.decode("not base64!"));
    }
}
