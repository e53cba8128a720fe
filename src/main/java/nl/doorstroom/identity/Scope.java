package nl.doorstroom.identity;

import java.io.Serializable;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;

/**
 * The part of the country whose scoped data a user may see: the nation, one province (its
 * municipalities), one municipality, or an organisation such as a housing corporation with the
 * municipalities it serves.
 */
public record Scope(ScopeKind kind, ProvinceCode province, SortedSet<MunicipalityCode> municipalities,
        String organisation) implements Serializable {

    public Scope {
        Objects.requireNonNull(kind, "kind");
        municipalities = municipalities == null ? new TreeSet<>() : new TreeSet<>(municipalities);
        switch (kind) {
            case NATION -> {
                if (province != null || !municipalities.isEmpty()) {
                    throw new IllegalArgumentException("A national scope names no province or municipality");
                }
            }
            case PROVINCE -> Objects.requireNonNull(province, "A province scope needs a province");
            case MUNICIPALITY -> {
                if (municipalities.size() != 1) {
                    throw new IllegalArgumentException("A municipality scope names exactly one municipality");
                }
            }
            case ORGANISATION -> {
                if (organisation == null || organisation.isBlank()) {
                    throw new IllegalArgumentException("An organisation scope needs the organisation's name");
                }
                if (municipalities.isEmpty()) {
                    throw new IllegalArgumentException("An organisation scope needs the municipalities it serves");
                }
            }
        }
    }

    public static Scope nation() {
        return new Scope(ScopeKind.NATION, null, null, null);
    }

    public static Scope province(ProvinceCode province) {
        return new Scope(ScopeKind.PROVINCE, province, null, null);
    }

    public static Scope municipality(MunicipalityCode municipality) {
        return new Scope(ScopeKind.MUNICIPALITY, null, new TreeSet<>(Set.of(municipality)), null);
    }

    public static Scope organisation(String name, Set<MunicipalityCode> served) {
        return new Scope(ScopeKind.ORGANISATION, null, new TreeSet<>(served), name);
    }

    /** The one municipality of a municipality scope; null for other kinds. */
    public MunicipalityCode municipality() {
        return kind == ScopeKind.MUNICIPALITY ? municipalities.first() : null;
    }

    /**
     * Whether scoped data of a municipality (for example its households) is visible in this scope.
     *
     * @param municipality the municipality the data belongs to
     * @param itsProvince the province that municipality lies in
     */
    public boolean covers(MunicipalityCode municipality, ProvinceCode itsProvince) {
        return switch (kind) {
            case NATION -> true;
            case PROVINCE -> province.equals(itsProvince);
            case MUNICIPALITY, ORGANISATION -> municipalities.contains(municipality);
        };
    }

    /** Whether this scope covers a whole province (only a national or that province's scope does). */
    public boolean coversProvince(ProvinceCode other) {
        return kind == ScopeKind.NATION || (kind == ScopeKind.PROVINCE && province.equals(other));
    }
}
