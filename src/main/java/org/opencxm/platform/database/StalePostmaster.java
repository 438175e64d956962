package org.opencxm.platform.database;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cleans up after an OpenCXM process that was killed hard. Its PostgreSQL server runs on as
 * an orphan and still holds the data directory; a lock file may point at a process that no
 * longer exists (or whose id now belongs to another program). PostgreSQL's write-ahead log
 * makes stopping the orphan safe: every committed transaction survives.
 */
final class StalePostmaster {

    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

    /** The lock file the embedded server keeps open while an OpenCXM process owns the directory. */
    private static final String OWNER_LOCK = "epg-lock";

    private final Path directory;

    StalePostmaster(Path directory) {
        this.directory = directory;
    }

    void stopIfOrphaned() throws IOException {
        var pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        ensureNoLiveOwner();
        var postmaster = pid(pidFile).flatMap(ProcessHandle::of).filter(StalePostmaster::isPostgres);
        if (postmaster.isPresent()) {
            log.warn(
                    "Stopping the PostgreSQL server (pid {}) left behind by an earlier run",
                    postmaster.get().pid());
            stop(postmaster.get());
        }
        // PostgreSQL refuses to start while the lock file names a live process, even an unrelated one.
        Files.deleteIfExists(pidFile);
    }

    private void ensureNoLiveOwner() throws IOException {
        var lockFile = directory.resolve(OWNER_LOCK);
        if (!Files.exists(lockFile)) {
            return;
        }
        try (var stream = new FileOutputStream(lockFile.toFile(), true);
                FileLock lock = stream.getChannel().tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("The data directory " + directory
                        + " is in use by another running OpenCXM. Stop it, or set OPENCXM_DATA_DIR.");
            }
        }
    }

    private static Optional<Long> pid(Path pidFile) throws IOException {
        var lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info()
                .command()
                .map(command -> command.endsWith("/postgres"))
                .orElse(false);
    }

    private static void stop(ProcessHandle postmaster) throws IOException {
        postmaster.destroy();
        try {
            postmaster.onExit().get(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            log.warn("PostgreSQL server {} did not stop within {}; killing it", postmaster.pid(), SHUTDOWN_WAIT);
            postmaster.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while stopping PostgreSQL", e);
        } catch (ExecutionException e) {
            throw new IOException("Could not stop PostgreSQL", e);
        }
    }
}
