package nl.doorstroom.municipalities;

import java.time.Instant;
import java.util.SortedSet;

import nl.doorstroom.shared.MunicipalityCode;

/**
 * A set of municipalities: one of COA's five linking regions, or a region a user defined.
 */
public record Region(long id, RegionKind kind, String code, String name, String description,
        SortedSet<MunicipalityCode> members, String createdBy, Instant createdAt, int version) {

    public enum RegionKind {
        /** COA links permit holders to municipalities within these (DOMAIN.md, Linking). */
        COA_LINKING,
        CUSTOM
    }

    public boolean isEditable() {
        return kind == RegionKind.CUSTOM;
    }
}
