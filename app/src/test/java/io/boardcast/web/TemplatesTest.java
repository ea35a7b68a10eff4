package io.boardcast.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Content-Security-Policy (see SecurityConfig) allows scripts and styles from files only: an inline handler,
 * script or style attribute in a template would silently stop working in the browser.
 */
class TemplatesTest {

    private static final Pattern INLINE = Pattern.compile(
            "\\s(?:th:)?on[a-z]+\\s*=|\\s(?:th:)?style\\s*=|<script(?![^>]*\\bth:src=|[^>]*\\bsrc=)[^>]*>|<style\\b|javascript:",
            Pattern.CASE_INSENSITIVE);

    @Test
    void noTemplateHasInlineScriptHandlersOrStyles() throws Exception {
        List<String> found = new ArrayList<>();
        for (Path template : templates()) {
            String html = Files.readString(template);
            Matcher inline = INLINE.matcher(html);
            while (inline.find()) {
                found.add(template.getFileName() + ": " + inline.group().trim());
            }
        }

        assertThat(found).isEmpty();
    }

    @Test
    void unescapedOutputIsOnlyEverRenderedMarkdown() throws Exception {
        Pattern utext = Pattern.compile("th:utext=\"([^\"]*)\"");
        List<String> found = new ArrayList<>();
        for (Path template : templates()) {
            Matcher unescaped = utext.matcher(Files.readString(template));
            while (unescaped.find()) {
                if (!unescaped.group(1).matches("\\$\\{#markdown\\.html\\([a-zA-Z.]+(, [a-zA-Z]+)?\\)\\}")) {
                    found.add(template.getFileName() + ": " + unescaped.group());
                }
            }
        }

        assertThat(found).isEmpty();
    }

    @Test
    void htmxIsToldNotToInjectItsIndicatorStyle() throws Exception {
        String layout = Files.readString(root().resolve("layout.html"));

        assertThat(layout).contains("<meta name=\"htmx-config\" content='{\"includeIndicatorStyles\":false}'>");
    }

    private static List<Path> templates() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.walk(root())) {
            return files.filter(path -> path.toString().endsWith(".html")).toList();
        }
    }

    private static Path root() throws URISyntaxException {
        return Path.of(TemplatesTest.class.getResource("/templates").toURI());
    }
}
