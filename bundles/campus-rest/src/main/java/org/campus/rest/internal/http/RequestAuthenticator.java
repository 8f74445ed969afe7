package org.campus.rest.internal.http;

import java.util.Enumeration;
import java.util.Optional;

import javax.servlet.http.HttpServletRequest;

import org.campus.api.security.Admin;
import org.campus.api.security.AdminRealm;
import org.campus.api.security.ApiClient;
import org.campus.api.security.ApiKeyService;

/** Turns the request's {@code Authorization} header into a {@link Caller}, or throws 401. */
public final class RequestAuthenticator {

    private final ApiKeyService keys;
    private final AdminRealm realm;

    public RequestAuthenticator(ApiKeyService keys, AdminRealm realm) {
        this.keys = keys;
        this.realm = realm;
    }

    public Caller authenticate(HttpServletRequest request) {
        Enumeration<String> headers = request.getHeaders("Authorization");
        String header = null;
        if (headers != null && headers.hasMoreElements()) {
            header = headers.nextElement();
            if (headers.hasMoreElements()) {
                throw new UnauthorizedException(); // two credentials: ambiguous
            }
        }
        Credentials credentials = Credentials.parse(header);
        if (credentials instanceof Credentials.Bearer bearer) {
            Optional<ApiClient> client = keys.authenticate(bearer.key());
            if (client.isPresent()) {
                ApiClient c = client.get();
                return Caller.lms(c.name(), c.scopes(), c.keyId());
            }
        } else if (credentials instanceof Credentials.Basic basic) {
            if (basic.user().length() <= 255 && basic.password().length() <= 1024) {
                Optional<Admin> admin = realm.authenticate(basic.user(), basic.password());
                if (admin.isPresent()) {
                    return Caller.admin(admin.get().name(), admin.get().roles());
                }
            }
        }
        throw new UnauthorizedException();
    }
}
