package io.boardcast.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
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
            .build();

    /** Links are followed without passing on ranking or a handle on this window. */
    private static final AttributeProvider LINK_REL = (Node node, String tagName, Map<String, String> attributes) -> {
        if ((node instanceof Link || node instanceof Image) && "a".equals(tagName)) {
            attributes.remove("target");
            attributes.put("rel", "nofollow noopener");
        }
    };

    /** The text as HTML; nothing ("") for no text. */
    public String html(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        return renderer.render(parser.parse(text)).strip();
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
