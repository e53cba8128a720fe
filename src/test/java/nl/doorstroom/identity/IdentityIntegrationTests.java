package nl.doorstroom.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.doorstroom.identity.AccountAdministration.AccountForm;
import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

@nl.doorstroom.IntegrationTest
class IdentityIntegrationTests {

    @Autowired
    AccountAdministration administration;

    @Autowired
    ApiTokens tokens;

    @Autowired
    LoginThrottle throttle;

    @Autowired
    AuditTrail audit;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    JdbcClient jdbc;

    @Test
    void storesPasswordsOnlyAsBcryptHashes() {
        var account = administration.create(form("hash-check", Role.MINISTRY_ANALYST, Scope.nation()),
                "a long enough password");

        var stored = jdbc.sql("SELECT password_hash FROM account WHERE id = :id").param("id", account.id())
                .query(String.class).single();

        assertThat(stored).startsWith("{bcrypt}$2").doesNotContain("a long enough password");
        assertThat(passwords.matches("a long enough password", stored)).isTrue();
    }

    @Test
    void refusesAScopeThatDoesNotFitTheRoleOrNamesAnUnknownArea() {
        assertThatThrownBy(() -> administration.create(form("wrong-scope", Role.MUNICIPALITY_OFFICER, Scope.nation()),
                "a long enough password"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .extracting(InvalidInput.Problem::messageKey).containsExactly("account.scope.mismatch"));
        assertThatThrownBy(() -> administration.create(form("unknown-area", Role.PROVINCE_SUPERVISOR,
                Scope.province(ProvinceCode.of("PV99"))), "short"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .extracting(InvalidInput.Problem::messageKey)
                        .containsExactly("account.scope.unknownProvince", "account.password.tooShort"));
    }

    @Test
    void aChangeBasedOnAStaleVersionIsRefused() {
        var account = administration.create(form("concurrent", Role.MUNICIPALITY_OFFICER,
                Scope.municipality(MunicipalityCode.of("GM0344"))), "a long enough password");
        administration.change(account.id(), account.version(), form("concurrent", Role.MUNICIPALITY_OFFICER,
                Scope.municipality(MunicipalityCode.of("GM0355"))));

        assertThatThrownBy(() -> administration.change(account.id(), account.version(), form("concurrent",
                Role.MUNICIPALITY_OFFICER, Scope.municipality(MunicipalityCode.of("GM0356")))))
                .isInstanceOf(EditConflict.class);
        assertThat(administration.find(account.id()).orElseThrow().scope().municipality().value()).isEqualTo("GM0355");
    }

    @Test
    void blocksAUsernameAfterFiveFailedLogins() {
        administration.create(form("guessed-at", Role.COA_PLANNER, Scope.nation()), "a long enough password");

        for (int i = 0; i < 5; i++) {
            assertThat(throttle.admit("guessed-at")).isTrue();
        }

        assertThat(throttle.admit("guessed-at")).isFalse();
        throttle.succeeded("guessed-at");
        assertThat(throttle.admit("guessed-at")).isTrue();
    }

    @Test
    void parallelGuessesAreCountedBeforeAnyIsChecked() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var attempts = new java.util.ArrayList<java.util.concurrent.Future<Boolean>>();
            for (int i = 0; i < 40; i++) {
                attempts.add(pool.submit(() -> throttle.admit("parallel-guess")));
            }
            long admitted = 0;
            for (var attempt : attempts) {
                admitted += attempt.get() ? 1 : 0;
            }

            assertThat(admitted).isEqualTo(5);
        }
        finally {
            pool.shutdown();
        }
    }

    @Test
    void anIssuedTokenActsAsItsAccountUntilRevoked() {
        var account = administration.create(form("api-client", Role.PROVINCE_SUPERVISOR,
                Scope.province(ProvinceCode.of("PV26"))), "a long enough password");
        var issued = tokens.issue(account.id(), "Provinciaal dashboard", 30);

        var user = tokens.authenticate(issued.secret());

        assertThat(user).get().extracting(DoorstroomUser::role).isEqualTo(Role.PROVINCE_SUPERVISOR);
        assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE token_hash = :s").param("s", issued.secret())
                .query(Long.class).single()).isZero();
        tokens.revoke(issued.token().id());
        assertThat(tokens.authenticate(issued.secret())).isEmpty();
        assertThat(tokens.authenticate(issued.secret() + "x")).isEmpty();
    }

    @Test
    void theAuditTrailIsAppendOnlyEvenForDirectSql() {
        audit.record("tester", "test.recorded", "test", 1, null);

        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET actor = 'someone else'").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event").update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_event").update()).hasMessageContaining("append-only");
        assertThat(audit.search(new AuditTrail.AuditQuery("tester", "test.", null, null, null), 0, 10).total())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void auditsEveryAccountChangeWithTheActor() {
        var account = administration.create(form("audited", Role.COA_PLANNER, Scope.nation()), "a long enough password");
        administration.resetPassword(account.id(), "another long password");

        var rows = audit.search(new AuditTrail.AuditQuery(null, "account.", "account", null, null), 0, 200).events()
                .stream().filter(e -> String.valueOf(account.id()).equals(e.subjectId())).toList();

        assertThat(rows).extracting(AuditTrail.AuditEvent::action)
                .containsExactly("account.password-reset", "account.created");
        assertThat(rows).allSatisfy(e -> assertThat(e.detail() == null ? "" : e.detail()).doesNotContain("password"));
    }

    static AccountForm form(String username, Role role, Scope scope) {
        return new AccountForm(username, "Test " + username, role, scope, true);
    }
}
