package io.boardcast.e2e;

import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the harness once per run (JUnit closes it when the run ends), gives each test a {@link Stage}, and on failure
 * keeps screenshots and Playwright traces under target/e2e-artifacts/&lt;test&gt;/.
 */
final class E2eExtension implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback,
        ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(E2eExtension.class);

    static {
        // CI machines are small and busy: give auto-waiting assertions room before they call a change lost.
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Harness harness = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(Harness.class, type -> Harness.start(), Harness.class);
        context.getStore(NAMESPACE).put(Stage.class, new Stage(harness));
    }

    @Override
    public void afterTestExecution(ExtensionContext context) throws Exception {
        if (context.getExecutionException().isPresent() && stage(context) != null) {
            Harness harness = context.getRoot().getStore(NAMESPACE).get(Harness.class, Harness.class);
            Path dir = harness.settings().artifactDir()
                    .resolve(context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName());
            Files.createDirectories(dir);
            stage(context).saveArtifacts(dir);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Stage stage = stage(context);
        if (stage != null) { // null when the harness failed to start
            stage.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Stage.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return stage(context);
    }

    private static Stage stage(ExtensionContext context) {
        return context.getStore(NAMESPACE).get(Stage.class, Stage.class);
    }
}
