package org.campus.transfer.moodle.internal;

import org.campus.spi.transfer.TransferException;

/**
 * Turns Moodle's error answers into transfer failures. Moodle answers a failed call with HTTP 200
 * and {@code {"exception": ..., "errorcode": ..., "message": ..., "debuginfo"?: ...}}; the log gets
 * all of it, the admin a sentence on what to do.
 */
final class MoodleErrors {

    private MoodleErrors() {
    }

    static TransferException fromAnswer(String function, String exception, String errorcode, String message,
            String debuginfo) {
        String log = "Moodle " + function + " failed: " + exception + " [" + errorcode + "] " + message
                + (debuginfo == null ? "" : " (" + debuginfo + ")");
        String detail = debuginfo == null || debuginfo.isBlank() ? message : message + ": " + debuginfo;
        String code = errorcode == null ? "" : errorcode;
        return switch (code) {
            case "invalidtoken" -> new LmsUnavailableException(log,
                    "The LMS refused Campus's web-service token; check the token of this provider's configuration ("
                            + MoodleConfig.PID + ").");
            case "accessexception" -> new LmsUnavailableException(log,
                    "The LMS does not let Campus's token call " + function
                            + "; add the function to the token's external service in the LMS.");
            case "nopermissions" -> new TransferException(log,
                    "The LMS web-service user lacks a permission for " + function + ": " + message);
            case "invalidparameter" -> new TransferException(log,
                    "The LMS refused " + function + " as invalid: " + detail);
            case "invalidrecord" -> new TransferException(log,
                    "Something no longer exists in the LMS (a course, user or group): " + message);
            case "wsusercannotassign" -> new TransferException(log,
                    "The LMS does not let Campus's web-service user assign this role: " + message);
            case "wsnoinstance" -> new TransferException(log,
                    "The course has no enabled manual enrolment method in the LMS; enable it so that Campus can"
                            + " enrol and unenrol.");
            default -> new TransferException(log,
                    "The LMS refused " + function + ": " + message + (code.isEmpty() ? "" : " (" + code + ")"));
        };
    }
}
