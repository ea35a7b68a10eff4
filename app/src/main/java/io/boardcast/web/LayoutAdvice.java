package io.boardcast.web;

import io.boardcast.reminder.Notifications;
import java.security.Principal;
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

    /** The bell's count in the header. */
    @ModelAttribute("unreadNotifications")
    Long unreadNotifications(Principal principal) {
        return principal == null ? null : notifications.unread(principal.getName());
    }
}
