package io.boardcast.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/** The templates' indentation goes; text whose whitespace is its meaning (pre, textarea, code blocks) stays. */
class CollapsedIndentationTest {

    private final SpringTemplateEngine engine = engine();

    @Test
    void indentationAndBlankLinesCollapseToOneLineBreak() {
        String html = render("""
                <section class="panel">

                    <h2>Title</h2>
                    <p>Some
                       words</p>
                </section>
                """, Map.of());

        assertThat(html).isEqualTo("<section class=\"panel\">\n<h2>Title</h2>\n<p>Some\nwords</p>\n</section>\n");
    }

    @Test
    void preAndTextareaKeepTheirTextWithItsLineBreaksAndLeadingSpaces() {
        String html = render("""
                <div>
                    <pre>first
                  indented
                
                    last</pre>
                    <textarea th:text="${typed}"></textarea>
                    <p>after</p>
                </div>
                """, Map.of("typed", "Dear team,\n\n    quoted line\n  end"));

        assertThat(html).contains("<pre>first\n  indented\n\n    last</pre>",
                "<textarea>Dear team,\n\n    quoted line\n  end</textarea>", "\n<p>after</p>")
                .doesNotContain("    <p>", "    <textarea");
    }

    @Test
    void scriptsAndStylesAreLeftAsTheyAre() {
        String html = render("<div>\n  <script>\n  let a = 1;\n</script>\n  <style>\n  p { margin: 0 }\n</style>\n</div>",
                Map.of());

        assertThat(html).isEqualTo("<div>\n<script>\n  let a = 1;\n</script>\n<style>\n  p { margin: 0 }\n</style>\n</div>");
    }

    @Test
    void aCodeBlockInMarkdownKeepsItsLinesThroughUtext() {
        String html = render("""
                <div class="description">
                    <div th:utext="${#markdown.html(text)}"></div>
                </div>
                """, Map.of("text", "Run this:\n\n```\nif (ok) {\n    ship();\n}\n```\n\nThen\n  relax."));

        assertThat(html).contains("<pre><code>if (ok) {\n    ship();\n}\n</code></pre>")
                .doesNotContain("\n    <div");
    }

    private String render(String template, Map<String, Object> model) {
        return engine.process(template, new Context(Locale.ENGLISH, model));
    }

    private static SpringTemplateEngine engine() {
        StringTemplateResolver resolver = new StringTemplateResolver();
        resolver.setTemplateMode(TemplateMode.HTML);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.addDialect(new MarkdownDialect());
        engine.addDialect(new IndentationDialect());
        return engine;
    }
}
