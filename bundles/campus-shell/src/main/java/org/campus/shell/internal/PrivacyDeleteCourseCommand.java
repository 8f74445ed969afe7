package org.campus.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.campus.api.privacy.ErasureReport;

@Service
@Command(scope = "campus", name = "privacy-delete-course",
        description = "Purges everything every privacy provider holds for a course, as a job it follows. Asks for"
                + " confirmation unless --force.")
public class PrivacyDeleteCourseCommand extends PrivacyEraseAction {

    @Argument(index = 0, name = "courseId", description = "The LMS course id", required = true)
    String courseId;

    @Override
    protected String question() {
        return "Delete all data of course " + courseId + " in every provider? This cannot be undone.";
    }

    @Override
    protected ErasureReport erase() {
        return privacy.deleteCourse(courseId, ConsoleAudit.user());
    }
}
