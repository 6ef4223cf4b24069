package vn.bantin.run;

import java.nio.file.Path;

import vn.bantin.source.SourceProgress;

/** Told of a run's progress, so that a person watching sees it move. */
public interface RunListener extends SourceProgress {

    void rendered(Path file);

    void delivered(String recipient, String where);
}
