package nl.doorstroom.permitholders;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.CurrentUser;
import nl.doorstroom.identity.Role;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The managed list of reasons a link can be cancelled with. Reasons are added or retired, never
 * deleted, so that every cancellation keeps a reason that can be counted.
 */
@Service
public class LinkCancelReasons {

    /** Roles that keep the list. */
    public static final Set<Role> KEEPERS = Set.of(Role.COA_PLANNER, Role.ADMINISTRATOR);

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    LinkCancelReasons(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public static boolean mayKeep() {
        return CurrentUser.get().map(u -> KEEPERS.contains(u.role())).orElse(false);
    }

    @Transactional(readOnly = true)
    public List<LinkCancelReason> all() {
        return jdbc.sql("SELECT code, label_nl, label_en, active, position FROM link_cancel_reason ORDER BY position, code")
                .query((rs, n) -> new LinkCancelReason(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getBoolean(4), rs.getInt(5)))
                .list();
    }

    @Transactional(readOnly = true)
    public List<LinkCancelReason> active() {
        return all().stream().filter(LinkCancelReason::active).toList();
    }

    boolean isActive(String code) {
        return jdbc.sql("SELECT count(*) FROM link_cancel_reason WHERE code = :code AND active").param("code", code)
                .query(Long.class).single() > 0;
    }

    @Transactional
    public LinkCancelReason add(String code, String labelNl, String labelEn) {
        requireKeeper();
        var clean = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        var problems = new ArrayList<Problem>();
        if (!CODE.matcher(clean).matches()) {
            problems.add(Problem.of("code", "cancelReason.code.format"));
        }
        else if (jdbc.sql("SELECT count(*) FROM link_cancel_reason WHERE code = :code").param("code", clean)
                .query(Long.class).single() > 0) {
            problems.add(Problem.of("code", "cancelReason.code.exists", clean));
        }
        for (var label : List.of(new String[] { "labelNl", labelNl }, new String[] { "labelEn", labelEn })) {
            if (label[1] == null || label[1].isBlank()) {
                problems.add(Problem.of(label[0], "cancelReason.label.missing"));
            }
            else if (label[1].strip().length() > 200) {
                problems.add(Problem.of(label[0], "cancelReason.label.tooLong", 200));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        int position = jdbc.sql("SELECT coalesce(max(position), 0) + 1 FROM link_cancel_reason WHERE code <> 'OTHER'")
                .query(Integer.class).single();
        jdbc.sql("INSERT INTO link_cancel_reason (code, label_nl, label_en, position) VALUES (:c, :nl, :en, :p)")
                .param("c", clean).param("nl", labelNl.strip()).param("en", labelEn.strip()).param("p", position).update();
        audit.recordChange("cancel-reason.added", "link-cancel-reason", clean, null);
        return new LinkCancelReason(clean, labelNl.strip(), labelEn.strip(), true, position);
    }

    /** Retires or restores a reason; links cancelled with it keep it. */
    @Transactional
    public void setActive(String code, boolean active) {
        requireKeeper();
        if ("OTHER".equals(code) && !active) {
            throw InvalidInput.of("code", "cancelReason.other.required");
        }
        int updated = jdbc.sql("UPDATE link_cancel_reason SET active = :a WHERE code = :c").param("a", active)
                .param("c", code).update();
        if (updated == 0) {
            throw InvalidInput.of("code", "cancelReason.code.unknown", code);
        }
        audit.recordChange(active ? "cancel-reason.restored" : "cancel-reason.retired", "link-cancel-reason", code, null);
    }

    private static void requireKeeper() {
        if (!mayKeep()) {
            throw new AccessDeniedException("Only COA planners and administrators keep the list of cancel reasons");
        }
    }
}
