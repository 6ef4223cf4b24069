package vn.bantin.source;

/** Told how far reading has got, so that long files show progress. */
@FunctionalInterface
public interface SourceProgress {
    /** Called every so many rows and once at the end of each file ({@code done}). */
    void rows(String file, long rowsRead, long rowsRejected, boolean done);

    SourceProgress NONE = (f, r, j, d) -> { };
}
