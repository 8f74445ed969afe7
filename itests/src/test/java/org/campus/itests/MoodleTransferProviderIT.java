package org.campus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Hashtable;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;

import javax.inject.Inject;

import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.FeaturesService;
import org.campus.api.workflow.LmsId;
import org.campus.spi.LogLevel;
import org.campus.spi.ProviderHealth;
import org.campus.spi.transfer.ItemBuilder;
import org.campus.spi.transfer.ListingContext;
import org.campus.spi.transfer.ListingRequest;
import org.campus.spi.transfer.TransferException;
import org.campus.spi.transfer.TransferProvider;
import org.campus.spi.transfer.TransferUser;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Feature campus-transfer-moodle in the real distribution: it installs into a running Campus,
 * registers no provider until configured, one per factory configuration with the identifying
 * properties (and the token kept private) whose health follows its calls to the LMS, and none again
 * once the configuration is deleted.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class MoodleTransferProviderIT {

    private static final String FEATURE = "campus-transfer-moodle";

    @Inject
    private BundleContext context;

    /** Boot features installed: the features service the test reaches is the one that stays. */
    @Inject
    private BootFinished bootFinished;

    @Inject
    private ConfigurationAdmin configurations;

    @Configuration
    public Option[] config() {
        return CampusContainer.options();
    }

    @Test
    public void theFeatureInstallsHotAndRegistersOneProviderPerConfiguration() throws Exception {
        assertFalse("not started by default", onFeatures(features -> features.isInstalled(features.getFeature(FEATURE))));
        onFeatures(features -> {
            features.installFeature(FEATURE, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
            return null;
        });
        org.osgi.service.cm.Configuration configuration = null;
        try {
            Bundle bundle = bundle("campus-transfer-moodle");
            assertEquals(Bundle.ACTIVE, bundle.getState());
            assertTrue("no provider without a configuration", providers().isEmpty());
            File sample = new File(System.getProperty("karaf.etc"), "campus.transfer.moodle-lms.cfg.sample");
            assertTrue("the sample configuration is installed: " + sample, sample.isFile());
            assertTrue(Files.readString(sample.toPath(), StandardCharsets.UTF_8).contains(".token = "));

            int closedPort = CampusContainer.freePort();
            configuration = configurations.createFactoryConfiguration("campus.transfer.moodle", "?");
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put(TransferProvider.PROPERTY_ID, "moodle-it");
            properties.put("baseUrl", "http://127.0.0.1:" + closedPort);
            properties.put(".token", "it-secret-token");
            properties.put("connectTimeoutSeconds", 2);
            properties.put("requestTimeoutSeconds", 2);
            configuration.update(properties);

            await("a provider registered", () -> providers().size() == 1);
            ServiceReference<TransferProvider> reference = providers().iterator().next();
            assertEquals("moodle-it", reference.getProperty(TransferProvider.PROPERTY_ID));
            assertEquals("enrolment", String.valueOf(reference.getProperty(TransferProvider.PROPERTY_ITEM_TYPES)));
            assertEquals(Boolean.TRUE, reference.getProperty(TransferProvider.PROPERTY_UNDO));
            assertEquals(bundle.getBundleId(), reference.getBundle().getBundleId());
            assertNull("the token is private", reference.getProperty(".token"));

            TransferProvider provider = context.getService(reference);
            try {
                assertEquals("not in touch with the LMS yet", ProviderHealth.Status.DEGRADED,
                        provider.health().status());
                try {
                    provider.listItems(new Users(), new DiscardingListingContext());
                    fail("a listing without an LMS");
                } catch (TransferException e) {
                    assertTrue(e.isRetryable());
                    assertEquals("The LMS at 127.0.0.1 could not be reached; try again later.", e.adminMessage());
                }
                assertEquals(ProviderHealth.down("The LMS at 127.0.0.1 could not be reached; try again later."),
                        provider.health());
            } finally {
                context.ungetService(reference);
            }

            configuration.delete();
            configuration = null;
            await("the provider unregistered", () -> providers().isEmpty());
        } finally {
            if (configuration != null) {
                configuration.delete();
            }
            onFeatures(features -> {
                features.uninstallFeature(FEATURE, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
                return null;
            });
        }
    }

    /**
     * Karaf's features bundle replaces its service when the services it tracks change (the mvn: URL
     * handler re-registers when its configuration arrives late on a loaded machine); the replaced
     * instance refuses further work. So each call takes the current service, and a call refused by a
     * replaced instance is made again on its successor.
     */
    private <T> T onFeatures(FeaturesCall<T> call) throws Exception {
        ServiceTracker<FeaturesService, FeaturesService> tracker = new ServiceTracker<>(context, FeaturesService.class, null);
        tracker.open();
        try {
            FeaturesService features = tracker.waitForService(60_000);
            for (int attempt = 1;; attempt++) {
                try {
                    return call.on(features);
                } catch (RejectedExecutionException e) {
                    if (attempt == 3) {
                        throw e;
                    }
                    features = awaitSuccessor(tracker, features);
                }
            }
        } finally {
            tracker.close();
        }
    }

    private static FeaturesService awaitSuccessor(ServiceTracker<FeaturesService, FeaturesService> tracker,
            FeaturesService replaced) throws Exception {
        await("Karaf's features service replaced", () -> {
            FeaturesService current = tracker.getService();
            return current != null && current != replaced;
        });
        return tracker.getService();
    }

    @FunctionalInterface
    private interface FeaturesCall<T> {
        T on(FeaturesService features) throws Exception;
    }

    private Collection<ServiceReference<TransferProvider>> providers() {
        try {
            // the Moodle feature's providers only: Campus's own (share progress, workflow, archive jobs) come with
            // the core
            return context.getServiceReferences(TransferProvider.class, "(&(!(" + TransferProvider.PROPERTY_ID
                    + "=sharing))(!(" + TransferProvider.PROPERTY_ID + "=workflow))(!(" + TransferProvider.PROPERTY_ID
                    + "=archive)))");
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Two Moodle accounts. */
    private static final class Users implements ListingRequest {
        @Override
        public TransferUser source() {
            return new TransferUser(LmsId.of(101), "Ada (old)");
        }

        @Override
        public TransferUser target() {
            return new TransferUser(LmsId.of(202), "Ada");
        }
    }

    /** Listing context of a probe that only needs the call to reach the LMS. */
    private static final class DiscardingListingContext implements ListingContext {
        @Override
        public ItemBuilder item(String id, String type) {
            throw new AssertionError("no item without an LMS");
        }

        @Override
        public void initProgress(long steps) {
        }

        @Override
        public void incrementProgress(long steps) {
        }

        @Override
        public void estimateRemaining(Duration remaining) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public void log(LogLevel level, String message, Object... arguments) {
        }

        @Override
        public void heartbeat() {
        }
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("bundle " + symbolicName + " not installed");
    }

    private static void await(String what, BooleanSupplier condition) throws Exception {
        Await.until(what, Duration.ofSeconds(30), condition::getAsBoolean, done -> done);
    }
}
