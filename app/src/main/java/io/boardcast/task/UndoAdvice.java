package io.boardcast.task;

import io.boardcast.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.security.Principal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * After a plain form's change (no htmx), the page its redirect lands on offers the undo: the offer waits in the
 * session (shared by every instance) for the next full page, which shows it while its ten seconds last. Not a flash
 * attribute: a redirect nobody followed would leave its flash map to hide another page's message.
 */
@ControllerAdvice
class UndoAdvice {

    private static final String PENDING = UndoAdvice.class.getName() + ".pending";

    /** Which undo, and where its plain form returns to. */
    record Pending(long undoId, String back) implements Serializable {
    }

    private final Undos undos;

    UndoAdvice(Undos undos) {
        this.undos = undos;
    }

    /** Offers the undo on the next full page this session gets (nothing when there is nothing to undo). */
    static void offerNext(HttpServletRequest request, UndoOffer undo) {
        if (undo != null) {
            request.getSession().setAttribute(PENDING, new Pending(undo.id(), undo.back()));
        }
    }

    @ModelAttribute
    void pendingUndo(HttpServletRequest request, Principal principal, Model model) {
        HttpSession session = request.getSession(false);
        if (session == null || principal == null || !"GET".equals(request.getMethod()) || Htmx.isRequest(request)
                || request.getRequestURI().endsWith("/events")) {
            return;
        }
        if (session.getAttribute(PENDING) instanceof Pending pending) {
            session.removeAttribute(PENDING);
            undos.offer(pending.undoId(), principal.getName(), pending.back())
                    .ifPresent(offer -> model.addAttribute("undo", offer));
        }
    }
}
