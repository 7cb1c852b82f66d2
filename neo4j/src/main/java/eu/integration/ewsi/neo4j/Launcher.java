package eu.integration.ewsi.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Runs Neo4j Community as an embedded DBMS with Bolt on a loopback address.
 *
 * <p>It prints one line starting with {@code EWSI-NEO4J READY} on stdout once Bolt accepts
 * connections, shuts down cleanly on SIGTERM or SIGINT, and, with {@code --stdin-watch},
 * also when its standard input closes (its parent process has gone). Failures it can
 * explain (a taken port, a locked store, a bad flag) end with one line starting with
 * {@code EWSI-NEO4J ERROR} on stderr and exit code 2.
 */
public final class Launcher {
    private Launcher() {}

    /** Options holds the command-line flags. */
    static final class Options {
        Path dataDir = Path.of("data", "neo4j");
        String address = "127.0.0.1";
        int port = 7687;
        String pageCache = "512m";
        String txMemory = "1g";
        boolean stdinWatch = false;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                String v = i + 1 < args.length ? args[i + 1] : null;
                switch (a) {
                    case "--data" -> { o.dataDir = Path.of(need(a, v)); i++; }
                    case "--address" -> { o.address = need(a, v); i++; }
                    case "--port" -> { o.port = port(need(a, v)); i++; }
                    case "--pagecache" -> { o.pageCache = size(a, need(a, v)); i++; }
                    case "--tx-memory" -> { o.txMemory = size(a, need(a, v)); i++; }
                    case "--stdin-watch" -> o.stdinWatch = true;
                    default -> throw new IllegalArgumentException("unknown flag " + a
                        + " (known: --data DIR --address IP --port N --pagecache SIZE --tx-memory SIZE --stdin-watch)");
                }
            }
            return o;
        }

        private static String need(String flag, String v) {
            if (v == null) throw new IllegalArgumentException("flag " + flag + " needs a value");
            return v;
        }

        private static int port(String v) {
            try {
                int p = Integer.parseInt(v);
                if (p < 1 || p > 65535) throw new NumberFormatException();
                return p;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--port: " + v + " is not a port number (1-65535)");
            }
        }

        private static String size(String flag, String v) {
            if (!v.matches("(?i)[0-9]+[kmg]?")) {
                throw new IllegalArgumentException(flag + ": " + v + " is not a size such as 512m or 2g");
            }
            return v.toLowerCase();
        }
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            return;
        }
        if (!portFree(o.address, o.port)) {
            fail("Bolt address " + o.address + ":" + o.port
                + " is already in use by another process; set EWSI_NEO4J_PORT to another port");
            return;
        }
        DatabaseManagementService dbms;
        try {
            Files.createDirectories(o.dataDir);
            Path conf = o.dataDir.resolve("ewsi-neo4j.conf");
            StringBuilder text = new StringBuilder("# written by the EWSI Neo4j launcher at each start\n");
            config(o).forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
            Files.writeString(conf, text.toString());
            dbms = new DatabaseManagementServiceBuilder(o.dataDir.toAbsolutePath())
                .loadPropertiesFromFile(conf)
                .build();
        } catch (Throwable t) {
            fail(explain(t, o));
            return;
        }
        GraphDatabaseService db = dbms.database("neo4j");
        if (!db.isAvailable(60_000)) {
            dbms.shutdown();
            fail("database neo4j did not become available within 60s (store " + o.dataDir + ")");
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread shutdown = new Thread(() -> {
            out.println("EWSI-NEO4J STOPPING");
            out.flush();
            dbms.shutdown();
            out.println("EWSI-NEO4J STOPPED");
            out.flush();
            stopped.countDown();
        }, "ewsi-neo4j-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        out.println("EWSI-NEO4J READY bolt://" + o.address + ":" + o.port + " store=" + o.dataDir);
        out.flush();
        if (o.stdinWatch) {
            watchStdin(System.in);
            // stdin closed: the parent has gone; exit runs the shutdown hook.
            System.exit(0);
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Map<String, String> config(Options o) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("server.bolt.enabled", "true");
        c.put("server.bolt.listen_address", o.address + ":" + o.port);
        c.put("server.bolt.tls_level", "DISABLED");
        c.put("server.http.enabled", "false");
        c.put("server.https.enabled", "false");
        c.put("dbms.security.auth_enabled", "false");
        c.put("server.memory.pagecache.size", o.pageCache);
        c.put("dbms.memory.transaction.total.max", o.txMemory);
        c.put("db.tx_log.rotation.retention_policy", "2 files");
        return c;
    }

    private static void watchStdin(InputStream in) {
        byte[] buf = new byte[256];
        try {
            while (in.read(buf) >= 0) {
                // the parent writes nothing; anything read is ignored
            }
        } catch (IOException e) {
            // a broken pipe means the same as end of input
        }
    }

    private static boolean portFree(String address, int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(address, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String explain(Throwable t, Options o) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String name = c.getClass().getSimpleName();
            String msg = String.valueOf(c.getMessage());
            if (name.contains("FileLock") || msg.contains("lock")) {
                return "store " + o.dataDir + " is locked by another Neo4j process; stop it or set EWSI_DATA_DIR to another folder";
            }
            if (name.contains("PortBind") || msg.contains("Address already in use")) {
                return "Bolt address " + o.address + ":" + o.port + " is already in use by another process; set EWSI_NEO4J_PORT to another port";
            }
        }
        Throwable root = t;
        while (root.getCause() != null) root = root.getCause();
        return "Neo4j failed to start: " + root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static void fail(String message) {
        System.err.println("EWSI-NEO4J ERROR " + message);
        System.err.flush();
        System.exit(2);
    }
}
