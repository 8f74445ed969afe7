package org.campus.transfer.moodle.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.campus.spi.transfer.TransferException;

import com.fasterxml.jackson.databind.JsonNode;

/** The Moodle web-service functions this provider uses, with their documented parameters and answers. */
final class MoodleApi {

    static final String SITE_INFO = "core_webservice_get_site_info";
    static final String USERS_COURSES = "core_enrol_get_users_courses";
    static final String COURSE_USER_PROFILES = "core_user_get_course_user_profiles";
    static final String ENROL = "enrol_manual_enrol_users";
    static final String UNENROL = "enrol_manual_unenrol_users";
    static final String ASSIGN_ROLES = "core_role_assign_roles";
    static final String UNASSIGN_ROLES = "core_role_unassign_roles";
    static final String ADD_GROUP_MEMBERS = "core_group_add_group_members";
    static final String DELETE_GROUP_MEMBERS = "core_group_delete_group_members";

    /** Every function the token's external service must offer. */
    static final Set<String> REQUIRED_FUNCTIONS = Set.of(SITE_INFO, USERS_COURSES, COURSE_USER_PROFILES, ENROL,
            UNENROL, ASSIGN_ROLES, UNASSIGN_ROLES, ADD_GROUP_MEMBERS, DELETE_GROUP_MEMBERS);

    private final MoodleClient client;

    MoodleApi(MoodleClient client) {
        this.client = client;
    }

    /** A course a user is actively enrolled in. */
    record Course(long id, String shortname, String fullname) {
    }

    /**
     * One user as seen in one course: the courses they are actively enrolled in, and their roles and
     * groups in this course (by id, with the names the LMS shows).
     */
    record Profile(long userId, Set<Long> enrolledCourses, Map<Long, String> roles, Map<Long, String> groups) {
    }

    /** The site's name and the functions the token may call. */
    record SiteInfo(String siteName, String release, Set<String> functions) {
    }

    /**
     * Checks, before any work, that the token's external service offers every function this
     * provider calls, so that a transfer never stops half way on a function it may not call.
     */
    void requireFunctions() throws TransferException {
        SiteInfo site = siteInfo();
        Set<String> missing = new TreeSet<>(REQUIRED_FUNCTIONS);
        missing.removeAll(site.functions());
        if (!missing.isEmpty()) {
            String admin = "The token's external service in the LMS lacks " + String.join(", ", missing)
                    + "; add them to the service.";
            client.down(admin);
            throw new LmsUnavailableException("Moodle site '" + site.siteName() + "' (" + site.release()
                    + ") lacks web-service functions " + missing, admin);
        }
    }

    SiteInfo siteInfo() throws TransferException {
        JsonNode answer = client.call(SITE_INFO, new FormParams());
        Set<String> functions = new TreeSet<>();
        answer.path("functions").forEach(f -> functions.add(f.path("name").asText()));
        return new SiteInfo(answer.path("sitename").asText(""), answer.path("release").asText(""), functions);
    }

    /** core_enrol_get_users_courses: the courses the user is actively enrolled in (suspended ones are not listed). */
    List<Course> usersCourses(long userId) throws TransferException {
        JsonNode answer = client.call(USERS_COURSES,
                new FormParams().add("userid", userId).add("returnusercount", 0));
        List<Course> courses = new ArrayList<>();
        for (JsonNode course : array(answer, USERS_COURSES)) {
            courses.add(new Course(course.path("id").asLong(), course.path("shortname").asText(""),
                    course.path("fullname").asText("")));
        }
        return courses;
    }

    /**
     * core_user_get_course_user_profiles for the given users in one course (Moodle keeps one course
     * per user id in a call, hence one call per course). A user the LMS does not show in the course
     * (not enrolled, no role there) is absent from the answer.
     */
    Map<Long, Profile> courseProfiles(long courseId, long... userIds) throws TransferException {
        FormParams params = new FormParams();
        for (int i = 0; i < userIds.length; i++) {
            params.add("userlist", i, "userid", userIds[i]).add("userlist", i, "courseid", courseId);
        }
        Map<Long, Profile> profiles = new LinkedHashMap<>();
        for (JsonNode user : array(client.call(COURSE_USER_PROFILES, params), COURSE_USER_PROFILES)) {
            Set<Long> enrolled = new TreeSet<>();
            user.path("enrolledcourses").forEach(c -> enrolled.add(c.path("id").asLong()));
            Map<Long, String> roles = new TreeMap<>();
            user.path("roles").forEach(r -> roles.put(r.path("roleid").asLong(),
                    r.path("name").asText("").isBlank() ? r.path("shortname").asText("") : r.path("name").asText()));
            Map<Long, String> groups = new TreeMap<>();
            user.path("groups").forEach(g -> groups.put(g.path("id").asLong(), g.path("name").asText("")));
            long id = user.path("id").asLong();
            profiles.put(id, new Profile(id, enrolled, roles, groups));
        }
        return profiles;
    }

    /** enrol_manual_enrol_users: enrols the user through the course's manual enrolment method, with a role. */
    void enrol(long userId, long courseId, long roleId) throws TransferException {
        client.call(ENROL, new FormParams().add("enrolments", 0, "roleid", roleId)
                .add("enrolments", 0, "userid", userId).add("enrolments", 0, "courseid", courseId));
    }

    /**
     * enrol_manual_unenrol_users: removes the user's manual enrolment (Moodle then also drops their
     * roles and groups in the course if no other enrolment is left).
     */
    void unenrol(long userId, long courseId) throws TransferException {
        client.call(UNENROL, new FormParams().add("enrolments", 0, "userid", userId)
                .add("enrolments", 0, "courseid", courseId));
    }

    /** core_role_assign_roles in the course's context. */
    void assignRoles(long userId, long courseId, Collection<Long> roleIds) throws TransferException {
        if (!roleIds.isEmpty()) {
            client.call(ASSIGN_ROLES, roleParams("assignments", userId, courseId, roleIds));
        }
    }

    /** core_role_unassign_roles in the course's context. */
    void unassignRoles(long userId, long courseId, Collection<Long> roleIds) throws TransferException {
        if (!roleIds.isEmpty()) {
            client.call(UNASSIGN_ROLES, roleParams("unassignments", userId, courseId, roleIds));
        }
    }

    void addGroupMembers(long userId, Collection<Long> groupIds) throws TransferException {
        if (!groupIds.isEmpty()) {
            client.call(ADD_GROUP_MEMBERS, memberParams(userId, groupIds));
        }
    }

    void deleteGroupMembers(long userId, Collection<Long> groupIds) throws TransferException {
        if (!groupIds.isEmpty()) {
            client.call(DELETE_GROUP_MEMBERS, memberParams(userId, groupIds));
        }
    }

    private static FormParams roleParams(String array, long userId, long courseId, Collection<Long> roleIds) {
        FormParams params = new FormParams();
        int i = 0;
        for (long roleId : roleIds) {
            params.add(array, i, "roleid", roleId).add(array, i, "userid", userId)
                    .add(array, i, "contextlevel", "course").add(array, i, "instanceid", courseId);
            i++;
        }
        return params;
    }

    private static FormParams memberParams(long userId, Collection<Long> groupIds) {
        FormParams params = new FormParams();
        int i = 0;
        for (long groupId : groupIds) {
            params.add("members", i, "groupid", groupId).add("members", i, "userid", userId);
            i++;
        }
        return params;
    }

    private static Iterable<JsonNode> array(JsonNode answer, String function) throws TransferException {
        if (!answer.isArray()) {
            throw new TransferException("Moodle " + function + " answered " + answer.getNodeType() + ", not an array",
                    "The LMS answered " + function + " in an unexpected form; is it a Moodle site?");
        }
        return answer;
    }
}
