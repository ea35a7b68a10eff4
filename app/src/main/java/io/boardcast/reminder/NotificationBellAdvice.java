package io.boardcast.reminder;

import java.security.Principal;
import org.thymeleaf.context.LazyContextVariable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The bell's unread count in the layout's header, and where the page's personal stream starts. */
@ControllerAdvice
class NotificationBellAdvice {

    private final Notifications notifications;

    NotificationBellAdvice(Notifications notifications) {
        this.notifications = notifications;
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

    /**
     * The person's newest notification when the page was rendered: a personal stream opened from the page shows
     * what came after it. Lazy, like the count.
     */
    @ModelAttribute("lastNotificationId")
    LazyContextVariable<Long> lastNotificationId(Principal principal) {
        return principal == null ? null : new LazyContextVariable<>() {
            @Override
            protected Long loadValue() {
                return notifications.lastId(principal.getName());
            }
        };
    }
}
