package io.boardcast.reminder;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

@Controller
@RequestMapping("/notifications")
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    String list(Principal principal, Model model) {
        model.addAttribute("notifications", notifications.of(principal.getName()));
        return "reminder/notifications";
    }

    @PostMapping("/{id}/read")
    String markRead(@PathVariable long id, Principal principal) {
        notifications.markRead(id, principal.getName());
        return "redirect:/notifications";
    }

    @PostMapping("/read")
    String markAllRead(Principal principal) {
        notifications.markAllRead(principal.getName());
        return "redirect:/notifications";
    }
}
