package org.campus.testkit.transfer;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;

import org.campus.spi.transfer.ExecutionContext;
import org.campus.spi.transfer.ExecutionRequest;
import org.campus.spi.transfer.TransferProvider;
import org.campus.spi.transfer.TransferUser;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** The contract fails providers that break it: run on purpose-built broken providers, the right tests fail. */
class ContractCatchesBrokenProvidersTest {

    @Test
    void anUndoThatForgetsTheTargetsOldNoteFails() {
        Events tests = run(ForgetfulUndo.class);
        tests.assertThatEvents().haveAtLeastOne(event(test("undoRestoresThePreviousStateExactly"), finishedWithFailure()));
        tests.assertThatEvents().doNotHave(event(test("itemsHaveUniqueIdsTypesAndTitles"), finishedWithFailure()));
    }

    @Test
    void aProviderIgnoringCancellationFails() {
        Events tests = run(IgnoresCancellation.class);
        tests.assertThatEvents().haveAtLeastOne(event(test("cancellationStopsBetweenItems"), finishedWithFailure()));
        tests.assertThatEvents().haveAtLeastOne(event(test("aCancelledTransferChangesNothing"), finishedWithFailure()));
    }

    @Test
    void aProviderWithoutWriteAheadRecordsFails() {
        Events tests = run(NoWriteAhead.class);
        tests.assertThatEvents().haveAtLeastOne(
                event(test("aTransferInterruptedMidItemCompletesFromItsPreparedRecord"), finishedWithFailure()));
    }

    @Test
    void aListingThatWritesFails() {
        Events tests = run(WritingListing.class);
        tests.assertThatEvents().haveAtLeastOne(
                event(test("listingChangesNothingAndListsTheSameItemsAgain"), finishedWithFailure()));
    }

    private static Events run(Class<?> contract) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(contract)).execute().testEvents();
    }

    /** Base of the broken cases: the notes fixture with another provider. */
    abstract static class BrokenNotes extends TransferProviderContract {
        final NotesStore store = new NotesStore();

        @Override
        protected TransferUser source() {
            return NotesProviderContractTest.SOURCE;
        }

        @Override
        protected TransferUser target() {
            return NotesProviderContractTest.TARGET;
        }

        @Override
        protected void createFixture() {
            NotesProviderContractTest.fill(store);
        }

        @Override
        protected Object snapshot() {
            return store.snapshot();
        }
    }

    static class ForgetfulUndo extends BrokenNotes {
        @Override
        protected TransferProvider provider() {
            return new NotesProvider(store) {
                @Override
                void restore(String source, String target, Snapshot snapshot) {
                    write(source, target, snapshot.key(),
                            new Cells(snapshot.before().source(), null, snapshot.before().copy()));
                }
            };
        }
    }

    static class IgnoresCancellation extends BrokenNotes {
        @Override
        protected TransferProvider provider() {
            return new NotesProvider(store) {
                @Override
                public void transfer(ExecutionRequest request, ExecutionContext context) {
                    super.transfer(request, new ForwardingExecutionContext(context) {
                        @Override
                        public boolean isCancelled() {
                            return false;
                        }
                    });
                }
            };
        }
    }

    static class NoWriteAhead extends BrokenNotes {
        @Override
        protected TransferProvider provider() {
            return new NotesProvider(store) {
                @Override
                public void transfer(ExecutionRequest request, ExecutionContext context) {
                    super.transfer(request, new ForwardingExecutionContext(context) {
                        @Override
                        public void prepare(org.campus.spi.transfer.UndoRecord record) {
                            // forgets to hand the record to the core before changing data
                        }
                    });
                }
            };
        }
    }

    static class WritingListing extends BrokenNotes {
        @Override
        protected TransferProvider provider() {
            return new NotesProvider(store) {
                @Override
                public void listItems(org.campus.spi.transfer.ListingRequest request,
                        org.campus.spi.transfer.ListingContext context) {
                    store.put("7", "listed-at", String.valueOf(System.nanoTime()));
                    super.listItems(request, context);
                }
            };
        }
    }
}
