package dev.scout.app.cli;

import dev.scout.app.ExitCodes;
import dev.scout.app.serve.ReviewServer;
import dev.scout.app.serve.ServeSettings;
import dev.scout.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code scout serve}: the local review app over the store, until Ctrl-C. Validates {@code --bind}, {@code --port}
 * and {@code SCOUT_SERVE_TOKEN} before opening anything (exit 2 with what to do).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Opens a local web app over the store to review candidates: filter and sort a run's verdicts,",
                "read the evidence, shortlist or reject with a note, compare 2-4 side by side. Listens on 127.0.0.1",
                "only unless --bind names another address, which also needs SCOUT_SERVE_TOKEN. Ctrl-C stops it."})
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "PORT", description = "TCP port (default: ${DEFAULT-VALUE}).")
    int port = ServeSettings.DEFAULT_PORT;

    @Option(names = "--bind", paramLabel = "ADDR", description = "Address to listen on (default: 127.0.0.1). Any other"
            + " address needs the token in the SCOUT_SERVE_TOKEN environment variable.")
    String bind;

    @Mixin
    StoreSource source;

    @Override
    public Integer call() throws InterruptedException {
        ServeSettings settings = ServeSettings.of(bind, port, System.getenv());
        Store store = source.openForReview();
        ReviewServer server;
        try {
            server = ReviewServer.start(store, settings, Clock.systemUTC(), new SecureRandom());
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } finally {
                store.close();
                stopped.countDown();
            }
        }, "scout-serve-shutdown"));
        String host = settings.bind().contains(":") ? "[" + settings.bind() + "]" : settings.bind();
        System.out.println("Scout review app on http://" + host + ":" + server.port() + "/ over " + source.storeFile()
                + (settings.token().isPresent() ? " (open it once as /?token=<your " + ServeSettings.TOKEN_ENV + ">)" : "")
                + "; Ctrl-C stops it.");
        stopped.await();
        return ExitCodes.OK;
    }
}
