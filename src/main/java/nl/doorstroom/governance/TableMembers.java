package nl.doorstroom.governance;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import nl.doorstroom.identity.CurrentUser;
import nl.doorstroom.identity.DoorstroomUser;
import nl.doorstroom.identity.Role;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who does what with the table's meetings and action items. The chair's side (coordination centre, ministry,
 * administrators) records and edits meetings and items. The parties at the table (those roles plus COA and the
 * provinces) read everything, the minutes included. A municipality officer or housing corporation reads the
 * public parts of meetings (date, title, participants, agenda, decisions; not the minutes) and only the action
 * items its own organisation owns. Whoever's organisation owns an item may change its status.
 *
 * <p>The organisation of a user, for "my" work list, follows from role and scope: a COA planner is COA; the
 * national coordinator the coordination centre; a ministry analyst any of the three ministries at the table
 * (JenV, BZK, SZW: the role does not say which); a province supervisor the province (and IPO for the provinces
 * together); a municipality officer the municipality; a housing corporation the organisation of its scope; an
 * administrator none.
 */
public final class TableMembers {

    /** Roles that record and edit meetings and action items. */
    public static final Set<Role> EDITORS = Set.of(Role.NATIONAL_COORDINATOR, Role.MINISTRY_ANALYST,
            Role.ADMINISTRATOR);

    /** Roles that read all meetings (with minutes) and all action items. */
    public static final Set<Role> MEMBERS = Set.of(Role.NATIONAL_COORDINATOR, Role.MINISTRY_ANALYST, Role.COA_PLANNER,
            Role.PROVINCE_SUPERVISOR, Role.ADMINISTRATOR);

    /** Roles that read at all: the members, and municipalities and corporations for their own part. */
    public static final Set<Role> READERS = Set.of(Role.values());

    public static final String JENV = "Ministerie van JenV";
    public static final String BZK = "Ministerie van BZK";
    public static final String SZW = "Ministerie van SZW";
    public static final String COA = "COA";
    public static final String COORDINATION_CENTRE = "Coördinatiecentrum";
    public static final String IPO = "IPO (provincies)";
    public static final String VNG = "VNG (gemeenten)";
    public static final String AEDES = "Aedes (woningcorporaties)";

    /** The organisations at the table (DOMAIN.md, parties), offered as choices; any other name may be typed. */
    public static final List<String> TABLE_ORGANISATIONS = List.of(JENV, BZK, SZW, COA, COORDINATION_CENTRE, IPO, VNG,
            AEDES);

    private TableMembers() {
    }

    public static boolean mayRead() {
        return CurrentUser.get().map(u -> READERS.contains(u.role())).orElse(false);
    }

    public static boolean mayEdit() {
        return CurrentUser.get().map(u -> EDITORS.contains(u.role())).orElse(false);
    }

    /** Whether the user reads the minutes and every action item (not only the own organisation's). */
    public static boolean seesEverything(DoorstroomUser user) {
        return MEMBERS.contains(user.role());
    }

    /** The organisation name of a province as items name it as owner. */
    public static String provinceOrganisation(String provinceName) {
        return "Provincie " + provinceName;
    }

    /** The organisation name of a municipality as items name it as owner. */
    public static String municipalityOrganisation(String municipalityName) {
        return "Gemeente " + municipalityName;
    }

    /**
     * The organisations whose action items are the user's own ("mine" on the work list, and the only ones a
     * municipality or corporation sees); the names of municipality and province come from the reference data.
     */
    public static Set<String> organisationsOf(DoorstroomUser user, Function<MunicipalityCode, String> municipalityName,
            Function<ProvinceCode, String> provinceName) {
        var names = new LinkedHashSet<String>();
        switch (user.role()) {
            case COA_PLANNER -> names.add(COA);
            case NATIONAL_COORDINATOR -> names.add(COORDINATION_CENTRE);
            case MINISTRY_ANALYST -> names.addAll(List.of(JENV, BZK, SZW));
            case PROVINCE_SUPERVISOR -> {
                names.add(provinceOrganisation(provinceName.apply(user.scope().province())));
                names.add(IPO);
            }
            case MUNICIPALITY_OFFICER -> names.add(municipalityOrganisation(
                    municipalityName.apply(user.scope().municipality())));
            case HOUSING_CORPORATION -> names.add(user.scope().organisation());
            case ADMINISTRATOR -> {
            }
        }
        return names;
    }

    static DoorstroomUser requireReader() {
        var user = CurrentUser.get().orElseThrow(() -> new AccessDeniedException("Not signed in"));
        if (!READERS.contains(user.role())) {
            throw new AccessDeniedException("This role does not see the table's work");
        }
        return user;
    }

    static DoorstroomUser requireEditor() {
        var user = requireReader();
        if (!EDITORS.contains(user.role())) {
            throw new AccessDeniedException("Only the coordination centre, the ministry and administrators record meetings");
        }
        return user;
    }
}
