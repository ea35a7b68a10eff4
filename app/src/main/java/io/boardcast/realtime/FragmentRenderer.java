package io.boardcast.realtime;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.thymeleaf.ITemplateEngine;

/**
 * Renders a logged event by asking the module that owns its kind; always from the current state, in one read-only
 * transaction. A kind nobody renders (say, a member leaving) pushes nothing visible. An activity page gets the line
 * its kind's renderer describes instead, drawn by the {@link ActivityRenderer}.
 */
@Component
class FragmentRenderer {

    private final ITemplateEngine templates;
    private final TransactionTemplate readOnly;
    private final Map<String, EventRenderer> byKind = new HashMap<>();
    private final List<ActivityRenderer> activity;
    private final Map<String, SignalRenderer> signalsByKind = new HashMap<>();

    FragmentRenderer(ITemplateEngine templates, PlatformTransactionManager transactions, List<EventRenderer> renderers) {
        this(templates, transactions, renderers, List.of(), List.of());
    }

    @Autowired
    FragmentRenderer(ITemplateEngine templates, PlatformTransactionManager transactions, List<EventRenderer> renderers,
            List<ActivityRenderer> activity, List<SignalRenderer> signals) {
        this.templates = templates;
        this.activity = activity;
        for (SignalRenderer signal : signals) {
            for (String kind : signal.kinds()) {
                SignalRenderer other = signalsByKind.putIfAbsent(kind, signal);
                if (other != null) {
                    throw new IllegalStateException("Two renderers for signal " + kind + ": " + other + " and " + signal);
                }
            }
        }
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        for (EventRenderer renderer : renderers) {
            for (String kind : renderer.kinds()) {
                EventRenderer other = byKind.putIfAbsent(kind, renderer);
                if (other != null) {
                    throw new IllegalStateException("Two renderers for " + kind + ": " + other + " and " + renderer);
                }
            }
        }
    }

    /** Total; throws only when the database can't be read. */
    String render(BoardEvent event, PageView view) {
        EventRenderer renderer = byKind.get(event.kind());
        if (renderer == null) {
            return "";
        }
        return readOnly.execute(status -> {
            PushedFragments fragments = new PushedFragments(templates);
            if (!view.activity()) {
                renderer.render(event, view, fragments);
            }
            if (view.activity() || (view.page() == PageView.Page.TASK && event.taskId() != 0)) {
                renderer.describe(event).ifPresent(line ->
                        activity.forEach(page -> page.render(event, line, view, fragments)));
            }
            return fragments.html();
        });
    }

    /** A signal's fragments; empty for a kind nobody renders. Total; throws only when the database can't be read. */
    String render(SignalEvent signal) {
        SignalRenderer renderer = signalsByKind.get(signal.kind());
        if (renderer == null) {
            return "";
        }
        return readOnly.execute(status -> {
            PushedFragments fragments = new PushedFragments(templates);
            renderer.render(signal.boardId(), signal.kind(), signal.payload(), fragments);
            return fragments.html();
        });
    }
}
