package nl.doorstroom.coordination;

import java.time.LocalDate;

import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;

/**
 * A call or meeting of a coordinator with a party: who spoke to whom, when, and what came of it.
 *
 * @param municipality the municipality spoken to (party MUNICIPALITY), else null
 * @param province the province spoken to (PROVINCE, KINGS_COMMISSIONER), else null; for a corporation optional
 * @param partyName the housing corporation's name, else null
 * @param counterpart whom the coordinator spoke to (a function or a name)
 */
public record Contact(long id, Party party, MunicipalityCode municipality, ProvinceCode province, String partyName,
        Kind kind, LocalDate occurredOn, String coordinator, String counterpart, String outcome, int version) {

    public enum Party {
        MUNICIPALITY, PROVINCE, KINGS_COMMISSIONER, HOUSING_CORPORATION;

        public String messageKey() {
            return "coordination.party." + name();
        }
    }

    public enum Kind {
        CALL, MEETING;

        public String messageKey() {
            return "coordination.contactKind." + name();
        }
    }
}
