package io.boardcast.bench;

import io.boardcast.testsupport.AppProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Everything a run can vary, read from system properties ({@code -Dbench.viewers=100,1000}) so run.sh and the smoke
 * test drive the same code.
 */
record BenchConfig(
        Path appJar,
        String appJava,
        String label,
        Path outDir,
        List<Integer> viewers,
        int warmupViewers,
        int warmupMoves,
        double warmupMovesPerSecond,
        int moves,
        double movesPerSecond,
        int accounts,
        int tasks,
        int repeats,
        boolean nchan,
        int pollingViewers,
        Duration pollingWindow,
        List<Integer> capacitySteps,
        boolean jfr,
        List<String> appArgs,
        String redisHost,
        int redisPort) {

    static BenchConfig fromSystemProperties() {
        Path jar = AppProcess.defaultJar();
        String java = System.getProperty("bench.app.java", System.getenv().getOrDefault("BENCH_APP_JAVA",
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        return new BenchConfig(
                jar,
                java,
                System.getProperty("bench.label", "run"),
                Path.of(System.getProperty("bench.out", "results")),
                ints(System.getProperty("bench.viewers", "100,1000,5000")),
                Integer.getInteger("bench.warmup", 20),
                // Enough moves for the JIT to compile the move and fan-out paths before anything is measured: after
                // 20 (the old warm-up) a move POST measured 30–50 ms that takes 9–12 ms once C2 has compiled its path
                // (≈ 3,000 moves).
                Integer.getInteger("bench.warmup.moves", 4000),
                Double.parseDouble(System.getProperty("bench.warmup.movesPerSecond", "100")),
                Integer.getInteger("bench.moves", 40),
                Double.parseDouble(System.getProperty("bench.movesPerSecond", "2")),
                Integer.getInteger("bench.accounts", 50),
                Integer.getInteger("bench.tasks", 8),
                Integer.getInteger("bench.repeats", 1),
                Boolean.parseBoolean(System.getProperty("bench.nchan", "true")),
                Integer.getInteger("bench.polling.viewers", 1000),
                Duration.ofSeconds(Integer.getInteger("bench.polling.seconds", 30)),
                ints(System.getProperty("bench.capacity.steps", "1000,2500,5000,7500,10000")),
                Boolean.parseBoolean(System.getProperty("bench.jfr", "false")),
                Arrays.stream(System.getProperty("bench.app.args", "").split(" ")).filter(a -> !a.isBlank()).toList(),
                // The same environment variables as the app's integration tests (PostgreSQL: see TestDatabase).
                System.getProperty("bench.redis.host", env("BOARDCAST_TEST_REDIS_HOST", "127.0.0.1")),
                Integer.parseInt(System.getProperty("bench.redis.port", env("BOARDCAST_TEST_REDIS_PORT", "6379"))));
    }

    private static String env(String name, String fallback) {
        return System.getenv().getOrDefault(name, fallback);
    }

    private static List<Integer> ints(String csv) {
        if (csv == null || csv.isBlank()) {
            return List.of();
        }
        return Arrays.stream(csv.split(",")).map(String::strip).map(Integer::valueOf).toList();
    }
}
