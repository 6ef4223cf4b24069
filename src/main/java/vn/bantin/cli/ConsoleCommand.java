package vn.bantin.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.bantin.config.ConfigLoader;
import vn.bantin.config.ConsoleSettings;
import vn.bantin.config.Settings;
import vn.bantin.console.ConsoleServer;
import vn.bantin.store.Database;
import vn.bantin.store.StoreFiles;

@Command(name = "console", mixinStandardHelpOptions = true,
        description = "Host the web console (no scheduler: schedules do not fire while only the console runs; serve hosts"
                + " the console too) until stopped with Ctrl-C or SIGTERM. Create the first user with 'users add'.")
final class ConsoleCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private Configured configured;

    @Option(names = "--listen", paramLabel = "HOST:PORT",
            description = "where the console listens (default: console.listen of the config, 127.0.0.1:8080: this machine only)")
    private String listen;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Settings settings = configured.settings();
        ConsoleSettings console = withListen(ConfigLoader.console(configured.config), listen);
        Optional<java.nio.file.Path> serving = StoreFiles.of(settings.storeUrl()).map(StoreFiles::socket).filter(ServiceChannel::answers);
        if (serving.isPresent()) {
            spec.commandLine().getErr().println("error: serve is running and holds the store " + Database.where(settings.storeUrl())
                    + "; it hosts the console itself (console.listen of its config)");
            return Failures.FAILED;
        }
        Clock clock = Clock.system(settings.zone());
        try (Database db = Database.open(settings.store());
             ConsoleServer server = ConsoleServer.start(settings, console, db.dataSource(), configured.config, clock)) {
            out.println("bantin console: http://" + console.listen().host() + ":" + server.port() + "/ on the store " + db.where()
                    + (console.listen().host().startsWith("127.") || console.listen().host().equals("localhost")
                    ? " (this machine only)" : ""));
            out.println("stop with Ctrl-C or SIGTERM");
            CountDownLatch stop = new CountDownLatch(1);
            ServeCommand.trap(signal -> stop.countDown());
            stop.await();
            out.println("console stopped");
            return 0;
        }
    }

    /** The config's console settings with {@code --listen} in place of console.listen, when given. */
    static ConsoleSettings withListen(ConsoleSettings fromConfig, String listen) {
        if (listen == null) {
            return fromConfig;
        }
        ConsoleSettings.Listen l = ConsoleSettings.Listen.parse(listen).orElseThrow(() -> new IllegalArgumentException(
                "--listen " + listen + " is not HOST:PORT; e.g. 127.0.0.1:8080"));
        return new ConsoleSettings(l, fromConfig.secureCookie());
    }
}
