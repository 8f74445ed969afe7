/**
 * A test kit for transfer-provider authors.
 *
 * <p>{@link org.campus.testkit.transfer.TransferProviderContract} is the contract every
 * {@link org.campus.spi.transfer.TransferProvider} must pass: extend it in your provider's tests,
 * give it your provider, two users and a way to create and look at their data, and it checks that
 * items are well formed, that listing changes nothing, that every selected item gets one outcome,
 * that verification adds up, that undo restores exactly what was there (and refuses what changed
 * since), that cancellation stops between items, and that a transfer interrupted mid-item completes
 * from its prepared undo record.
 *
 * <p>{@link org.campus.testkit.transfer.TransferHarness} plays the core for your own tests: it
 * implements the contexts and builders of the SPI in memory, with the same checks the core applies,
 * and records what the provider reported.
 */
package org.campus.testkit.transfer;
