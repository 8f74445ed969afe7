package org.campus.transfer.moodle.internal;

import org.campus.spi.ProviderHealth;
import org.campus.spi.transfer.ExecutionContext;
import org.campus.spi.transfer.ExecutionRequest;
import org.campus.spi.transfer.ListingContext;
import org.campus.spi.transfer.ListingRequest;
import org.campus.spi.transfer.TransferException;
import org.campus.spi.transfer.TransferProvider;
import org.campus.spi.transfer.UndoContext;
import org.campus.spi.transfer.UndoRequest;
import org.campus.spi.transfer.VerificationContext;
import org.campus.spi.transfer.VerificationRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transfer provider for data a Moodle LMS holds: course enrolments with the roles and group
 * memberships that come with them, moved through Moodle's REST web services. One provider per
 * factory configuration {@value MoodleConfig#PID}; none without.
 *
 * <p>It stores nothing itself: the LMS holds the data, and the undo records (which name users,
 * courses, roles and groups) are kept by the core with the transfer, under the core's privacy
 * provider. So it registers no {@link org.campus.api.privacy.PrivacyProvider} of its own.
 */
@Component(service = TransferProvider.class, configurationPid = MoodleConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = {
            // the configuration's transfer.id replaces this default
            TransferProvider.PROPERTY_ID + "=moodle",
            TransferProvider.PROPERTY_ITEM_TYPES + "=" + EnrolmentObjects.ITEM_TYPE,
            TransferProvider.PROPERTY_UNDO + ":Boolean=true"
        })
@Designate(ocd = MoodleConfig.class, factory = true)
public class MoodleTransferProvider implements TransferProvider {

    private static final Logger LOG = LoggerFactory.getLogger(MoodleTransferProvider.class);

    private final MoodleClient client;
    private final EnrolmentListing listing;
    private final EnrolmentTransfer transfer;
    private final EnrolmentUndo undo;
    private final EnrolmentVerification verification;

    @Activate
    public MoodleTransferProvider(MoodleConfig config) {
        this(MoodleSettings.of(config));
    }

    MoodleTransferProvider(MoodleSettings settings) {
        this.client = new MoodleClient(settings);
        MoodleApi api = new MoodleApi(client);
        CourseReader reader = new CourseReader(api);
        MembershipChanger changer = new MembershipChanger(api, settings.enrolRoleId());
        this.listing = new EnrolmentListing(api, reader);
        this.transfer = new EnrolmentTransfer(api, reader, changer);
        this.undo = new EnrolmentUndo(reader, changer);
        this.verification = new EnrolmentVerification(reader);
        LOG.info("Moodle transfer provider {} for {}", settings.providerId(), settings.baseUrl());
    }

    @Override
    public void listItems(ListingRequest request, ListingContext context) throws TransferException {
        listing.list(request, context);
    }

    @Override
    public void transfer(ExecutionRequest request, ExecutionContext context) throws TransferException {
        transfer.transfer(request, context);
    }

    @Override
    public void undo(UndoRequest request, UndoContext context) throws TransferException {
        undo.undo(request, context);
    }

    @Override
    public void verify(VerificationRequest request, VerificationContext context) throws TransferException {
        verification.verify(request, context);
    }

    /** The outcome of the last call to the LMS (degraded until the LMS was first asked). */
    @Override
    public ProviderHealth health() {
        return client.health();
    }
}
