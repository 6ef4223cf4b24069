package vn.bantin.cli;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine;
import vn.bantin.config.ConfigException;
import vn.bantin.delivery.EmailTemplateException;
import vn.bantin.report.ReportException;
import vn.bantin.run.NotReadyException;
import vn.bantin.run.SignatureException;
import vn.bantin.source.QualityGateException;
import vn.bantin.source.SourceException;
import vn.bantin.store.RenderBusyException;
import vn.bantin.store.StoreException;

/**
 * Turns what went wrong into one line for the person at the terminal. Expected failures (bad config, bad input,
 * a broken template) exit 2 with no stack trace; anything else exits 1, with the trace in the log.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler {
    static final int BAD_INPUT = 2;
    static final int FAILED = 1;
    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        if (e instanceof ConfigException || e instanceof SourceException || e instanceof ReportException
                || e instanceof EmailTemplateException || e instanceof QualityGateException || e instanceof NotReadyException
                || e instanceof IllegalArgumentException || e instanceof SignatureException) {
            cli.getErr().println("error: " + e.getMessage());
            return BAD_INPUT;
        }
        if (e instanceof StoreException || e instanceof RenderBusyException) {
            cli.getErr().println("error: " + e.getMessage());
            return FAILED;
        }
        if (e instanceof IOException || e instanceof UncheckedIOException) {
            cli.getErr().println("error: cannot read or write a file: " + e.getMessage());
            return FAILED;
        }
        LOG.error("unexpected failure", e);
        cli.getErr().println("error: unexpected failure (" + e + "); the log above has the details");
        return FAILED;
    }
}
