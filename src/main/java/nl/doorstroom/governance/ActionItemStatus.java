package nl.doorstroom.governance;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an action item stands. Open and in progress count as open (on the work list and the next agenda);
 * done and cancelled close it. A closed item may be reopened, when the table finds it was not finished.
 */
public enum ActionItemStatus {

    OPEN, IN_PROGRESS, DONE, CANCELLED;

    public boolean isOpen() {
        return this == OPEN || this == IN_PROGRESS;
    }

    /** The statuses this one may move to: any other open or closing status; a closed item only back to open. */
    public Set<ActionItemStatus> next() {
        if (isOpen()) {
            var next = EnumSet.allOf(ActionItemStatus.class);
            next.remove(this);
            return next;
        }
        return EnumSet.of(OPEN);
    }

    public boolean mayMoveTo(ActionItemStatus target) {
        return target != null && next().contains(target);
    }

    public String messageKey() {
        return "governance.action.status." + name();
    }
}
