package io.boardcast.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A PostgreSQL database of this run's own ({@code <prefix><millis>_<pid>}), so runs never see each other's data;
 * dropped on {@link #close()}. Where the server is comes from the same environment variables as the app's
 * integration tests: {@code BOARDCAST_TEST_PG_HOST} (127.0.0.1), {@code _PORT} (5432), {@code _USER} (postgres),
 * {@code _PASSWORD} (empty), {@code _DATABASE} (test, the one connected to for CREATE and DROP).
 */
public final class TestDatabase implements AutoCloseable {

    /** Databases of runs that died before their teardown; younger ones may belong to a run in progress. */
    private static final Duration LEFTOVER_AGE = Duration.ofHours(6);

    private static final Map<String, TestDatabase> JVM_WIDE = new ConcurrentHashMap<>();

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String maintenanceDb;
    private final String name;

    /** A handle on {@code name}; creates nothing (see {@link #create}). */
    TestDatabase(String name) {
        this.host = env("BOARDCAST_TEST_PG_HOST", "127.0.0.1");
        this.port = Integer.parseInt(env("BOARDCAST_TEST_PG_PORT", "5432"));
        this.user = env("BOARDCAST_TEST_PG_USER", "postgres");
        this.password = env("BOARDCAST_TEST_PG_PASSWORD", "");
        this.maintenanceDb = env("BOARDCAST_TEST_PG_DATABASE", "test");
        this.name = name;
    }

    /** Creates {@code <prefix><millis>_<pid>}; the prefix says whose it is, e.g. {@code boardcast_faults_}. */
    public static TestDatabase create(String prefix) {
        long now = System.currentTimeMillis();
        TestDatabase database = new TestDatabase(prefix + now + "_" + ProcessHandle.current().pid());
        database.dropLeftovers(prefix, now);
        database.executeOnServer("CREATE DATABASE " + database.name);
        return database;
    }

    /**
     * One database for everything this JVM runs with {@code prefix} (e.g. a suite's integration tests, which start
     * many Spring contexts): created on first use; its drop is handed to {@code atExit}, which must run it when the
     * JVM exits after whatever still uses the database. (A JVM shutdown hook of its own would run alongside Spring's,
     * whose closing contexts then wait out their pool's connection timeout for a database that is gone.)
     */
    public static TestDatabase forThisJvm(String prefix, Consumer<Runnable> atExit) {
        return JVM_WIDE.computeIfAbsent(prefix, p -> {
            TestDatabase database = create(p);
            atExit.accept(database::close);
            return database;
        });
    }

    public String name() {
        return name;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String jdbcUrl() {
        return jdbcUrl(name);
    }

    /** A connection to this run's database, for checks against what the app wrote. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user, password);
    }

    /** One number from this run's database, e.g. {@code select count(*) from tasks}. */
    public long queryLong(String sql, Object... args) {
        SQLException failure = null;
        // A shared server may refuse a connection for a moment (too many clients): three tries, then give up.
        for (int attempt = 0; attempt < 3; attempt++) {
            try (Connection connection = connect(); var statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    statement.setObject(i + 1, args[i]);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? rows.getLong(1) : 0;
                }
            } catch (SQLException e) {
                failure = e;
                pause(300);
            }
        }
        throw new IllegalStateException(sql + " failed: " + failure.getMessage(), failure);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Ends every server connection to this run's database but the caller's own, as a failover or an administrator
     * would. Returns how many were ended.
     */
    public int terminateConnections() {
        String sql = "select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = ? and pid <> pg_backend_pid()";
        try (Connection connection = DriverManager.getConnection(jdbcUrl(maintenanceDb), user, password);
             var statement = connection.prepareStatement(sql)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot terminate connections to " + name, e);
        }
    }

    @Override
    public void close() {
        executeOnServer("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private void dropLeftovers(String prefix, long now) {
        List<String> stale = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl(maintenanceDb), user, password);
             var statement = connection.prepareStatement("select datname from pg_database where datname like ?")) {
            statement.setString(1, prefix.replace("_", "\\_") + "%");
            try (ResultSet names = statement.executeQuery()) {
                while (names.next()) {
                    String leftover = names.getString(1);
                    String millis = leftover.substring(prefix.length()).split("_")[0];
                    if (millis.matches("\\d{13}") && now - Long.parseLong(millis) > LEFTOVER_AGE.toMillis()) {
                        stale.add(leftover);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list databases on " + jdbcUrl(maintenanceDb), e);
        }
        stale.forEach(leftover -> executeOnServer("DROP DATABASE IF EXISTS " + leftover + " WITH (FORCE)"));
    }

    private void executeOnServer(String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(maintenanceDb), user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed", e);
        }
    }

    private String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
