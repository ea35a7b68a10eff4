package io.boardcast.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * While a store the request depends on is unreachable (Redis, which holds the sessions, or PostgreSQL), nobody can be
 * served properly, so such requests get a clear 503 page with Retry-After instead of a stack trace or a hang.
 * Ordered before Spring Session's filter, so it also sees failures to load or save the session; the page itself
 * needs no session and no database.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ServiceUnavailableFilter extends OncePerRequestFilter {

    /** How long a request waits for Redis to reconnect before it goes ahead (and, if Redis is still away, fails). */
    private static final Duration RECONNECT_GRACE = Duration.ofSeconds(2);

    private final ITemplateEngine templates;
    private final ObjectProvider<RedisConnectionState> redis;

    ServiceUnavailableFilter(ITemplateEngine templates, ObjectProvider<RedisConnectionState> redis) {
        this.templates = templates;
        this.redis = redis;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            RedisConnectionState state = redis.getIfAvailable();
            if (state != null && !state.awaitUp(RECONNECT_GRACE)) {
                unavailable(response);
                return;
            }
            chain.doFilter(request, response);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
        } catch (ServletException | RuntimeException failure) {
            if (!storeUnavailable(failure) || response.isCommitted()) {
                throw failure;
            }
            response.reset();
            unavailable(response);
        }
    }

    /** Static files need neither Redis nor the database (and the 503 page uses the stylesheet). */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/");
    }

    private void unavailable(HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader("Retry-After", "5");
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(templates.process("error/503", new Context(Locale.ENGLISH)));
    }

    /** A Redis or Lettuce failure, or a database that can't be reached, anywhere in the cause chain. */
    private static boolean storeUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String type = cause.getClass().getName();
            if (type.startsWith("org.springframework.data.redis.") || type.startsWith("io.lettuce.core.")
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
        }
        return false;
    }
}
