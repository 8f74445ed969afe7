package org.campus.api.sharing;

import java.time.Instant;

/** One entry of a share's status timeline: the status it entered, when, and what came with it. */
public record ShareStatusChange(ShareStatus status, Instant time, String resourceUrl, String message) {
}
