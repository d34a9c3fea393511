package dev.longtail.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A dynalite server (a DynamoDB-compatible server from npm) started as a child process on
 * 127.0.0.1, in memory, for the demo and the tests. It is installed by {@code npm ci} into the
 * project's {@code node_modules}.
 */
public final class Dynalite implements AutoCloseable {

    private static final String CLI = "node_modules/dynalite/cli.js";
    private static final long START_TIMEOUT_SECONDS = 30;

    private final Process process;
    private final int port;

    private Dynalite(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts dynalite on a free loopback port and waits until it listens.
     *
     * @param projectDir the folder holding {@code node_modules}
     * @throws IllegalStateException when node or dynalite is missing or it does not start
     */
    public static Dynalite start(Path projectDir) {
        Path cli = projectDir.resolve(CLI);
        if (!Files.isRegularFile(cli)) {
            throw new IllegalStateException("dynalite is not installed: " + cli
                    + " is missing; run 'npm ci' in " + projectDir.toAbsolutePath());
        }
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder("node", cli.toString(), "--host", "127.0.0.1",
                "--port", Integer.toString(port), "--createTableMs", "0", "--deleteTableMs", "0",
                "--updateTableMs", "0").redirectErrorStream(true);
        try {
            Process process = builder.start();
            awaitListening(process);
            Dynalite server = new Dynalite(process, port);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("could not start node (is Node.js installed?): " + e.getMessage(), e);
        }
    }

    private static void awaitListening(Process process) {
        BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> firstLine = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            String line = firstLine.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (line == null || !line.contains("listening")) {
                process.destroyForcibly();
                throw new IllegalStateException("dynalite did not start: " + line);
            }
            // Keep draining its output so that the child never blocks on a full pipe.
            Thread drain = new Thread(() -> out.lines().forEach(ignored -> { }), "dynalite-output");
            drain.setDaemon(true);
            drain.start();
        } catch (TimeoutException | InterruptedException | java.util.concurrent.ExecutionException e) {
            process.destroyForcibly();
            throw new IllegalStateException("dynalite did not start within " + START_TIMEOUT_SECONDS + " s", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
