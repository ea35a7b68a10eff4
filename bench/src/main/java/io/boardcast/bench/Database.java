package io.boardcast.bench;

import java.io.IOException;

/** A throw-away PostgreSQL database for one run, created and dropped with psql (trust auth, like the tests). */
final class Database implements AutoCloseable {

    private final String host;
    private final int port;
    final String name;

    Database(String host, int port, String name) {
        this.host = host;
        this.port = port;
        this.name = name;
    }

    static Database create(String host, int port) throws IOException, InterruptedException {
        Database db = new Database(host, port, "boardcast_bench_" + System.currentTimeMillis());
        db.psql("create database " + db.name);
        return db;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        psql("drop database if exists " + name + " with (force)");
    }

    private void psql(String sql) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("psql", "-h", host, "-p", Integer.toString(port), "-U", "postgres", "-d", "test",
                "-v", "ON_ERROR_STOP=1", "-q", "-c", sql).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException("psql failed: " + sql + ": " + out);
        }
    }
}
