package io.boardcast.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The one credential for the actuator's endpoints other than health (metrics, prometheus), sent with HTTP Basic by
 * whoever scrapes them. Accounts are open to anyone who signs up, so "signed in" cannot be what guards them.
 *
 * @param username the operator's user name
 * @param password the operator's password; empty (the default) closes those endpoints to everyone
 */
@ConfigurationProperties("boardcast.operator")
public record OperatorProperties(String username, String password) {

    boolean enabled() {
        return password != null && !password.isEmpty();
    }
}
