package io.boardcast.reminder;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
@RequestMapping("/notifications")
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    String list(@RequestParam(required = false) Long before, Principal principal, Model model) {
        NotificationPage page = notifications.page(principal.getName(), before);
        model.addAttribute("notifications", page);
        model.addAttribute("boardNames", notifications.boardNames(page));
        return "reminder/notifications";
    }

    @PostMapping("/{id}/read")
    String markRead(@PathVariable long id, @RequestParam(required = false) Long before, Principal principal) {
        notifications.markRead(id, principal.getName());
        return before == null ? "redirect:/notifications" : "redirect:/notifications?before=" + before;
    }

    @PostMapping("/read")
    String markAllRead(Principal principal) {
        notifications.markAllRead(principal.getName());
        return "redirect:/notifications";
    }
}
