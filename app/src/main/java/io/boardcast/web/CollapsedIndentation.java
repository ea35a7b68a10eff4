package io.boardcast.web;

import java.util.Set;
import java.util.regex.Pattern;
import org.thymeleaf.engine.AbstractTemplateHandler;
import org.thymeleaf.model.ICloseElementTag;
import org.thymeleaf.model.IOpenElementTag;
import org.thymeleaf.model.IText;

/**
 * Collapses each run of whitespace that holds a line break to a single line break in what templates output: the
 * templates' indentation and blank lines, which every page and pushed fragment otherwise carries. Outside
 * {@code pre}, {@code textarea}, {@code script} and {@code style} a browser renders any such run as one space, so the
 * page looks the same; inside them text is left exactly as it is. Markdown that {@code th:utext} outputs comes here
 * parsed into elements (Thymeleaf parses it when post-processors are configured), so its code blocks are kept too.
 * Thymeleaf makes one of these per template it processes.
 */
public final class CollapsedIndentation extends AbstractTemplateHandler {

    private static final Set<String> VERBATIM = Set.of("pre", "textarea", "script", "style");
    private static final Pattern LINE_BREAK_RUN = Pattern.compile("[ \\t\\r\\f]*\\n[ \\t\\r\\n\\f]*");

    /** How many verbatim elements the current event is inside. */
    private int verbatim;

    @Override
    public void handleOpenElement(IOpenElementTag tag) {
        if (VERBATIM.contains(tag.getElementCompleteName().toLowerCase())) {
            verbatim++;
        }
        super.handleOpenElement(tag);
    }

    @Override
    public void handleCloseElement(ICloseElementTag tag) {
        if (verbatim > 0 && VERBATIM.contains(tag.getElementCompleteName().toLowerCase())) {
            verbatim--;
        }
        super.handleCloseElement(tag);
    }

    @Override
    public void handleText(IText text) {
        String content = text.getText();
        if (verbatim == 0 && content.indexOf('\n') >= 0) {
            String collapsed = LINE_BREAK_RUN.matcher(content).replaceAll("\n");
            if (collapsed.length() != content.length()) {
                super.handleText(getContext().getModelFactory().createText(collapsed));
                return;
            }
        }
        super.handleText(text);
    }
}
