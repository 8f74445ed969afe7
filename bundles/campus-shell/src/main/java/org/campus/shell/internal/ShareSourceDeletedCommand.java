package org.campus.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.campus.api.sharing.ShareProgressService;
import org.campus.api.sharing.SourceDeleted;

@Service
@Command(scope = "campus", name = "share-source-deleted",
        description = "Notes that the LMS deleted a course (every share from it) or one activity of it.")
public class ShareSourceDeletedCommand extends CampusAction {

    @Reference
    ShareProgressService shares;

    @Option(name = "--course", aliases = "-c", description = "The deleted course, or the course of the deleted activity (LMS id)", required = true)
    String courseId;

    @Option(name = "--cm", description = "The deleted activity (course module, LMS id); without it the whole course")
    String cmId;

    @Override
    protected void run(PrintStream out) {
        int touched = shares.markSourceDeleted(new SourceDeleted(ConsoleIds.lmsId(courseId), ConsoleIds.lmsId(cmId)));
        out.println(summary(touched));
    }

    String summary(int touched) {
        String what = cmId == null ? "course " + courseId : "activity " + cmId + " of course " + courseId;
        return "Marked " + touched + (touched == 1 ? " share" : " shares") + " of " + what + " as source deleted.";
    }
}
