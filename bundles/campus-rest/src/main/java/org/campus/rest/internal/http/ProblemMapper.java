package org.campus.rest.internal.http;

import java.util.List;

import org.campus.api.ConflictException;
import org.campus.api.ForbiddenException;
import org.campus.api.InvalidInputException;
import org.campus.api.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/** The one mapping of exceptions to problem details for the whole API. Never leaks a stack trace. */
public final class ProblemMapper {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    public Problem toProblem(Throwable e) {
        if (e instanceof InvalidInputException iie) {
            return new Problem(400, "Bad Request", "The input is not valid: " + iie.getMessage(), iie.errors());
        }
        if (e instanceof NotFoundException) {
            return new Problem(404, "Not Found", e.getMessage(), List.of());
        }
        if (e instanceof ConflictException) {
            return new Problem(409, "Conflict", e.getMessage(), List.of());
        }
        if (e instanceof UnauthorizedException || e instanceof org.campus.api.archive.CallbackTokenException) {
            return new Problem(401, "Unauthorized", e.getMessage(), List.of());
        }
        if (e instanceof ForbiddenException) {
            return new Problem(403, "Forbidden", e.getMessage(), List.of());
        }
        if (e instanceof org.campus.api.archive.UploadTooLargeException) {
            return new Problem(413, "Payload Too Large", e.getMessage(), List.of());
        }
        if (e instanceof PayloadTooLargeException) {
            return new Problem(413, "Payload Too Large", e.getMessage(), List.of());
        }
        if (e instanceof UnsupportedMediaTypeException) {
            return new Problem(415, "Unsupported Media Type", e.getMessage(), List.of());
        }
        LOG.error("Unexpected failure while answering an API request", e);
        return new Problem(500, "Internal Server Error",
                "The server failed to answer; the failure is logged.", List.of());
    }

}
