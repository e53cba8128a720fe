package nl.doorstroom.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Accounts {

    private static final String SELECT = """
            SELECT a.id, a.username, a.display_name, a.password_hash, a.role, a.scope_kind, a.scope_code,
                   a.organisation, a.enabled, a.created_at, a.version,
                   (SELECT string_agg(m.municipality_code, ',' ORDER BY m.municipality_code)
                      FROM account_municipality m WHERE m.account_id = a.id) AS served
            FROM account a""";

    record StoredAccount(Account account, String passwordHash) {
    }

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Account> all() {
        return jdbc.sql(SELECT + " ORDER BY a.username").query(Accounts::map).list()
                .stream().map(StoredAccount::account).toList();
    }

    Optional<StoredAccount> byUsername(String username) {
        return jdbc.sql(SELECT + " WHERE a.username = :username").param("username", username)
                .query(Accounts::map).optional();
    }

    Optional<StoredAccount> byId(long id) {
        return jdbc.sql(SELECT + " WHERE a.id = :id").param("id", id).query(Accounts::map).optional();
    }

    boolean exists(String username) {
        return jdbc.sql("SELECT count(*) FROM account WHERE username = :u").param("u", username)
                .query(Long.class).single() > 0;
    }

    long insert(String username, String displayName, String passwordHash, Role role, Scope scope) {
        long id = jdbc.sql("""
                INSERT INTO account (username, display_name, password_hash, role, scope_kind, scope_code, organisation)
                VALUES (:username, :displayName, :hash, :role, :kind, :code, :organisation) RETURNING id""")
                .params(Map.of("username", username, "displayName", displayName, "hash", passwordHash,
                        "role", role.name(), "kind", scope.kind().name()))
                .param("code", scopeCode(scope))
                .param("organisation", scope.organisation())
                .query(Long.class).single();
        writeServed(id, scope);
        return id;
    }

    /** Returns false when the version no longer matches: someone else changed the account. */
    boolean update(long id, int expectedVersion, String displayName, Role role, Scope scope, boolean enabled) {
        int rows = jdbc.sql("""
                UPDATE account SET display_name = :displayName, role = :role, scope_kind = :kind,
                       scope_code = :code, organisation = :organisation, enabled = :enabled, version = version + 1
                WHERE id = :id AND version = :version""")
                .param("displayName", displayName)
                .param("role", role.name())
                .param("kind", scope.kind().name())
                .param("code", scopeCode(scope))
                .param("organisation", scope.organisation())
                .param("enabled", enabled)
                .param("id", id)
                .param("version", expectedVersion)
                .update();
        if (rows == 1) {
            jdbc.sql("DELETE FROM account_municipality WHERE account_id = :id").param("id", id).update();
            writeServed(id, scope);
        }
        return rows == 1;
    }

    void updatePassword(long id, String passwordHash) {
        jdbc.sql("UPDATE account SET password_hash = :hash, version = version + 1 WHERE id = :id")
                .param("hash", passwordHash).param("id", id).update();
    }

    private void writeServed(long id, Scope scope) {
        if (scope.kind() != ScopeKind.ORGANISATION) {
            return;
        }
        for (var code : scope.municipalities()) {
            jdbc.sql("INSERT INTO account_municipality (account_id, municipality_code) VALUES (:id, :code)")
                    .param("id", id).param("code", code.value()).update();
        }
    }

    private static String scopeCode(Scope scope) {
        return switch (scope.kind()) {
            case NATION, ORGANISATION -> null;
            case PROVINCE -> scope.province().value();
            case MUNICIPALITY -> scope.municipalities().first().value();
        };
    }

    private static StoredAccount map(ResultSet rs, int row) throws SQLException {
        var kind = ScopeKind.valueOf(rs.getString("scope_kind"));
        var code = rs.getString("scope_code");
        var served = rs.getString("served");
        var scope = switch (kind) {
            case NATION -> Scope.nation();
            case PROVINCE -> Scope.province(ProvinceCode.of(code));
            case MUNICIPALITY -> Scope.municipality(MunicipalityCode.of(code));
            case ORGANISATION -> Scope.organisation(rs.getString("organisation"),
                    served == null ? new TreeSet<>() : java.util.Arrays.stream(served.split(","))
                            .map(MunicipalityCode::of).collect(Collectors.toCollection(TreeSet::new)));
        };
        var account = new Account(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), scope, rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toInstant(), rs.getInt("version"));
        return new StoredAccount(account, rs.getString("password_hash"));
    }
}
