package io.boardcast.web;

import io.boardcast.reminder.Notifications;
import java.security.Principal;
import org.thymeleaf.context.LazyContextVariable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout shows on every page. */
@ControllerAdvice
class LayoutAdvice {

    private final Notifications notifications;

    LayoutAdvice(Notifications notifications) {
        this.notifications = notifications;
    }

    @ModelAttribute("currentUser")
    String currentUser(Principal principal) {
        return principal == null ? null : principal.getName();
    }

    /**
     * The bell's count in the header; lazy, so only a rendered layout queries it (not an htmx fragment, a redirect
     * or an event stream).
     */
    @ModelAttribute("unreadNotifications")
    LazyContextVariable<Long> unreadNotifications(Principal principal) {
        return principal == null ? null : new LazyContextVariable<>() {
            @Override
            protected Long loadValue() {
                return notifications.unread(principal.getName());
            }
        };
    }
}
