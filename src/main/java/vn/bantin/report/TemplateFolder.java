package vn.bantin.report;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JRRuntimeException;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.ParameterContributorFactory;
import net.sf.jasperreports.engine.SimpleJasperReportsContext;
import net.sf.jasperreports.engine.fonts.FontFace;
import net.sf.jasperreports.engine.fonts.FontFamily;
import net.sf.jasperreports.engine.util.MarkupProcessorFactory;
import net.sf.jasperreports.governors.MaxPagesGovernor;
import net.sf.jasperreports.governors.TimeoutGovernor;
import net.sf.jasperreports.repo.DefaultRepositoryService;
import net.sf.jasperreports.repo.FileRepositoryPersistenceServiceFactory;
import net.sf.jasperreports.repo.FileRepositoryService;
import net.sf.jasperreports.repo.PersistenceServiceFactory;
import net.sf.jasperreports.repo.RepositoryContext;
import net.sf.jasperreports.repo.RepositoryService;
import net.sf.jasperreports.repo.Resource;

/**
 * The JasperReports context a bulletin is filled in. Every name a template gives to a resource (styles, images,
 * subreports, also those JasperReports reads on a template's behalf) goes through these repository services alone:
 * the templates folder (no absolute path, no {@code ..}, no link out of it), the font files of the font extensions,
 * and http(s) only from the hosts of {@code templates.allowed-hosts}; anything else is refused with a sentence.
 * JasperReports' own default repository, which reads any file, URL or class-path resource, is left out.
 */
final class TemplateFolder {
    /** A resource fetched from an allowed host: enough for a logo, never the whole heap. */
    private static final int MAX_DOWNLOAD_BYTES = 10 * 1024 * 1024;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration DOWNLOAD_TIMEOUT = Duration.ofSeconds(30);

    private TemplateFolder() {
    }

    static JasperReportsContext context(Path templatesDir, TemplateLimits limits) {
        JasperReportsContext defaults = DefaultJasperReportsContext.getInstance();
        SimpleJasperReportsContext context = new SimpleJasperReportsContext(defaults);
        context.setExtensions(RepositoryService.class, List.of(
                new Folder(context, templatesDir, limits.allowedHosts()),
                new LibraryFonts(context, fontFiles(defaults)),
                new AllowedHosts(context, limits.allowedHosts()),
                new Refusals(limits.allowedHosts())));
        // A file repository reads through its own persistence services, which the default context does not list.
        List<PersistenceServiceFactory> persistence = new ArrayList<>();
        persistence.add(FileRepositoryPersistenceServiceFactory.getInstance());
        persistence.addAll(defaults.getExtensions(PersistenceServiceFactory.class));
        context.setExtensions(PersistenceServiceFactory.class, persistence);
        // Data adapters (a report property naming a .jrdax) open files and URLs of their own: none.
        context.setExtensions(ParameterContributorFactory.class, List.of());
        for (String markup : List.of("html", "rtf")) {
            context.setProperty(MarkupProcessorFactory.PROPERTY_MARKUP_PROCESSOR_FACTORY_PREFIX + markup,
                    RefusedMarkup.class.getName());
        }
        context.setProperty(MaxPagesGovernor.PROPERTY_MAX_PAGES_ENABLED, "true");
        context.setProperty(MaxPagesGovernor.PROPERTY_MAX_PAGES, String.valueOf(limits.maxPages()));
        context.setProperty(TimeoutGovernor.PROPERTY_TIMEOUT_ENABLED, "true");
        context.setProperty(TimeoutGovernor.PROPERTY_TIMEOUT, String.valueOf(limits.fillTimeout().toMillis()));
        return context;
    }

    /** The class-path names of the font files the font extensions declare (the DejaVu families). */
    private static Set<String> fontFiles(JasperReportsContext context) {
        Set<String> files = new HashSet<>();
        for (FontFamily family : context.getExtensions(FontFamily.class)) {
            for (FontFace face : new FontFace[] {family.getNormalFace(), family.getBoldFace(), family.getItalicFace(),
                    family.getBoldItalicFace()}) {
                if (face != null) {
                    addIfPresent(files, face.getTtf());
                    addIfPresent(files, face.getPdf());
                }
            }
        }
        return Set.copyOf(files);
    }

    private static void addIfPresent(Set<String> files, String name) {
        if (name != null && !name.isBlank()) {
            files.add(name);
        }
    }

    /** Files inside the templates folder, by a relative name; a name whose real path leaves the folder is refused. */
    private static final class Folder extends FileRepositoryService {
        private final Path realRoot;
        private final Set<String> allowedHosts;

        Folder(JasperReportsContext context, Path templatesDir, Set<String> allowedHosts) {
            super(context, templatesDir.toAbsolutePath().normalize().toString(), false);
            this.realRoot = realPath(templatesDir.toAbsolutePath().normalize());
            this.allowedHosts = allowedHosts;
        }

        @Override
        public File getFile(RepositoryContext context, String uri) {
            if (!(TemplateLocation.of(uri, allowedHosts) instanceof TemplateLocation.InFolder)) {
                return null;
            }
            File file = super.getFile(context, uri);
            if (file != null && !realPath(file.toPath()).startsWith(realRoot)) {
                throw new JRRuntimeException("'" + uri + "' is a link to " + realPath(file.toPath())
                        + ", outside the templates folder; a template reads only files inside it");
            }
            return file;
        }

        @Override
        public OutputStream getOutputStream(String uri) {
            throw new JRRuntimeException("a template may not write '" + uri + "'");
        }

        private static Path realPath(Path path) {
            try {
                return path.toRealPath();
            } catch (IOException e) {
                return path; // not there: nothing to follow
            }
        }
    }

    /** The font extensions' own files on the class path, and nothing else of it. */
    private static final class LibraryFonts extends DefaultRepositoryService {
        private final Set<String> fontFiles;

        LibraryFonts(JasperReportsContext context, Set<String> fontFiles) {
            super(context);
            this.fontFiles = fontFiles;
        }

        @Override
        public InputStream getInputStream(RepositoryContext context, String uri) {
            return fontFiles.contains(uri) ? super.getInputStream(context, uri) : null;
        }

        @Override
        public <K extends Resource> K getResource(RepositoryContext context, String uri, Class<K> resourceType) {
            return fontFiles.contains(uri) ? super.getResource(context, uri, resourceType) : null;
        }
    }

    /** http(s) from the hosts of templates.allowed-hosts, with timeouts, a size limit and no redirect. */
    private static final class AllowedHosts extends FileRepositoryService {
        private final Set<String> allowedHosts;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();

        AllowedHosts(JasperReportsContext context, Set<String> allowedHosts) {
            super(context, ".", false);
            this.allowedHosts = allowedHosts;
        }

        @Override
        public File getFile(RepositoryContext context, String uri) {
            return null;
        }

        @Override
        public InputStream getInputStream(RepositoryContext context, String uri) {
            if (!(TemplateLocation.of(uri, allowedHosts) instanceof TemplateLocation.AllowedUrl allowed)) {
                return null;
            }
            HttpRequest request = HttpRequest.newBuilder(allowed.uri()).timeout(DOWNLOAD_TIMEOUT).GET().build();
            try {
                HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream body = response.body()) {
                    if (response.statusCode() != 200) {
                        throw new JRRuntimeException("'" + uri + "' answered HTTP " + response.statusCode());
                    }
                    byte[] bytes = body.readNBytes(MAX_DOWNLOAD_BYTES + 1);
                    if (bytes.length > MAX_DOWNLOAD_BYTES) {
                        throw new JRRuntimeException("'" + uri + "' is larger than " + MAX_DOWNLOAD_BYTES / 1024 / 1024 + " MB");
                    }
                    return new ByteArrayInputStream(bytes);
                }
            } catch (IOException e) {
                throw new JRRuntimeException("'" + uri + "' cannot be fetched: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new JRRuntimeException("fetching '" + uri + "' was interrupted");
            } catch (UncheckedIOException e) {
                throw new JRRuntimeException("'" + uri + "' cannot be fetched: " + e.getCause().getMessage());
            }
        }

        @Override
        public <K extends Resource> K getResource(RepositoryContext context, String uri, Class<K> resourceType) {
            return TemplateLocation.of(uri, allowedHosts) instanceof TemplateLocation.AllowedUrl
                    ? super.getResource(context, uri, resourceType) : null;
        }
    }

    /** Last in line: a name none of the others may serve is refused in words, not "not found". */
    private record Refusals(Set<String> allowedHosts) implements RepositoryService {
        @Override
        public Resource getResource(String uri) {
            return getResource(uri, Resource.class);
        }

        @Override
        public void saveResource(String uri, Resource resource) {
            throw new JRRuntimeException("a template may not write '" + uri + "'");
        }

        @Override
        public <K extends Resource> K getResource(String uri, Class<K> resourceType) {
            if (TemplateLocation.of(uri, allowedHosts) instanceof TemplateLocation.Refused refused) {
                throw new JRRuntimeException("'" + refused.name() + "' " + refused.why());
            }
            return null; // a name inside the folder that is not there: JasperReports says "not found"
        }
    }
}
