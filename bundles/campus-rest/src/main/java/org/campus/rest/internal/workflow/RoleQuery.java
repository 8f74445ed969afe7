package org.campus.rest.internal.workflow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.campus.api.InvalidInputException;
import org.campus.api.workflow.LmsId;
import org.campus.rest.internal.http.ApiRequest;

/** The {@code roles} query parameter: comma-separated ({@code roles=teacher,manager}), repeatable. */
final class RoleQuery {

    static final String NAME = "roles";
    static final int MAX_ROLES = 100;
    /** All values together; longer request lines would reach Jetty's limit (8 KiB) before this check. */
    static final int MAX_LENGTH = 4000;

    private RoleQuery() {
    }

    /** The roles in the order given, each once; none when the parameter is absent. */
    static List<String> roles(ApiRequest request) {
        String[] values = request.http().getParameterValues(NAME);
        Set<String> roles = new LinkedHashSet<>();
        if (values != null) {
            checkLength(values);
            for (String value : values) {
                for (String role : value.split(",", -1)) {
                    String r = role.trim();
                    if (r.isEmpty()) {
                        continue;
                    }
                    if (r.length() > LmsId.MAX_LENGTH) {
                        throw new InvalidInputException(NAME, "a role name is longer than " + LmsId.MAX_LENGTH
                                + " characters");
                    }
                    roles.add(r);
                }
            }
        }
        if (roles.size() > MAX_ROLES) {
            throw new InvalidInputException(NAME, "names more than " + MAX_ROLES + " roles");
        }
        return new ArrayList<>(roles);
    }

    static void checkLength(String... values) {
        int length = 0;
        for (String v : values) {
            length += v.length();
        }
        if (length > MAX_LENGTH) {
            throw new InvalidInputException(NAME, "is longer than " + MAX_LENGTH + " characters");
        }
    }
}
