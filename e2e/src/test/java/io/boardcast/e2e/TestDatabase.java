package io.boardcast.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A PostgreSQL database of this run's own, so runs never see each other's data; dropped at the end. */
final class TestDatabase implements AutoCloseable {

    static final String PREFIX = "boardcast_e2e_";
    private static final Duration LEFTOVER_AGE = Duration.ofHours(1);

    private final E2eSettings settings;
    private final String name;

    private TestDatabase(E2eSettings settings, String name) {
        this.settings = settings;
        this.name = name;
    }

    static TestDatabase create(E2eSettings settings, long runId) {
        TestDatabase database = new TestDatabase(settings, PREFIX + runId);
        database.dropLeftovers(runId);
        database.execute("CREATE DATABASE " + database.name);
        return database;
    }

    String name() {
        return name;
    }

    String jdbcUrl() {
        return settings.jdbcUrl(name);
    }

    @Override
    public void close() {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    /** Databases of runs that died before their teardown; younger ones may belong to a run in progress. */
    private void dropLeftovers(long now) {
        List<String> stale = new ArrayList<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet names = statement.executeQuery(
                        "SELECT datname FROM pg_database WHERE datname LIKE '" + PREFIX + "%'")) {
            while (names.next()) {
                String leftover = names.getString(1);
                String suffix = leftover.substring(PREFIX.length());
                if (suffix.matches("\\d+") && now - Long.parseLong(suffix) > LEFTOVER_AGE.toMillis()) {
                    stale.add(leftover);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list databases on " + settings.jdbcUrl(settings.pgMaintenanceDb()), e);
        }
        stale.forEach(leftover -> execute("DROP DATABASE IF EXISTS " + leftover + " WITH (FORCE)"));
    }

    private void execute(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed", e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl(settings.pgMaintenanceDb()), settings.pgUser(),
                settings.pgPassword());
    }
}
