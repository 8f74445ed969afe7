package org.campus.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.apache.commons.dbcp2.BasicDataSource;
import org.campus.api.transfer.NewTransfer;
import org.campus.api.transfer.Transfer;
import org.campus.api.transfer.TransferPreview;
import org.campus.api.transfer.TransferService;
import org.campus.api.transfer.UndoResult;
import org.campus.api.workflow.LmsId;
import org.campus.core.internal.db.SchemaMigrator;
import org.campus.core.internal.event.Events;
import org.campus.core.internal.job.JobEngine;
import org.campus.core.internal.job.JobSettings;
import org.campus.core.internal.provider.ProviderRegistryImpl;
import org.campus.core.internal.sharing.ShareOwnershipImpl;
import org.campus.core.internal.transfer.TransferComponent;
import org.campus.core.internal.transfer.TransferSettings;
import org.campus.spi.transfer.SourceAccount;
import org.campus.spi.transfer.TransferProvider;
import org.campus.spi.transfer.TransferUser;
import org.campus.transfer.sharing.internal.ShareTransferProvider;
import org.osgi.framework.Constants;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * A transfer of a user with {@code bench.items} (100,000) share-progress records: the core's transfer
 * service (preview, execution as a job on the real job engine, undo) with the share-progress provider,
 * on the bench database (embedded Derby in bench/target, or PostgreSQL), against a plain-JDBC update
 * of the same rows (one UPDATE there and one back) in the same run and JVM. For each phase: wall time
 * and peak heap (the heap pools' peak usage after a GC and a reset of the peaks).
 */
public final class TransferBench {

    private static final long FROM = 900_000_001L;
    private static final long TO = 900_000_002L;

    private TransferBench() {
    }

    public static void main(String[] args) throws Exception {
        int items = Integer.getInteger("bench.items", 100_000);
        BenchDatabase database = BenchDatabase.fromSystemProperties();
        Path work = Path.of(System.getProperty("bench.workDir", "target"));
        String url = database.postgresql ? database.campusUrl(work)
                : "jdbc:derby:" + work.resolve("transfer-db").resolve("campus-" + System.currentTimeMillis()) + ";create=true";
        BasicDataSource ds = new BasicDataSource();
        ds.setDriverClassName(database.driverClass());
        ds.setUrl(url);
        if (database.postgresql) {
            ds.setUsername(database.user());
            ds.setPassword(database.password());
        }
        ds.setMaxTotal(16);
        SchemaMigrator.migrate(ds, TransferBench.class.getClassLoader(), null);
        System.out.printf("transfer bench: %d items on %s, Java %s, max heap %d MiB%n", items, database.vendor(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);

        Events events = Events.unfiltered(new EventAdmin() {
            @Override
            public void postEvent(Event event) {
                // no listener in the bench
            }

            @Override
            public void sendEvent(Event event) {
                // no listener in the bench
            }
        });
        JobEngine jobs = new JobEngine(ds, new JobSettings(2, Duration.ofSeconds(15), 4,
                JobSettings.DeadJobAction.RETRY, 1, Duration.ZERO, Duration.ofSeconds(1), Duration.ofMillis(100),
                "bench", Duration.ofSeconds(30), Duration.ofSeconds(5)), events, Clock.systemUTC());
        ProviderRegistryImpl providers = new ProviderRegistryImpl(events);
        TransferProvider sharing = new ShareTransferProvider(new ShareOwnershipImpl(null, ds));
        providers.addTransferProvider(sharing, Map.of(Constants.SERVICE_ID, 1L, TransferProvider.PROPERTY_ID, "sharing",
                TransferProvider.PROPERTY_TITLE, "Share progress", TransferProvider.PROPERTY_UNDO, true),
                "campus-transfer-sharing", "bench");
        TransferComponent transfers = new TransferComponent(ds, jobs, events, providers, TransferSettings.defaults(),
                Clock.systemUTC());
        jobs.addExecutor(transfers, List.of(TransferService.JOB_TYPE, TransferService.JOB_TYPE_CALLBACK));
        jobs.start();
        try {
            insertShares(ds, items);
            TransferUser from = new TransferUser(LmsId.of(FROM), "bench source");
            TransferUser to = new TransferUser(LmsId.of(TO), "bench target");

            TransferPreview preview = phase("campus preview", () -> transfers.preview(from, to, SourceAccount.LEFT_AS_IS));
            check(preview.items().size() == items, "preview lists " + preview.items().size());
            preview = null;
            Transfer done = phase("campus execute", () -> {
                Transfer t = transfers.start(new NewTransfer(from, to, List.of(), true, Map.of(), null), "bench");
                while (!t.state().isEnded()) {
                    Thread.sleep(200);
                    t = transfers.find(t.id()).orElseThrow();
                }
                return t;
            });
            check(done.counts().transferred() == items && !done.verification().flagged(),
                    "execute: " + done.state() + " " + done.counts() + " " + done.verification().reasons());
            UndoResult undo = phase("campus undo", () -> transfers.undo(done.id(), "bench"));
            check(undo.complete() && undo.items().size() == items, "undo: " + undo.items().size());
            undo = null;

            phase("plain JDBC update (there)", () -> update(ds, FROM, TO, items));
            phase("plain JDBC update (back)", () -> update(ds, TO, FROM, items));
        } finally {
            jobs.stop();
            ds.close();
        }
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("the bench's transfer did not do what it should: " + what);
        }
    }

    private static void insertShares(DataSource ds, int items) throws SQLException {
        long start = System.nanoTime();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO share_progress (id, course_id, user_id,"
                    + " share_type, cm_id, id_numeric, status, time_created, time_modified, source_deleted, version)"
                    + " VALUES (?, ?, ?, 'activity', ?, 7, 'sent', ?, ?, ?, 0)")) {
                long now = System.currentTimeMillis();
                for (int i = 1; i <= items; i++) {
                    ps.setLong(1, 1_000_000_000L + i);
                    ps.setString(2, Integer.toString(100 + i % 50));
                    ps.setString(3, Long.toString(FROM));
                    ps.setString(4, Integer.toString(i));
                    ps.setLong(5, now);
                    ps.setLong(6, now);
                    ps.setBoolean(7, false);
                    ps.addBatch();
                    if (i % 1000 == 0) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
                ps.executeBatch();
                c.commit();
            }
        }
        System.out.printf("setup: %d shares of user %d in %.1f s%n", items, FROM, (System.nanoTime() - start) / 1e9);
    }

    private static int update(DataSource ds, long from, long to, int items) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("UPDATE share_progress SET user_id = ?, version = version + 1"
                    + " WHERE user_id = ?")) {
                ps.setString(1, Long.toString(to));
                ps.setString(2, Long.toString(from));
                int n = ps.executeUpdate();
                c.commit();
                check(n == items, "updated " + n);
                return n;
            }
        }
    }

    private static <T> T phase(String name, Callable<T> work) throws Exception {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        T result = work.call();
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf("%-28s %9.1f s   peak heap %6d MiB%n", name, seconds, peak >> 20);
        return result;
    }
}
