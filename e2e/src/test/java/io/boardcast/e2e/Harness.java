package io.boardcast.e2e;

import io.boardcast.testsupport.WebSession;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Everything a run shares: the cluster, the browser and the signed-up users. Closed by JUnit when the run ends, and
 * by a shutdown hook if the JVM is stopped first, so no app process, nginx or database outlives the run.
 */
record Harness(E2eSettings settings, Cluster cluster, Browsers browsers, AtomicBoolean closed)
        implements AutoCloseable {

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
        Harness harness = new Harness(settings, cluster, browsers, new AtomicBoolean());
        Runtime.getRuntime().addShutdownHook(new Thread(harness::close, "boardcast-e2e-teardown"));
        try {
            harness.signUpEveryone();
        } catch (RuntimeException e) {
            harness.close();
            throw e;
        }
        return harness;
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
