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

    @Transactional(readOnly = true)
    public boolean isBlocked(String username) {
        return recentFailures(username) >= maxFailures;
    }

    @Transactional
    public void failed(String username) {
        jdbc.sql("INSERT INTO login_failure (username) VALUES (:u)").param("u", normalise(username)).update();
        jdbc.sql("DELETE FROM login_failure WHERE failed_at < :before")
                .param("before", java.sql.Timestamp.from(Instant.now().minus(window.multipliedBy(4)))).update();
    }

    @Transactional
    public void succeeded(String username) {
        jdbc.sql("DELETE FROM login_failure WHERE username = :u").param("u", normalise(username)).update();
    }

    private long recentFailures(String username) {
        return jdbc.sql("SELECT count(*) FROM login_failure WHERE username = :u AND failed_at > :since")
                .param("u", normalise(username))
                .param("since", java.sql.Timestamp.from(Instant.now().minus(window)))
                .query(Long.class).single();
    }

    private static String normalise(String username) {
        var name = username == null ? "" : username.strip().toLowerCase();
        return name.length() > 80 ? name.substring(0, 80) : name;
    }
}
