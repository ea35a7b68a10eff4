package io.boardcast.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The Spring properties that make an app instance this run's own: the run's database, the Redis to use, a Redis
 * channel, Spring Session namespace, throttle key prefix and presence keys under {@code boardcast:<runId>} (so runs sharing one Redis
 * never hear each other) and an operator credential for the metrics endpoints. The one source for instances started
 * in-process (the app's integration tests) and for the packaged jar ({@link AppProcess}). Immutable: each
 * {@code with} returns a copy.
 */
public final class AppSettings {

    /** Who may read /actuator/prometheus and /actuator/metrics on every instance this JVM starts. */
    public static final String OPERATOR = "operator";
    /** The operator's password: this JVM's own. */
    public static final String OPERATOR_PASSWORD = "operator-" + UUID.randomUUID();

    private final String runId;
    private final Map<String, String> properties;

    private AppSettings(String runId, Map<String, String> properties) {
        this.runId = runId;
        this.properties = properties;
    }

    /**
     * A run of {@code suite} (e.g. {@code it}, {@code e2e}) against {@code database} and the Redis named by
     * {@code BOARDCAST_TEST_REDIS_HOST} (127.0.0.1) and {@code _PORT} (6379); the run id is the suite and the time.
     */
    public static AppSettings forRun(String suite, TestDatabase database) {
        String runId = suite + "-" + Long.toString(System.currentTimeMillis(), 36);
        String namespace = "boardcast:" + runId;
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", database.jdbcUrl());
        properties.put("spring.datasource.username", database.user());
        properties.put("spring.datasource.password", database.password());
        properties.put("spring.data.redis.host", TestDatabase.env("BOARDCAST_TEST_REDIS_HOST", "127.0.0.1"));
        properties.put("spring.data.redis.port", TestDatabase.env("BOARDCAST_TEST_REDIS_PORT", "6379"));
        properties.put("boardcast.realtime.channel", namespace + ":events");
        properties.put("spring.session.redis.namespace", namespace + ":session");
        properties.put("boardcast.throttle.key-prefix", namespace + ":throttle");
        properties.put("boardcast.presence.key-prefix", namespace + ":presence");
        properties.put("boardcast.operator.username", OPERATOR);
        properties.put("boardcast.operator.password", OPERATOR_PASSWORD);
        return new AppSettings(runId, properties);
    }

    /** The same settings with another Redis, e.g. a test's own {@link RedisServer}. */
    public AppSettings redis(String host, int port) {
        return with("spring.data.redis.host", host).with("spring.data.redis.port", Integer.toString(port));
    }

    /** The same settings with {@code name} set to {@code value}, replacing any earlier value. */
    public AppSettings with(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(properties);
        copy.remove(name); // a replaced property moves to the end, where later settings stand
        copy.put(name, value);
        return new AppSettings(runId, copy);
    }

    /**
     * The same settings with {@code name=value} pairs (a leading {@code --} is allowed), later ones replacing earlier
     * ones: Spring would join two values of one name with a comma instead.
     */
    public AppSettings with(List<String> pairs) {
        AppSettings settings = this;
        for (String pair : pairs) {
            String property = pair.startsWith("--") ? pair.substring(2) : pair;
            int equals = property.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("Not name=value: " + pair);
            }
            settings = settings.with(property.substring(0, equals), property.substring(equals + 1));
        }
        return settings;
    }

    /** {@code <suite>-<time>}, unique to this run. */
    public String runId() {
        return runId;
    }

    /** The prefix of every Redis key and channel of this run, {@code boardcast:<runId>}. */
    public String namespace() {
        return "boardcast:" + runId;
    }

    public String throttleKeyPrefix() {
        return properties.get("boardcast.throttle.key-prefix");
    }

    public Map<String, String> properties() {
        return Collections.unmodifiableMap(properties);
    }

    /** The properties as command-line arguments, {@code --name=value}, in order. */
    public List<String> arguments() {
        List<String> arguments = new ArrayList<>();
        properties.forEach((name, value) -> arguments.add("--" + name + "=" + value));
        return arguments;
    }

    /** The {@code Authorization} header value of the operator. */
    public static String operatorAuthorization() {
        return "Basic " + Base64.getEncoder().encodeToString((OPERATOR + ":" + OPERATOR_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }
}
