package org.campus.core.internal.security;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** A clock the test moves. */
final class MutableClock extends Clock {
    volatile Instant now;

    MutableClock(Instant now) {
        this.now = now;
    }

    @Override
    public ZoneOffset getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
