package io.boardcast.web;

import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IPostProcessorDialect;
import org.thymeleaf.postprocessor.IPostProcessor;
import org.thymeleaf.postprocessor.PostProcessor;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Strips the templates' indentation from everything the app renders in HTML: pages, htmx answers and pushed
 * fragments alike (see {@link CollapsedIndentation}); a move's push is a few hundred bytes, and indentation was a
 * good part of them.
 */
@Component
class IndentationDialect extends AbstractDialect implements IPostProcessorDialect {

    IndentationDialect() {
        super("indentation");
    }

    @Override
    public int getDialectPostProcessorPrecedence() {
        return 1000;
    }

    @Override
    public Set<IPostProcessor> getPostProcessors() {
        return Set.of(new PostProcessor(TemplateMode.HTML, CollapsedIndentation.class, 1000));
    }
}
