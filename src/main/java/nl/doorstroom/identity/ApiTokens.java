package nl.doorstroom.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import nl.doorstroom.shared.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tokens with which API clients act as an account, with that account's role and scope. Only a
 * hash is stored; the token is shown once, when issued. An administrator issues and revokes them.
 */
@Service
public class ApiTokens {

    static final String PREFIX = "dst_";

    public record ApiToken(long id, long accountId, String username, String name, String prefix, Instant createdAt,
            String createdBy, Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {

        public boolean isActive(Instant now) {
            return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
        }
    }

    /** A token just issued: {@code secret} is the only time the token itself is available. */
    public record IssuedToken(ApiToken token, String secret) {
    }

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final AuditTrail audit;

    ApiTokens(JdbcClient jdbc, Accounts accounts, AuditTrail audit) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
    }

    @Transactional
    public IssuedToken issue(long accountId, String name, Integer validDays) {
        var account = accounts.byId(accountId)
                .orElseThrow(() -> InvalidInput.of("accountId", "account.unknown", accountId)).account();
        if (name == null || name.isBlank() || name.length() > 120) {
            throw InvalidInput.of("name", "token.name.required");
        }
        if (validDays != null && (validDays < 1 || validDays > 730)) {
            throw InvalidInput.of("validDays", "token.validDays.range", 1, 730);
        }
        var bytes = new byte[32];
        random.nextBytes(bytes);
        var secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var expires = validDays == null ? null : Instant.now().plus(validDays, ChronoUnit.DAYS);
        long id = jdbc.sql("""
                INSERT INTO api_token (account_id, name, token_hash, prefix, created_by, expires_at)
                VALUES (:account, :name, :hash, :prefix, :createdBy, :expires) RETURNING id""")
                .param("account", account.id())
                .param("name", name.strip())
                .param("hash", hash(secret))
                .param("prefix", secret.substring(0, 10))
                .param("createdBy", CurrentUser.actor())
                .param("expires", expires == null ? null : java.sql.Timestamp.from(expires))
                .query(Long.class).single();
        audit.recordChange("api-token.issued", "api-token", id,
                "account=" + account.id() + (validDays == null ? "" : " validDays=" + validDays));
        return new IssuedToken(find(id).orElseThrow(), secret);
    }

    @Transactional
    public void revoke(long id) {
        int rows = jdbc.sql("UPDATE api_token SET revoked_at = now() WHERE id = :id AND revoked_at IS NULL")
                .param("id", id).update();
        if (rows == 1) {
            audit.recordChange("api-token.revoked", "api-token", id, null);
        }
    }

    @Transactional(readOnly = true)
    public List<ApiToken> all() {
        return jdbc.sql(SELECT + " ORDER BY t.created_at DESC").query(this::map).list();
    }

    @Transactional(readOnly = true)
    public Optional<ApiToken> find(long id) {
        return jdbc.sql(SELECT + " WHERE t.id = :id").param("id", id).query(this::map).optional();
    }

    /** The user a presented token acts as, if the token is known, active and its account enabled. */
    @Transactional
    public Optional<DoorstroomUser> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100) {
            return Optional.empty();
        }
        var found = jdbc.sql("""
                SELECT t.id, t.account_id FROM api_token t JOIN account a ON a.id = t.account_id
                WHERE t.token_hash = :hash AND t.revoked_at IS NULL AND a.enabled
                  AND (t.expires_at IS NULL OR t.expires_at > now())""")
                .param("hash", hash(presented))
                .query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).optional();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        jdbc.sql("""
                UPDATE api_token SET last_used_at = now()
                WHERE id = :id AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')""")
                .param("id", found.get()[0]).update();
        return accounts.byId(found.get()[1]).map(stored -> stored.account().asUser());
    }

    private static final String SELECT = """
            SELECT t.id, t.account_id, a.username, t.name, t.prefix, t.created_at, t.created_by, t.expires_at,
                   t.revoked_at, t.last_used_at
            FROM api_token t JOIN account a ON a.id = t.account_id""";

    private ApiToken map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ApiToken(rs.getLong("id"), rs.getLong("account_id"), rs.getString("username"),
                rs.getString("name"), rs.getString("prefix"), instant(rs, "created_at"), rs.getString("created_by"),
                instant(rs, "expires_at"), instant(rs, "revoked_at"), instant(rs, "last_used_at"));
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static String hash(String secret) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
