package io.boardcast.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A PostgreSQL database of this test run's own on the shared server (CI and later runs use the same one), dropped
 * when the JVM exits. Leftovers of killed runs older than an hour are dropped on the way in.
 */
public final class TestDatabase {

    private static final String PREFIX = "boardcast_it_";
    private static final String HOST = setting("BOARDCAST_TEST_PG_HOST", "127.0.0.1");
    private static final String PORT = setting("BOARDCAST_TEST_PG_PORT", "5432");
    private static final String USER = setting("BOARDCAST_TEST_PG_USER", "postgres");
    private static final String PASSWORD = setting("BOARDCAST_TEST_PG_PASSWORD", "");
    private static final String ADMIN_DB = setting("BOARDCAST_TEST_PG_DATABASE", "test");

    private static String name;

    private TestDatabase() {
    }

    public static synchronized String url() {
        if (name == null) {
            name = PREFIX + System.currentTimeMillis() + "_" + ProcessHandle.current().pid();
            admin("create database " + name);
            dropStale();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> admin("drop database if exists " + name
                    + " with (force)")));
        }
        return jdbcUrl(name);
    }

    public static String user() {
        return USER;
    }

    public static String password() {
        return PASSWORD;
    }

    private static void dropStale() {
        long hourAgo = System.currentTimeMillis() - 3_600_000;
        List<String> stale = new ArrayList<>();
        try (Connection c = connect(ADMIN_DB); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select datname from pg_database where datname like '" + PREFIX
                        + "%'")) {
            while (rs.next()) {
                String db = rs.getString(1);
                String[] parts = db.substring(PREFIX.length()).split("_");
                if (parts[0].matches("\\d+") && Long.parseLong(parts[0]) < hourAgo) {
                    stale.add(db);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        stale.forEach(db -> admin("drop database if exists " + db + " with (force)"));
    }

    private static void admin(String sql) {
        try (Connection c = connect(ADMIN_DB); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + HOST + ":" + PORT + " refused: " + sql, e);
        }
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USER, PASSWORD);
    }

    private static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
    }

    public static String setting(String env, String fallback) {
        String value = System.getenv(env);
        return value == null || value.isBlank() ? fallback : value;
    }
}
