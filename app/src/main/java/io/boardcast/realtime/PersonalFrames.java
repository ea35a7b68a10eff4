package io.boardcast.realtime;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.thymeleaf.ITemplateEngine;

/**
 * Makes {@link PersonalFrame}s, rendered by the {@link PersonalRenderer} in one read-only transaction when first
 * sent. Without a renderer (a module left out), frames are empty.
 */
@Component
class PersonalFrames {

    /** Toasts a reconnecting personal stream gets at most; the rest are behind the bell. */
    static final int CATCH_UP = 5;

    /** What to render, returning the notification id it is about. */
    private interface Rendering {
        long render(PersonalRenderer renderer, PushedFragments fragments);
    }

    private final ITemplateEngine templates;
    private final TransactionTemplate readOnly;
    private final ObjectProvider<PersonalRenderer> renderer;

    PersonalFrames(ITemplateEngine templates, PlatformTransactionManager transactions,
            ObjectProvider<PersonalRenderer> renderer) {
        this.templates = templates;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.renderer = renderer;
    }

    /** The event's toast and the bell. */
    PersonalFrame of(PersonalEvent event) {
        return new PersonalFrame(() -> render((personal, fragments) -> {
            personal.render(event.username(), event.notificationId(), fragments);
            return event.notificationId();
        }));
    }

    /**
     * The bell, and toasts for what the person got after {@code afterId}; a stream that names no id (a page that
     * didn't know) gets the bell only.
     */
    PersonalFrame catchUp(String username, long afterId) {
        return new PersonalFrame(() -> render((personal, fragments) ->
                personal.catchUp(username, Math.max(afterId, 0), afterId < 0 ? 0 : CATCH_UP, fragments)));
    }

    private PersonalFrame.Rendered render(Rendering rendering) {
        PersonalRenderer personal = renderer.getIfAvailable();
        if (personal == null) {
            return new PersonalFrame.Rendered("", 0);
        }
        return readOnly.execute(status -> {
            PushedFragments fragments = new PushedFragments(templates);
            long id = rendering.render(personal, fragments);
            return new PersonalFrame.Rendered(fragments.html(), id);
        });
    }
}
