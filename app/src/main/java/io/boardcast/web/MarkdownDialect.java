package io.boardcast.web;

import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * {@code #markdown} in templates: {@code th:utext="${#markdown.html(comment.body)}"}. An expression object rather
 * than a bean reference, because pushed fragments are rendered outside any request, where {@code @beans} don't
 * resolve. {@code th:utext} is allowed on its output only; see {@link Markdown} for why it is safe.
 */
@Component
class MarkdownDialect extends AbstractDialect implements IExpressionObjectDialect {

    private static final Markdown MARKDOWN = new Markdown();

    MarkdownDialect() {
        super("markdown");
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of("markdown");
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return MARKDOWN;
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }
}
