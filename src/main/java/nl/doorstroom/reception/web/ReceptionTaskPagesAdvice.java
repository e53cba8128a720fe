package nl.doorstroom.reception.web;

import nl.doorstroom.reception.ReceptionTasks;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every reception task page shares: whether the reader may import figures (for the section links). */
@ControllerAdvice(assignableTypes = ReceptionTaskPages.class)
class ReceptionTaskPagesAdvice {

    @ModelAttribute("mayImportReceptionFigures")
    boolean mayImportReceptionFigures() {
        return ReceptionTasks.mayImport();
    }
}
