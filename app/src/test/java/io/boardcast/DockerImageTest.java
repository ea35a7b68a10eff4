package io.boardcast;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile copies files one by one so its layers cache well; this keeps it in step with the reactor, which no
 * local build checks (there is no Docker engine in CI). A module missing there broke the image build once.
 */
class DockerImageTest {

    private static final Path ROOT = Path.of("..");

    @Test
    void theImageBuildCopiesEveryModulesPomAndTheSourcesOfWhatTheAppBuildsOn() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        List<String> modules = all(Pattern.compile("<module>([^<]+)</module>"), Files.readString(ROOT.resolve("pom.xml")));
        List<String> appBuildsOn = all(Pattern.compile("<dependency>\\s*<groupId>io.boardcast</groupId>\\s*"
                + "<artifactId>boardcast-([a-z-]+)</artifactId>"), Files.readString(ROOT.resolve("app/pom.xml")));

        assertThat(modules).isNotEmpty().allSatisfy(module ->
                assertThat(dockerfile).contains("COPY " + module + "/pom.xml " + module + "/pom.xml"));
        assertThat(appBuildsOn).contains("db", "test-support").allSatisfy(module ->
                assertThat(dockerfile).contains("COPY " + module + "/src " + module + "/src"));
        assertThat(dockerfile).contains("COPY app/src app/src");
    }

    @Test
    void theImageRunsOnTheCurrentLtsJdkWhileTheBytecodeStaysJava17() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));

        assertThat(dockerfile).contains("FROM maven:3.9-eclipse-temurin-25 AS build", "FROM eclipse-temurin:25-jre");
        assertThat(Files.readString(ROOT.resolve("pom.xml"))).contains("<java.version>17</java.version>");
    }

    private static List<String> all(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.results().map(result -> result.group(1)).toList();
    }
}
