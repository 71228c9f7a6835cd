package dev.scout.app.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A file written under a temporary name in the target's folder and moved over the target only on
 * {@link #commit()}, so readers never see a half-written export. The temporary file is locked while it is written;
 * creating the next output for the same target deletes the unlocked ones, i.e. those left by a killed write (the
 * operating system drops a dead process's locks). Not thread-safe.
 */
public final class AtomicOutput {

    private static final String SUFFIX = ".partial";
    /**
     * Temporary files this JVM is writing. {@link LeftOvers} must not even open them: on Linux, closing any
     * descriptor of a file drops every lock the process holds on it, so a probe would unlock a write in progress.
     */
    private static final Set<Path> IN_PROGRESS = ConcurrentHashMap.newKeySet();

    private final Path target;
    private final Path temp;
    private final OutputStream stream;
    private boolean finished;

    private AtomicOutput(Path target, Path temp, OutputStream stream) {
        this.target = target;
        this.temp = temp;
        this.stream = stream;
    }

    /** Creates the temporary file next to {@code target}; throws {@link ExportException} naming the path on failure. */
    public static AtomicOutput create(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            throw unwritable(absolute, "it is a directory; give a file name such as "
                    + absolute.resolve("candidates.csv"), null);
        }
        Path folder = absolute.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw unwritable(absolute, "the folder " + folder + " does not exist; create it or choose another --out", null);
        }
        try {
            String prefix = "." + absolute.getFileName() + ".";
            LeftOvers.remove(folder, prefix, SUFFIX, IN_PROGRESS);
            Path temp = Files.createTempFile(folder, prefix, SUFFIX);
            IN_PROGRESS.add(temp);
            FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
            try {
                channel.lock(); // released when the stream (and with it the channel) closes
            } catch (IOException | RuntimeException e) {
                channel.close();
                Files.deleteIfExists(temp);
                IN_PROGRESS.remove(temp);
                throw e;
            }
            return new AtomicOutput(absolute, temp, Channels.newOutputStream(channel));
        } catch (AccessDeniedException e) {
            throw unwritable(absolute, "permission denied in " + folder + "; choose a folder you can write to", e);
        } catch (IOException e) {
            throw unwritable(absolute, e.getClass().getSimpleName() + " " + e.getMessage()
                    + "; check the folder exists, is writable and has free space", e);
        }
    }

    private static ExportException unwritable(Path target, String why, Throwable cause) {
        return new ExportException(ExportException.Kind.UNWRITABLE, target,
                "cannot write export " + target + ": " + why, cause);
    }

    public OutputStream stream() {
        return stream;
    }

    public Path target() {
        return target;
    }

    /** Moves the temporary file over the target and closes the stream. */
    public void commit() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        try {
            stream.flush();
            // Moved while still locked, so that another write's clean-up never takes it for a left-over.
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                // Same folder, so this only happens on exotic file systems; a plain replace is the best we can do.
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                stream.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            deleteTemp(e);
            throw e;
        }
        try {
            stream.close();
        } finally {
            IN_PROGRESS.remove(temp);
        }
    }

    /** Closes and deletes the temporary file; failures are attached to {@code cause} when one is given. */
    public void discard(Throwable cause) {
        if (finished) {
            return;
        }
        finished = true;
        try {
            stream.close();
        } catch (IOException e) {
            if (cause != null) {
                cause.addSuppressed(e);
            }
        }
        deleteTemp(cause);
    }

    private void deleteTemp(Throwable cause) {
        IN_PROGRESS.remove(temp);
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            if (cause != null) {
                cause.addSuppressed(e);
            } else {
                throw new ExportException(ExportException.Kind.IO_FAILURE, target,
                        "could not delete the unfinished export " + temp + " (" + e.getMessage() + "); delete it by hand", e);
            }
        }
    }
}
