package vn.bantin.run;

import java.util.List;

import vn.bantin.delivery.RecipientTable;
import vn.bantin.store.FileVersion;

/** What became of a change to the recipients list; {@link #message()} is the sentence a page shows. */
public sealed interface RecipientsEdit {
    String message();

    /** Written, and recorded as {@code version}; the previous list is kept as the version before it. */
    record Saved(FileVersion version, int rows) implements RecipientsEdit {
        public String message() {
            return "recipients.csv saved with " + rows + (rows == 1 ? " recipient" : " recipients") + " as version "
                    + version.version() + " (" + version.action() + " by " + version.changedBy() + ").";
        }
    }

    /** Nothing was written: each problem names its row or line, its field and what to do. */
    record Refused(List<RecipientTable.Problem> problems) implements RecipientsEdit {
        public String message() {
            return "recipients.csv was not changed: " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                    + " to fix first (" + problems.get(0).sentence() + (problems.size() > 1 ? "; …" : "") + ").";
        }
    }
}
