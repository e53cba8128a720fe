package nl.doorstroom.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and changes accounts: role, scope, whether enabled, password. Every change is audited.
 */
@Service
public class AccountAdministration {

    /** At least 12 characters: NCSC guidance favours length over composition rules. */
    public static final int MINIMUM_PASSWORD_LENGTH = 12;

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,79}");

    /** What an administrator fills in for a new account or a change. */
    public record AccountForm(String username, String displayName, Role role, Scope scope, boolean enabled) {
    }

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final KnownAreas areas;
    private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;

    AccountAdministration(Accounts accounts, PasswordEncoder passwords, AuditTrail audit, KnownAreas areas,
            ObjectProvider<FindByIndexNameSessionRepository<?>> sessions) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.audit = audit;
        this.areas = areas;
        this.sessions = sessions;
    }

    @Transactional(readOnly = true)
    public List<Account> accounts() {
        return accounts.all();
    }

    @Transactional(readOnly = true)
    public Optional<Account> find(long id) {
        return accounts.byId(id).map(Accounts.StoredAccount::account);
    }

    @Transactional(readOnly = true)
    public boolean exists(String username) {
        return accounts.exists(username);
    }

    @Transactional
    public Account create(AccountForm form, String password) {
        var problems = check(form);
        if (form.username() == null || !USERNAME.matcher(form.username()).matches()) {
            problems.add(Problem.of("username", "account.username.invalid"));
        }
        else if (accounts.exists(form.username())) {
            problems.add(Problem.of("username", "account.username.taken", form.username()));
        }
        checkPassword(password, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long id = accounts.insert(form.username(), form.displayName().strip(), passwords.encode(password),
                form.role(), form.scope());
        audit.recordChange("account.created", "account", id,
                "role=" + form.role() + " scope=" + describe(form.scope()));
        return find(id).orElseThrow();
    }

    @Transactional
    public Account change(long id, int expectedVersion, AccountForm form) {
        var problems = check(form);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        if (!accounts.update(id, expectedVersion, form.displayName().strip(), form.role(), form.scope(),
                form.enabled())) {
            throw new EditConflict("account " + id);
        }
        audit.recordChange("account.changed", "account", id,
                "role=" + form.role() + " scope=" + describe(form.scope()) + " enabled=" + form.enabled());
        var changed = find(id).orElseThrow();
        signOut(changed.username());
        return changed;
    }

    @Transactional
    public void resetPassword(long id, String password) {
        var problems = new ArrayList<Problem>();
        checkPassword(password, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        accounts.byId(id).orElseThrow(() -> InvalidInput.of("id", "account.unknown", id));
        var account = accounts.byId(id).orElseThrow().account();
        accounts.updatePassword(id, passwords.encode(password));
        audit.recordChange("account.password-reset", "account", id, null);
        signOut(account.username());
    }

    /**
     * Ends the account's open sessions: they carry the role and scope of the moment of login. Done
     * in this transaction (the sessions live in the same database), so it holds only if the change does.
     */
    private void signOut(String username) {
        var repository = sessions.getIfAvailable();
        if (repository != null) {
            repository.findByPrincipalName(username).keySet().forEach(repository::deleteById);
        }
    }

    private List<Problem> check(AccountForm form) {
        var problems = new ArrayList<Problem>();
        if (form.displayName() == null || form.displayName().isBlank()) {
            problems.add(Problem.of("displayName", "account.displayName.required"));
        }
        if (form.role() == null) {
            problems.add(Problem.of("role", "account.role.required"));
            return problems;
        }
        if (form.scope() == null || form.scope().kind() != form.role().scopeKind()) {
            problems.add(Problem.of("scope", "account.scope.mismatch"));
            return problems;
        }
        var scope = form.scope();
        if (scope.province() != null && !areas.exists(scope.province())) {
            problems.add(Problem.of("scope", "account.scope.unknownProvince", scope.province().value()));
        }
        scope.municipalities().stream().filter(m -> !areas.exists(m))
                .forEach(m -> problems.add(Problem.of("scope", "account.scope.unknownMunicipality", m.value())));
        return problems;
    }

    private static void checkPassword(String password, List<Problem> problems) {
        if (password == null || password.length() < MINIMUM_PASSWORD_LENGTH) {
            problems.add(Problem.of("password", "account.password.tooShort", MINIMUM_PASSWORD_LENGTH));
        }
    }

    static String describe(Scope scope) {
        return switch (scope.kind()) {
            case NATION -> "nation";
            case PROVINCE -> "province:" + scope.province().value();
            case MUNICIPALITY -> "municipality:" + scope.municipalities().first().value();
            case ORGANISATION -> "organisation:" + scope.municipalities().size() + " municipalities";
        };
    }
}
