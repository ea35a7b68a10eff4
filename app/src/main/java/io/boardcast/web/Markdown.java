package io.boardcast.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown that people type into task descriptions and comments, as HTML that is safe to put into a page unescaped.
 *
 * <p><b>Why its output may go into {@code th:utext}</b> (the one exception to "never {@code th:utext} on user text";
 * templates reach it only as {@code #markdown.html(...)}, see {@link MarkdownDialect}): every character of the input
 * reaches the output either escaped as text or as a tag the renderer itself writes. Raw HTML in the input, block or
 * inline, is escaped and shows as text ({@code escapeHtml}); link targets are limited to http, https, mailto and
 * relative addresses, anything else ({@code javascript:}, {@code data:}, {@code vbscript:}, ...) becomes an empty
 * href ({@code sanitizeUrls}); attribute values are escaped by the renderer's writer; links carry
 * {@code rel="nofollow noopener"} and no target; images are never loaded from wherever the text points: one is shown
 * as a link to its address, labelled with its alt text. So the output holds only CommonMark's own elements (p, em,
 * strong, code, pre, lists, blockquote, headings, hr, br, a, tables) with no event handler, style or script.
 * {@code MarkdownTest} runs an XSS corpus ({@code xss-corpus.txt} in test-support) through it.
 *
 * <p><b>Mentions.</b> {@code @name} ({@link MentionScanner} says what counts) in the text's prose, outside code spans,
 * code blocks and image descriptions, is a mention. {@link #mentions} lists the names; {@link #html(String,
 * Collection)} shows those of the given members as {@code <span class="mention">@name</span>}, a node of the parsed
 * document written by the renderer's own escaping writer (never a string spliced into HTML); any other name stays
 * plain text.
 *
 * <p>Parser and renderer are built once and are thread-safe.
 */
public final class Markdown {

    private static final List<Extension> EXTENSIONS = List.of(AutolinkExtension.create(), TablesExtension.create());

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();

    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
            // A line break typed in a comment stays a line break, as it was when comments were plain text.
            .softbreak("<br>\n")
            .attributeProviderFactory(context -> LINK_REL)
            .nodeRendererFactory(ImageAsLink::new)
            .nodeRendererFactory(MentionAsSpan::new)
            .build();

    /** Links are followed without passing on ranking or a handle on this window. */
    private static final AttributeProvider LINK_REL = (Node node, String tagName, Map<String, String> attributes) -> {
        if ((node instanceof Link || node instanceof Image) && "a".equals(tagName)) {
            attributes.remove("target");
            attributes.put("rel", "nofollow noopener");
        }
    };

    /** The text as HTML; nothing ("") for no text. Mentions stay plain text. */
    public String html(String text) {
        return html(text, null);
    }

    /**
     * The text as HTML, with mentions of {@code memberNames} (a board's members; null or empty for none)
     * highlighted; nothing ("") for no text.
     */
    public String html(String text, Collection<String> memberNames) {
        if (text == null || text.isBlank()) {
            return "";
        }
        Node document = parser.parse(text);
        if (memberNames != null && !memberNames.isEmpty()) {
            for (Text prose : prose(document)) {
                highlight(prose, memberNames);
            }
        }
        return renderer.render(document).strip();
    }

    /** The names mentioned in the text's prose, each once, in the order they first appear (members or not). */
    public Set<String> mentions(String text) {
        Set<String> names = new LinkedHashSet<>();
        if (text != null && !text.isBlank()) {
            for (Text prose : prose(parser.parse(text))) {
                MentionScanner.scan(prose.getLiteral()).forEach(found -> names.add(found.name()));
            }
        }
        return names;
    }

    /** The document's text nodes where a mention may be: not code (a node type of its own), nor an image's alt. */
    private static List<Text> prose(Node document) {
        List<Text> texts = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                texts.add(text);
            }

            @Override
            public void visit(Image image) {
                // Shown as the label of a link to its address: not prose of the comment.
            }
        });
        return texts;
    }

    /** Splits a text node around the mentions of members, which become {@link Mention} nodes. */
    private static void highlight(Text text, Collection<String> memberNames) {
        String literal = text.getLiteral();
        int done = 0;
        for (MentionScanner.Found found : MentionScanner.scan(literal)) {
            if (!memberNames.contains(found.name())) {
                continue;
            }
            if (found.start() > done) {
                text.insertBefore(new Text(literal.substring(done, found.start())));
            }
            text.insertBefore(new Mention(found.name()));
            done = found.end();
        }
        if (done > 0) {
            if (done < literal.length()) {
                text.setLiteral(literal.substring(done));
            } else {
                text.unlink();
            }
        }
    }

    /** A mention of a board member in the parsed document. */
    private static final class Mention extends CustomNode {

        private final String name;

        Mention(String name) {
            this.name = name;
        }
    }

    /** A member's mention as {@code <span class="mention">@name</span>}, its text escaped by the writer. */
    private static final class MentionAsSpan implements NodeRenderer {

        private final HtmlNodeRendererContext context;

        MentionAsSpan(HtmlNodeRendererContext context) {
            this.context = context;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Mention.class);
        }

        @Override
        public void render(Node node) {
            context.getWriter().tag("span", Map.of("class", "mention"));
            context.getWriter().text("@" + ((Mention) node).name);
            context.getWriter().tag("/span");
        }
    }

    /** An image as a link to its address, labelled with its alt text (or the address): nothing is loaded. */
    private static final class ImageAsLink implements NodeRenderer {

        private final HtmlNodeRendererContext context;

        ImageAsLink(HtmlNodeRendererContext context) {
            this.context = context;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Image.class);
        }

        @Override
        public void render(Node node) {
            Image image = (Image) node;
            String url = context.urlSanitizer().sanitizeLinkUrl(image.getDestination());
            StringBuilder alt = new StringBuilder();
            image.accept(new AbstractVisitor() {
                @Override
                public void visit(Text text) {
                    alt.append(text.getLiteral());
                }

                @Override
                public void visit(Code code) {
                    alt.append(code.getLiteral());
                }
            });
            Map<String, String> attributes = new java.util.LinkedHashMap<>();
            attributes.put("href", context.encodeUrl(url));
            attributes.put("class", "image-link");
            if (image.getTitle() != null) {
                attributes.put("title", image.getTitle());
            }
            context.getWriter().tag("a", context.extendAttributes(image, "a", attributes));
            context.getWriter().text(alt.isEmpty() ? url : alt.toString());
            context.getWriter().tag("/a");
        }
    }
}
