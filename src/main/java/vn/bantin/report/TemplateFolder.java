package vn.bantin.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.SimpleJasperReportsContext;
import net.sf.jasperreports.repo.FileRepositoryPersistenceServiceFactory;
import net.sf.jasperreports.repo.FileRepositoryService;
import net.sf.jasperreports.repo.PersistenceServiceFactory;
import net.sf.jasperreports.repo.RepositoryService;

/**
 * The JasperReports context a bulletin is filled in: names a template gives to resources ({@code "styles.jrtx"},
 * {@code "images/logo.png"}) are found in the templates folder first, as Jaspersoft Studio finds them beside the
 * JRXML; the library's own resources (fonts) come after. Absolute paths are not followed, so a template reads only
 * what its folder holds.
 */
final class TemplateFolder {
    private TemplateFolder() {
    }

    static JasperReportsContext context(Path templatesDir) {
        SimpleJasperReportsContext context = new SimpleJasperReportsContext(DefaultJasperReportsContext.getInstance());
        List<RepositoryService> services = new ArrayList<>();
        services.add(new FileRepositoryService(context, templatesDir.toAbsolutePath().normalize().toString(), false));
        services.addAll(DefaultJasperReportsContext.getInstance().getExtensions(RepositoryService.class));
        context.setExtensions(RepositoryService.class, services);
        // A file repository reads through its own persistence services, which the default context does not list.
        List<PersistenceServiceFactory> persistence = new ArrayList<>();
        persistence.add(FileRepositoryPersistenceServiceFactory.getInstance());
        persistence.addAll(DefaultJasperReportsContext.getInstance().getExtensions(PersistenceServiceFactory.class));
        context.setExtensions(PersistenceServiceFactory.class, persistence);
        return context;
    }
}
