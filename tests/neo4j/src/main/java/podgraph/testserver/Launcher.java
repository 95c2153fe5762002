/*
 * Test-only Neo4j 5.26 Community server for podgraph (see ../../../../../start.sh).
 *
 * Starts an embedded DBMS with a Bolt connector on 127.0.0.1:PORT
 * (PORT = first argument, else $NEO4J_TEST_PORT, else 7688), authentication
 * DISABLED, no TLS, data in a fresh temporary directory that is deleted on
 * exit, and small memory settings for a 2-core CI box. Prints one line
 * starting with "PODGRAPH-NEO4J READY" once the default database is online
 * (Cypher warmed up) and the Bolt port accepts TCP connections. Stops cleanly on SIGTERM/SIGINT
 * via a shutdown hook.
 *
 * Optional env: NEO4J_TEST_LOGS = directory for Neo4j's debug.log (kept after
 * exit, handy when startup fails); otherwise logs live in the temp dir.
 *
 * Cypher and full-text indexes (Lucene) are built into Community; no APOC.
 */
package podgraph.testserver;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

public final class Launcher {
    private static final String HOST = "127.0.0.1";

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        int port = Integer.parseInt(args.length > 0 ? args[0]
                : System.getenv().getOrDefault("NEO4J_TEST_PORT", "7688"));
        Path home = Files.createTempDirectory("podgraph-neo4j-");
        String logs = System.getenv("NEO4J_TEST_LOGS");

        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home)
                .setUserLogProvider(new Log4jLogProvider(System.out, Level.INFO))
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(BoltConnector.server_bolt_telemetry_enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // Small footprint: 256 MiB page cache, bounded transaction memory.
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(256))
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, ByteUnit.mebiBytes(512))
                // Throwaway data: don't preallocate files on disk.
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.preallocate_store_files, false)
                // Tests never leave long transactions behind; don't wait 10 s for them on stop.
                .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(2))
                // ...nor 5 s + 5 s for Bolt connections/threads (internal settings).
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1));
        if (logs != null && !logs.isBlank()) {
            builder.setConfig(GraphDatabaseSettings.logs_directory, Path.of(logs).toAbsolutePath());
        }

        DatabaseManagementService dbms = builder.build();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("PODGRAPH-NEO4J stopping");
            try {
                dbms.shutdown();
            } finally {
                deleteTree(home);
                System.out.println("PODGRAPH-NEO4J stopped, removed " + home);
                stopped.countDown();
            }
        }, "podgraph-neo4j-shutdown"));

        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(Duration.ofMinutes(3).toMillis())) {
            System.err.println("PODGRAPH-NEO4J FAILED: default database not available");
            System.exit(1);
        }
        // Warm up the Cypher parser/planner (the first query of a JVM takes
        // seconds); Bolt clients then get fast answers from the start.
        db.executeTransactionally("RETURN 1");
        waitForPort(port, Duration.ofSeconds(60));
        System.out.printf("PODGRAPH-NEO4J READY bolt://%s:%d auth=none home=%s startup=%.1fs%n",
                HOST, port, home, (System.nanoTime() - t0) / 1e9);
        System.out.flush();
        stopped.await(); // Bolt threads serve clients; the hook releases this.
    }

    private static void waitForPort(int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(HOST, port), 1000);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    System.err.println("PODGRAPH-NEO4J FAILED: Bolt port " + port + " not open: " + e);
                    System.exit(1);
                }
                Thread.sleep(100);
            }
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("PODGRAPH-NEO4J could not delete " + root + ": " + e);
        }
    }
}
