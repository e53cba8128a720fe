package nl.doorstroom.identity;

import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Limits password guessing: after too many failures for one username within the window, further
 * attempts are refused until the window has passed. Counted in the database so that every
 * application node sees the same count.
 */
@Service
public class LoginThrottle {

    private final JdbcClient jdbc;
    private final int maxFailures;
    private final Duration window;

    LoginThrottle(JdbcClient jdbc, @Value("${doorstroom.login.max-failures:5}") int maxFailures,
            @Value("${doorstroom.login.window:15m}") Duration window) {
        this.jdbc = jdbc;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    /**
     * Admits a login attempt for a username, or refuses it while the username is blocked. An
     * admitted attempt counts as a failure until {@link #succeeded} clears it, so that parallel
     * guesses are counted before any of them is checked. Refused attempts are not counted: a
     * blocked account is free again when the window has passed.
     */
    @Transactional
    public boolean admit(String username) {
        var name = normalise(username);
        // One attempt at a time per username, across all application nodes.
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:u))").param("u", name).query((rs, n) -> 1).list();
        if (recentFailures(name) >= maxFailures) {
            return false;
        }
        jdbc.sql("INSERT INTO login_failure (username) VALUES (:u)").param("u", name).update();
        jdbc.sql("DELETE FROM login_failure WHERE failed_at < :before")
                .param("before", java.sql.Timestamp.from(Instant.now().minus(window.multipliedBy(4)))).update();
        return true;
    }

    @Transactional
    public void succeeded(String username) {
        jdbc.sql("DELETE FROM login_failure WHERE username = :u").param("u", normalise(username)).update();
    }

    private long recentFailures(String name) {
        return jdbc.sql("SELECT count(*) FROM login_failure WHERE username = :u AND failed_at > :since")
                .param("u", name)
                .param("since", java.sql.Timestamp.from(Instant.now().minus(window)))
                .query(Long.class).single();
    }

    private static String normalise(String username) {
        var name = username == null ? "" : username.strip().toLowerCase();
        return name.length() > 80 ? name.substring(0, 80) : name;
    }
}
