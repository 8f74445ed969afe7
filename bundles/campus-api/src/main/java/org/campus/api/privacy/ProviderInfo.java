package org.campus.api.privacy;

/**
 * A privacy provider as the privacy service lists it.
 *
 * @param registered whether it is registered now; one that was seen once and is not registered
 *        now is still expected by every erasure, which then cannot complete, until it comes back or
 *        an admin forgets it ({@link PrivacyService#forgetProvider(String)})
 */
public record ProviderInfo(String name, String description, boolean registered) {
}
