package io.boardcast;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class BoardcastApplication {

    static {
        // Hikari skips its liveness check for a connection used in the last 500 ms. Check every time (a round trip
        // of well under a millisecond), so a connection the database dropped (a restart, a failover, an operator's
        // pg_terminate_backend) is replaced before a request gets it, instead of failing that request.
        if (System.getProperty("com.zaxxer.hikari.aliveBypassWindowMs") == null) {
            System.setProperty("com.zaxxer.hikari.aliveBypassWindowMs", "0");
        }
    }

    public static void main(String[] args) {
        SpringApplication.run(BoardcastApplication.class, args);
    }

    /** The one source of "now"; tests supply their own to move time instead of waiting. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
