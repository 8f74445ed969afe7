package org.campus.itests.slow;

import java.util.Hashtable;

import org.campus.api.privacy.PrivacyProvider;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * The activator of a tiny test bundle (JobRestartIT packs it into the distribution's deploy/):
 * three slow privacy providers, so that an erasure job takes long enough to be killed in the middle.
 */
public class SlowProvidersActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        for (String name : new String[] {"slow-a", "slow-b", "slow-c"}) {
            context.registerService(PrivacyProvider.class, new SlowProvider(name), new Hashtable<>());
        }
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the services
    }
}
