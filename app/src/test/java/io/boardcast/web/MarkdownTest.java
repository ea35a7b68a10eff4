package io.boardcast.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.boardcast.testsupport.XssCorpus;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The renderer's output is judged by an allowlist: every {@code <} in it opens one of CommonMark's plain elements
 * with only harmless attributes, and every link goes to http(s), mailto or a relative address. Anything else (a
 * script, frame, plugin, style, loaded image, event handler, script URL) fails it.
 */
class MarkdownTest {

    private static final Set<String> ELEMENTS = Set.of("p", "em", "strong", "code", "pre", "ul", "ol", "li",
            "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "br", "a", "table", "thead", "tbody", "tr",
            "th", "td", "span");
    private static final Set<String> ATTRIBUTES = Set.of("href", "title", "rel", "class", "align", "start");
    private static final Pattern TAG = Pattern.compile("<(/?)([a-z0-9]+)((?:\\s+[a-z]+(?:=\"[^\"<>]*\")?)*)\\s*/?>");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\s+([a-z]+)(?:=\"([^\"]*)\")?");
    private static final Pattern SAFE_URL = Pattern.compile("(?:https?://|mailto:).*|[^:/?#]*(?:[/?#].*)?", Pattern.DOTALL);

    private final Markdown markdown = new Markdown();

    @Test
    void theCorpusHasAtLeastFortyPayloads() {
        assertThat(XssCorpus.payloads()).hasSizeGreaterThanOrEqualTo(40);
    }

    @Test
    void noPayloadOfTheCorpusComesOutExecutable() {
        List<String> executable = new ArrayList<>();
        for (String payload : XssCorpus.payloads()) {
            String html = markdown.html(payload);
            String problem = unsafe(html);
            if (problem != null) {
                executable.add(payload + "\n  -> " + html + "\n  " + problem);
            }
        }

        assertThat(executable).isEmpty();
    }

    @Test
    void noPayloadOfTheCorpusComesOutExecutableWhenItsNamesAreMembers() {
        // Every would-be name in the corpus is a member here, so each one is made a mention wherever it can be.
        List<String> executable = new ArrayList<>();
        for (String payload : XssCorpus.payloads()) {
            Set<String> members = markdown.mentions(payload);
            String html = markdown.html(payload, members);
            String problem = unsafe(html);
            if (problem != null) {
                executable.add(payload + "\n  -> " + html + "\n  " + problem);
            }
        }

        assertThat(executable).isEmpty();
        assertThat(XssCorpus.payloads()).anyMatch(payload -> !markdown.mentions(payload).isEmpty());
    }

    @Test
    void aMembersMentionIsHighlightedAndAnyOtherNameStaysText() {
        assertThat(markdown.html("@bob and @nobody look at bob@example.com", Set.of("bob", "alice")))
                .startsWith("<p><span class=\"mention\">@bob</span> and @nobody look at ")
                .doesNotContain("<span class=\"mention\">@example");
        assertThat(markdown.html("**@bob.** thanks", Set.of("bob")))
                .isEqualTo("<p><strong><span class=\"mention\">@bob</span>.</strong> thanks</p>");
        assertThat(markdown.html("@bob", Set.of())).isEqualTo("<p>@bob</p>");
        assertThat(markdown.html("@bob")).isEqualTo("<p>@bob</p>");
    }

    @Test
    void aMentionNextToMarkupStaysEscaped() {
        assertThat(markdown.html("@bob<script>window.__xss=1</script>", Set.of("bob")))
                .isEqualTo("<p><span class=\"mention\">@bob</span>&lt;script&gt;window.__xss=1&lt;/script&gt;</p>");
        assertThat(markdown.html("@<script>x</script>", Set.of("script")))
                .isEqualTo("<p>@&lt;script&gt;x&lt;/script&gt;</p>");
    }

    @Test
    void mentionsInCodeOrAnImagesDescriptionAreNotMentions() {
        String text = "`@bob` and\n\n```\n@carol\n```\n\n    @dave\n\n![@erin](https://x.example/e.png) but @frank";

        assertThat(markdown.mentions(text)).containsExactly("frank");
        assertThat(markdown.html(text, Set.of("bob", "carol", "dave", "erin", "frank")))
                .contains("<code>@bob</code>", "@carol\n</code>", "@dave\n</code>", ">@erin</a>",
                        "<span class=\"mention\">@frank</span>")
                .containsOnlyOnce("class=\"mention\"");
    }

    @Test
    void mentionsAreListedOnceInOrderOfAppearance() {
        assertThat(markdown.mentions("@bob @carol @bob, @bob_x and *@dave*")).containsExactly("bob", "carol", "bob_x",
                "dave");
        assertThat(markdown.mentions(null)).isEmpty();
    }

    @Test
    void theAllowlistCatchesWhatItMust() {
        assertThat(unsafe("<p>hi</p>")).isNull();
        assertThat(unsafe("<p><img src=x onerror=y></p>")).isNotNull();
        assertThat(unsafe("<p><a href=\"javascript:x\">x</a></p>")).isNotNull();
        assertThat(unsafe("<p><a href=\"https://ok\" onclick=\"x\">x</a></p>")).isNotNull();
        assertThat(unsafe("<script>x</script>")).isNotNull();
    }

    @Test
    void rawHtmlShowsAsText() {
        assertThat(markdown.html("<script>window.__xss=1</script>"))
                .isEqualTo("<p>&lt;script&gt;window.__xss=1&lt;/script&gt;</p>");
        assertThat(markdown.html("a <b onclick=x>bold</b> word"))
                .isEqualTo("<p>a &lt;b onclick=x&gt;bold&lt;/b&gt; word</p>");
    }

    @Test
    void scriptLinksLeadNowhere() {
        assertThat(markdown.html("[x](javascript:alert(1))")).isEqualTo("<p><a rel=\"nofollow noopener\" href=\"\">x</a></p>");
        assertThat(markdown.html("[x](jav&#x61;script:alert(1))")).contains("href=\"\"");
        assertThat(markdown.html("[x](data:text/html,hi)")).contains("href=\"\"");
        assertThat(markdown.html("[x](vbscript:msgbox)")).contains("href=\"\"");
        assertThat(markdown.html("<javascript:alert(1)>")).doesNotContainIgnoringCase("href=\"javascript");
    }

    @Test
    void anImageIsALinkToItsAddressNotLoaded() {
        assertThat(markdown.html("![a cat](https://evil.example/cat.png)")).isEqualTo(
                "<p><a href=\"https://evil.example/cat.png\" class=\"image-link\" rel=\"nofollow noopener\">a cat</a></p>");
        assertThat(markdown.html("![](https://evil.example/cat.png)")).contains(">https://evil.example/cat.png</a>");
    }

    @Test
    void linksAreNofollowNoopenerWithoutTarget() {
        assertThat(markdown.html("[docs](https://example.com/a?b=1&c=2 \"Docs\")")).isEqualTo(
                "<p><a rel=\"nofollow noopener\" href=\"https://example.com/a?b=1&amp;c=2\" title=\"Docs\">docs</a></p>");
    }

    @Test
    void bareUrlsBecomeLinks() {
        assertThat(markdown.html("see https://example.com/x and www.example.org"))
                .contains("<a rel=\"nofollow noopener\" href=\"https://example.com/x\">https://example.com/x</a>")
                .contains("<a rel=\"nofollow noopener\" href=\"http://www.example.org\">www.example.org</a>");
    }

    @Test
    void emphasisListsAndCodeRender() {
        assertThat(markdown.html("*one* **two** `three`"))
                .isEqualTo("<p><em>one</em> <strong>two</strong> <code>three</code></p>");
        assertThat(markdown.html("- a\n- b")).isEqualTo("<ul>\n<li>a</li>\n<li>b</li>\n</ul>");
        assertThat(markdown.html("1. a\n2. b")).startsWith("<ol>");
        assertThat(markdown.html("```\nif (a < b) {}\n```")).isEqualTo("<pre><code>if (a &lt; b) {}\n</code></pre>");
    }

    @Test
    void tablesRender() {
        assertThat(markdown.html("| a | b |\n|---|---|\n| 1 | 2 |"))
                .startsWith("<table>").contains("<th>a</th>", "<td>2</td>");
    }

    @Test
    void aTypedLineBreakStaysALineBreak() {
        assertThat(markdown.html("line one\nline two")).isEqualTo("<p>line one<br>\nline two</p>");
    }

    /** What in the HTML is not on the allowlist, or null. */
    private static String unsafe(String html) {
        int at = 0;
        while ((at = html.indexOf('<', at)) >= 0) {
            Matcher tag = TAG.matcher(html).region(at, html.length());
            if (!tag.lookingAt()) {
                return "not a plain tag at " + at;
            }
            if (!ELEMENTS.contains(tag.group(2))) {
                return "element " + tag.group(2);
            }
            Matcher attribute = ATTRIBUTE.matcher(tag.group(3));
            while (attribute.find()) {
                if (!ATTRIBUTES.contains(attribute.group(1))) {
                    return "attribute " + attribute.group(1);
                }
                if (attribute.group(1).equals("href") && !SAFE_URL.matcher(attribute.group(2)).matches()) {
                    return "href " + attribute.group(2);
                }
            }
            at = tag.end();
        }
        return null;
    }

    @Test
    void noTextIsNothing() {
        assertThat(markdown.html(null)).isEmpty();
        assertThat(markdown.html("  \n ")).isEmpty();
    }
}
