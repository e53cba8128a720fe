package nl.doorstroom.identity.web;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;

import nl.doorstroom.identity.Account;
import nl.doorstroom.identity.AccountAdministration;
import nl.doorstroom.identity.AccountAdministration.AccountForm;
import nl.doorstroom.identity.ApiTokens;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.AuditTrail.AuditQuery;
import nl.doorstroom.identity.KnownAreas;
import nl.doorstroom.identity.Role;
import nl.doorstroom.identity.Scope;
import nl.doorstroom.identity.ScopeKind;
import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's pages: accounts with their role and scope, API tokens, the audit trail.
 */
@Controller
class AdministrationPages {

    /** What the account form posts; the scope fields that apply depend on the role. */
    record AccountFields(String username, String displayName, Role role, String province, String municipality,
            String organisation, List<String> served, Boolean enabled) {

        static AccountFields of(Account account) {
            var scope = account.scope();
            return new AccountFields(account.username(), account.displayName(), account.role(),
                    scope.province() == null ? null : scope.province().value(),
                    scope.kind() == ScopeKind.MUNICIPALITY ? scope.municipality().value() : null,
                    scope.organisation(),
                    scope.kind() == ScopeKind.ORGANISATION
                            ? scope.municipalities().stream().map(MunicipalityCode::value).toList() : List.of(),
                    account.enabled());
        }

        static AccountFields empty() {
            return new AccountFields("", "", Role.MUNICIPALITY_OFFICER, null, null, null, List.of(), true);
        }
    }

    private final AccountAdministration administration;
    private final ApiTokens tokens;
    private final AuditTrail audit;
    private final KnownAreas areas;

    AdministrationPages(AccountAdministration administration, ApiTokens tokens, AuditTrail audit, KnownAreas areas) {
        this.administration = administration;
        this.tokens = tokens;
        this.audit = audit;
        this.areas = areas;
    }

    @GetMapping("/admin/accounts")
    String accounts(Model model) {
        model.addAttribute("accounts", administration.accounts());
        return "identity/accounts";
    }

    @GetMapping("/admin/accounts/new")
    String newAccount(Model model) {
        return accountForm(model, null, AccountFields.empty(), List.of());
    }

    @PostMapping("/admin/accounts/new")
    String create(AccountFields fields, @RequestParam(defaultValue = "") String password, Model model) {
        try {
            var account = administration.create(form(fields), password);
            return "redirect:/admin/accounts/" + account.id() + "?created";
        }
        catch (InvalidInput e) {
            return accountForm(model, null, fields, e.problems());
        }
    }

    @GetMapping("/admin/accounts/{id}")
    String account(@PathVariable long id, Model model) {
        var account = find(id);
        model.addAttribute("tokens", tokens.all().stream().filter(t -> t.accountId() == id).toList());
        return accountForm(model, account, AccountFields.of(account), List.of());
    }

    @PostMapping("/admin/accounts/{id}")
    String change(@PathVariable long id, @RequestParam int version, AccountFields fields, Model model) {
        var account = find(id);
        try {
            administration.change(id, version, form(fields));
            return "redirect:/admin/accounts/" + id + "?saved";
        }
        catch (InvalidInput e) {
            // Keep the version the user's edit was based on, so a later save still detects a conflict.
            model.addAttribute("version", version);
            return accountForm(model, account, fields, e.problems());
        }
        catch (EditConflict e) {
            model.addAttribute("conflict", true);
            return accountForm(model, find(id), fields, List.of());
        }
    }

    @PostMapping("/admin/accounts/{id}/password")
    String resetPassword(@PathVariable long id, @RequestParam(defaultValue = "") String password, Model model) {
        var account = find(id);
        try {
            administration.resetPassword(id, password);
            return "redirect:/admin/accounts/" + id + "?passwordReset";
        }
        catch (InvalidInput e) {
            return accountForm(model, account, AccountFields.of(account), e.problems());
        }
    }

    @GetMapping("/admin/tokens")
    String tokens(Model model) {
        model.addAttribute("tokens", tokens.all());
        model.addAttribute("accounts", administration.accounts());
        model.addAttribute("now", java.time.Instant.now());
        return "identity/tokens";
    }

    @PostMapping("/admin/tokens")
    String issue(@RequestParam(required = false) Long accountId, @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) Integer validDays, Model model) {
        try {
            if (accountId == null) {
                throw InvalidInput.of("accountId", "account.unknown", "");
            }
            // Shown in this answer and nowhere else: not through a redirect, which would park the
            // secret in the (database-backed) session.
            model.addAttribute("issued", tokens.issue(accountId, name, validDays));
            return tokens(model);
        }
        catch (InvalidInput e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("chosenAccount", accountId);
            model.addAttribute("tokenName", name);
            model.addAttribute("validDays", validDays);
            return tokens(model);
        }
    }

    @PostMapping("/admin/tokens/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(id);
        redirect.addFlashAttribute("revoked", id);
        return "redirect:/admin/tokens";
    }

    @GetMapping("/admin/audit")
    String audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String subjectType,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page, Model model) {
        var query = new AuditQuery(actor, action, subjectType, from, to);
        model.addAttribute("query", query);
        model.addAttribute("result", audit.search(query, page, 50));
        return "identity/audit";
    }

    private Account find(long id) {
        return administration.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String accountForm(Model model, Account account, AccountFields fields, List<Problem> problems) {
        model.addAttribute("account", account);
        model.addAttribute("fields", fields);
        model.addAttribute("roles", Role.values());
        model.addAttribute("provinces", areas.provinceAreas());
        model.addAttribute("municipalities", areas.municipalityAreas());
        model.addAttribute("problems", problems);
        if (account != null && !model.containsAttribute("version")) {
            model.addAttribute("version", account.version());
        }
        return "identity/account";
    }

    /** Builds the scope the role needs from the posted fields; a missing part is a named problem. */
    private static AccountForm form(AccountFields fields) {
        if (fields.role() == null) {
            throw InvalidInput.of("role", "account.role.required");
        }
        Scope scope;
        try {
            scope = switch (fields.role().scopeKind()) {
                case NATION -> Scope.nation();
                case PROVINCE -> Scope.province(ProvinceCode.of(blankToNull(fields.province())));
                case MUNICIPALITY -> Scope.municipality(MunicipalityCode.of(blankToNull(fields.municipality())));
                case ORGANISATION -> Scope.organisation(fields.organisation(),
                        fields.served() == null ? new TreeSet<>() : new TreeSet<>(fields.served().stream()
                                .filter(s -> !s.isBlank()).map(MunicipalityCode::of).toList()));
            };
        }
        catch (NullPointerException | IllegalArgumentException e) {
            throw InvalidInput.of("scope", "account.scope.incomplete." + fields.role().scopeKind().name());
        }
        // An unticked checkbox sends nothing: absent means disabled.
        return new AccountForm(fields.username() == null ? null : fields.username().strip(), fields.displayName(),
                fields.role(), scope, Boolean.TRUE.equals(fields.enabled()));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
