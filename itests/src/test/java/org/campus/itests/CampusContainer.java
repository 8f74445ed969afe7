package org.campus.itests;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;

/**
 * The Pax Exam configuration every container test uses: the Campus distribution as built by this
 * reactor, on free ports, with the credentials the tests authenticate with, on the database of
 * {@link ItestDatabase} (on PostgreSQL: the README's data source lines, for a new database of the
 * cluster for each container).
 */
public final class CampusContainer {

    /** Test credentials, handed to the container as the first-start values. */
    public static final String ADMIN_PASSWORD = "it-admin-secret-0d6f";
    public static final String LMS_API_KEY = "it-lms-key-5c1e8a9b7f";

    /** Ports handed out in this JVM: two containers, or a container's HTTP and SSH ports, never share one. */
    private static final Set<Integer> PORTS_GIVEN = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger CONTAINERS = new AtomicInteger();
    private static final SecureRandom RANDOM = new SecureRandom();

    private CampusContainer() {
    }

    public static Option[] options() {
        String zip = System.getProperty("campus.distribution");
        File distribution = new File(zip);
        if (!distribution.isFile()) {
            throw new IllegalStateException("build the distribution first; not found: " + distribution);
        }
        String localRepo = System.getProperty("campus.localRepository",
                System.getProperty("user.home") + "/.m2/repository");
        int httpPort = freePort();
        int sshPort = freePort();
        List<Option> options = new ArrayList<>(List.of(
            karafDistributionConfiguration()
                    .frameworkUrl(distribution.toURI().toString())
                    .name("Campus")
                    .unpackDirectory(new File("target/exam"))
                    .useDeployFolder(false),
            keepRuntimeFolder(),
            configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
            logLevel(LogLevel.WARN),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(httpPort)),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(sshPort)),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshHost", "127.0.0.1"),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository", localRepo),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.repositories",
                    "https://repo1.maven.org/maven2@id=central"),
            systemProperty("campus.test.httpPort").value(String.valueOf(httpPort)),
            // the tests in the container have every exchange checked here, in the driver's JVM
            systemProperty(ValidatingHttpClient.VALIDATOR).value(OpenApiConformance.address()),
            // Pax Exam waits 10 s by default for its probe invoker (the extender's Parser has its own
            // timeout, read once from its own property); a loaded 2-core machine can need minutes
            systemProperty("org.ops4j.pax.swissbox.tracker.ServiceLookup.DEFAULT_TIMEOUT").value("180000"),
            systemProperty("org.ops4j.pax.exam.raw.extender.intern.Parser.DEFAULT_TIMEOUT").value("180000"),
            // the JUnit probe invoker's wait for the Injector has a third one (10 s); missing it leaves the
            // probe without its invoker and the test run waiting for it for ever
            systemProperty("org.ops4j.pax.exam.invoker.junit.internal.JUnitProbeInvokerFactory.DEFAULT_TIMEOUT")
                    .value("180000"),
            // and 10 s for each @Inject'ed service, which a container still booting on a loaded machine can miss
            systemProperty("pax.exam.service.timeout").value("180000"),
            systemProperty("campus.admin.password").value(ADMIN_PASSWORD),
            systemProperty("campus.lms.apiKey").value(LMS_API_KEY),
            CoreOptions.vmOptions(
                    "--add-reads=java.xml=java.logging",
                    "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
                    "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-4.4.10.jar",
                    "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-4.4.10.jar",
                    "--add-opens", "java.base/java.security=ALL-UNNAMED",
                    "--add-opens", "java.base/java.net=ALL-UNNAMED",
                    "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                    "--add-opens", "java.base/java.util=ALL-UNNAMED",
                    "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
                    "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
                    "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
                    "--add-exports=java.base/sun.net.www.protocol.ftp=ALL-UNNAMED",
                    "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
                    "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
                    "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
                    "--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED",
                    "--add-exports=jdk.xml.dom/org.w3c.dom.html=ALL-UNNAMED",
                    "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED",
                    "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
                    "--add-exports=java.naming/com.sun.jndi.ldap=ALL-UNNAMED",
                    "-Xmx512m")));
        if (ItestDatabase.isPostgresql()) {
            // a database of its own, as each container on Derby has: nothing another suite left (rows, jobs
            // queued on the same node name) is seen or taken over
            String database = ItestDatabase.freshPostgresql("campus_c" + CONTAINERS.incrementAndGet());
            ItestDatabase.postgresqlDatasource(database).forEach((key, value) ->
                    options.add(editConfigurationFilePut(ItestDatabase.DATASOURCE_CFG, key, value)));
        }
        return options.toArray(Option[]::new);
    }

    /**
     * A port nothing listens on, below the kernel's range of ephemeral ports: a port taken from that
     * range (as {@code new ServerSocket(0)} does) can be handed to an outgoing connection (a pool's
     * connection to PostgreSQL, the driver's RMI) between this choice and the container's bind, and
     * Jetty then never listens.
     */
    static int freePort() {
        int below = ephemeralPortsStart();
        int from = Math.max(1024, below - 12_000);
        for (int tries = 0; tries < 1000; tries++) {
            int port = from + RANDOM.nextInt(below - from);
            if (PORTS_GIVEN.add(port) && free(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port in " + from + "-" + (below - 1));
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The first port of the kernel's ephemeral range ({@code ip_local_port_range}; Linux's default 32768). */
    private static int ephemeralPortsStart() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
            return Math.max(2048, Integer.parseInt(range.split("\\s+")[0]));
        } catch (IOException | RuntimeException e) {
            return 32768;
        }
    }
}
