package org.campus.spi.archiver;

import java.io.IOException;

import org.campus.api.InvalidInputException;
import org.campus.spi.Provider;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Archives activities of the types it names. Register it as an OSGi service with the service
 * properties {@link #PROPERTY_ID}, {@link #PROPERTY_ACTIVITY_TYPES} and {@link #PROPERTY_INPUTS}:
 *
 * <pre>
 * &#64;Component(service = ActivityArchiver.class, property = {
 *         ActivityArchiver.PROPERTY_ID + "=quiz-pdf",
 *         ActivityArchiver.PROPERTY_ACTIVITY_TYPES + "=quiz",
 *         ActivityArchiver.PROPERTY_INPUTS + "=uploads" })
 * </pre>
 *
 * The core reads the properties when the service appears, without calling it. A job may only ask
 * for activity types some archiver names; an archiver that goes away while a job needs it fails
 * the job (or its step) with the archiver's id in the reason. When two archivers name the same
 * type, the one with the higher {@code service.ranking} (then the lower {@code service.id}) is used.
 *
 * <p>The archive records each archiver's id and bundle version in its manifest.
 */
@ConsumerType
public interface ActivityArchiver extends Provider {

    /** The provider kind, as the providers overview names it. */
    String KIND = "archiver";

    /**
     * Service property (String, required): the archiver's id, unique among archivers; lower-case
     * letters, digits, dashes and dots, at most 64 characters.
     */
    String PROPERTY_ID = "archiver.id";

    /**
     * Service property (String or String[], required): the activity types it archives, as the LMS
     * names them in a job request ({@code workflow}, {@code roles}, {@code quiz}, ...); the same
     * character rules as the id.
     */
    String PROPERTY_ACTIVITY_TYPES = "archiver.activity.types";

    /**
     * Service property (String or String[], optional): the {@link ActivityInput#value() inputs} it
     * needs, {@code campus}, {@code inline} and/or {@code uploads}; {@code campus} when absent. The
     * core refuses a job that lacks inline data for an archiver needing {@code inline}, and lets the
     * LMS upload files into a job only for activities whose archiver needs {@code uploads}.
     */
    String PROPERTY_INPUTS = "archiver.inputs";

    /**
     * Checks an activity of a job request before the job is created, so that the LMS hears about
     * bad inline data at once (HTTP 400) instead of from a failed job. Called on the request thread:
     * it reads only the request, never a remote system. The default accepts everything.
     *
     * @throws InvalidInputException naming each problem with a field path relative to the
     *         activity's {@code data} (e.g. {@code roles[2].shortName}); the core prefixes it with
     *         the activity's place in the request
     */
    default void validate(ActivityRequest request) throws InvalidInputException {
    }

    /**
     * Archives one activity: writes its entries through {@link ArchiveContext#entries()} and
     * returns a result made by {@link ArchiveContext#result()}.
     *
     * <p>The call may be repeated: after a crash, a retry or a stop of the node the core calls it
     * again for the same activity, with the last {@linkplain ArchiveContext#checkpoint() checkpoint}
     * the archiver returned, and the entries written by the interrupted call are discarded. So an
     * archive is idempotent from its checkpoint on.
     *
     * @throws IOException when the activity cannot be archived now; the core treats any exception
     *         as a failure that its retry policy may repeat
     */
    ArchiveResult archive(ArchiveContext context) throws IOException;
}
