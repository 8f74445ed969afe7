package org.campus.rest.internal.http;

/**
 * A group of routes under the API base path, registered as a service so that the API servlet
 * picks it up, and drops it, as the services behind it come and go.
 */
public interface ApiResource {

    void register(Routes routes);
}
