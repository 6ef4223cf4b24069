package vn.bantin.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.bantin.sign.SignatureReport;
import vn.bantin.sign.SignatureVerifier;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check the digital signature of a bulletin PDF: who signed it and when, and whether the document was"
                + " changed since. Exit 0 when the signature is valid, 1 when it is not or there is none, 2 when the file"
                + " cannot be read.")
final class VerifyCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE.pdf", description = "the signed PDF")
    private Path file;

    @Option(names = "--trust", paramLabel = "CA.pem", description = "the CA certificate(s) the signer's chain must end at"
            + " (PEM or DER); without it, the chain is checked up to the root embedded in the signature")
    private List<Path> trust = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        if (!Files.isRegularFile(file)) {
            spec.commandLine().getErr().println("error: " + file + ": no such file");
            return Failures.BAD_INPUT;
        }
        List<X509Certificate> trusted = new ArrayList<>();
        for (Path p : trust) {
            trusted.addAll(SignatureVerifier.certificates(p));
        }
        SignatureReport report;
        try {
            report = new SignatureVerifier(trusted).verify(file);
        } catch (java.io.IOException e) {
            spec.commandLine().getErr().println("error: " + file + ": cannot be read as a PDF (" + e.getMessage() + ")");
            return Failures.BAD_INPUT;
        }
        if (report.signatures().isEmpty()) {
            o.println(file + ": NOT SIGNED: the PDF carries no digital signature");
            return Failures.FAILED;
        }
        for (SignatureReport.Checked s : report.signatures()) {
            o.println("signer:        " + (s.signer() == null ? "(unknown)" : s.signer()));
            o.println("signing time:  " + (s.signedAt() == null ? "(not given)" : s.signedAt())
                    + " (as the signer's machine wrote it)");
            if (s.reason() != null) {
                o.println("reason:        " + s.reason());
            }
            if (s.location() != null) {
                o.println("location:      " + s.location());
            }
            o.println("covers:        " + (s.coversWholeFile() ? "the whole file" : "part of the file: bytes were added after it"));
            if (!s.chain().isEmpty()) {
                o.println("chain:         " + String.join(" <- ", s.chain()) + (trusted.isEmpty()
                        ? " (root embedded in the signature; give --trust CA.pem to check it is the CA you trust)"
                        : " (ends at a certificate of --trust)"));
            }
            s.problems().forEach(p -> o.println("problem:       " + p));
        }
        SignatureReport.Checked last = report.signatures().get(report.signatures().size() - 1);
        if (report.valid()) {
            o.println(file + ": VALID: signed by " + last.signer() + ", not changed since it was signed");
            return 0;
        }
        o.println(file + ": NOT VALID: " + (last.valid() && !last.coversWholeFile()
                ? "the document was changed after it was signed" : "see the problems above"));
        return Failures.FAILED;
    }
}
