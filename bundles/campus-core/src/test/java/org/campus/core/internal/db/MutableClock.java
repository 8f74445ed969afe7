package org.campus.core.internal.db;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** A clock the test moves. */
public final class MutableClock extends Clock {
    public volatile Instant now;

    public MutableClock(Instant now) {
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
