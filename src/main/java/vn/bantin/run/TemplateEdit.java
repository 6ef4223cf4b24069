package vn.bantin.run;

import java.util.List;

import vn.bantin.store.Candidate;
import vn.bantin.store.FileVersion;

/** What became of an editor's action on a template file; {@link #message()} is the sentence a page shows. */
public sealed interface TemplateEdit {
    String message();

    /** Checked without a problem and previewed: it may be published. */
    record Staged(Candidate candidate, CandidatePreview preview) implements TemplateEdit {
        public String message() {
            return "Candidate " + candidate.id() + " for templates/" + candidate.path() + " passed the check; look at the"
                    + " preview, then publish or discard it.";
        }
    }

    /**
     * The check found problems ({@code file:line: what}): nothing was written. {@code candidate} is the staged
     * candidate that cannot be published (null for a roll-back, which stages nothing).
     */
    record Problems(Candidate candidate, String path, List<String> problems) implements TemplateEdit {
        public String message() {
            return "templates/" + path + " cannot be published: the check found " + problems.size()
                    + (problems.size() == 1 ? " problem" : " problems") + "; fix "
                    + (problems.size() == 1 ? "it" : "them") + " and upload the file again.";
        }
    }

    /** Written into the templates folder and recorded as {@code version}. */
    record Published(FileVersion version) implements TemplateEdit {
        public String message() {
            return "templates/" + version.path() + " is now version " + version.version() + " (" + version.action()
                    + " by " + version.changedBy() + "); the next bulletin uses it.";
        }
    }

    record Discarded(Candidate candidate) implements TemplateEdit {
        public String message() {
            return "Candidate " + candidate.id() + " for templates/" + candidate.path() + " was discarded; the file is as it was.";
        }
    }

    /**
     * Not done, and why: a name outside the folder, a kind the editor does not take, a stale candidate. {@code key} and
     * {@code args}: the reason as a key of the console's labels and its values, for the page to word it (key null: a
     * reason another part of the program gives only as its sentence).
     */
    record Refused(String reason, String key, List<String> args) implements TemplateEdit {
        public Refused(String reason) {
            this(reason, null, List.of());
        }

        static Refused said(String reason, String key, Object... args) {
            return new Refused(reason, key, java.util.Arrays.stream(args).map(String::valueOf).toList());
        }

        public String message() {
            return reason;
        }
    }
}
