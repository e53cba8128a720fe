package nl.doorstroom.governance;

import java.util.List;

import nl.doorstroom.progress.Colour;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;
import nl.doorstroom.supervision.StepKind;

/**
 * Which municipalities a table letter may go to, before the writer ticks them: every condition given must hold.
 *
 * @param province only this province's municipalities; null for any
 * @param colour only those with this colour in the running half-year; null for any
 * @param step only those whose open supervision case stands at this step; null for any
 * @param anyOpenCase only those with an open supervision case, whatever its step
 * @param codes only these municipalities (picked by hand); empty for any
 */
public record TableLetterSelection(ProvinceCode province, Colour colour, StepKind step, boolean anyOpenCase,
        List<MunicipalityCode> codes) {

    public TableLetterSelection {
        codes = codes == null ? List.of() : List.copyOf(codes);
    }

    /** No condition: every municipality the writer may write to. */
    public static TableLetterSelection everyone() {
        return new TableLetterSelection(null, null, null, false, List.of());
    }

    boolean admits(TableLetterFigures f, ProvinceCode itsProvince) {
        return (province == null || province.equals(itsProvince))
                && (colour == null || colour == f.colour())
                && (step == null || step == f.escalationStep())
                && (!anyOpenCase || f.escalationStep() != null)
                && (codes.isEmpty() || codes.contains(f.code()));
    }
}
