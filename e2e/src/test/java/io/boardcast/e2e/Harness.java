package io.boardcast.e2e;

import io.boardcast.testsupport.WebSession;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Everything a run shares: the cluster, the browser and the signed-up users. Closed by JUnit when the run ends, and
 * by a shutdown hook if the JVM is stopped first, so no app process, nginx or database outlives the run.
 */
final class Harness implements AutoCloseable {

    private final E2eSettings settings;
    private final Cluster cluster;
    private final Browsers browsers;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Harness(E2eSettings settings, Cluster cluster, Browsers browsers) {
        this.settings = settings;
        this.cluster = cluster;
        this.browsers = browsers;
    }

    static Harness start() {
        E2eSettings settings = E2eSettings.load();
        Cluster cluster = Cluster.start(settings);
        Browsers browsers;
        try {
            browsers = Browsers.launch(settings);
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        Harness harness = new Harness(settings, cluster, browsers);
        Runtime.getRuntime().addShutdownHook(new Thread(harness::close, "boardcast-e2e-teardown"));
        try {
            harness.signUpEveryone();
        } catch (RuntimeException e) {
            harness.close();
            throw e;
        }
        return harness;
    }

    E2eSettings settings() {
        return settings;
    }

    Cluster cluster() {
        return cluster;
    }

    Browsers browsers() {
        return browsers;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                browsers.close();
            } finally {
                cluster.close();
            }
        }
    }

    private void signUpEveryone() {
        for (User user : User.values()) {
            WebSession.Answer signedUp = WebSession.newBrowser(cluster.httpUrl()).signUp(user.username(), user.password());
            if (!signedUp.location().contains("/login")) {
                throw new IllegalStateException("Sign-up of " + user + " answered " + signedUp.status() + " "
                        + signedUp.location());
            }
        }
    }
}
