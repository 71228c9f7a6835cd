package dev.scout.app.export;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * Deletes the temporary files of {@link AtomicOutput} that no write holds any more: a write locks its temporary file
 * until it commits or discards it, and a killed process's locks end with it, so an unlocked {@code .partial} file is
 * the left-over of a write that died. Stateless.
 */
final class LeftOvers {
    private LeftOvers() {
    }

    /**
     * Removes the unlocked files in {@code folder} named {@code prefix…suffix}, never touching {@code ownWrites} (this
     * JVM's writes in progress, which must not be opened at all); returns how many.
     */
    static int remove(Path folder, String prefix, String suffix, Set<Path> ownWrites) throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> candidates = Files.newDirectoryStream(folder,
                p -> {
                    String name = p.getFileName().toString();
                    return name.startsWith(prefix) && name.endsWith(suffix) && !ownWrites.contains(p)
                            && Files.isRegularFile(p);
                })) {
            for (Path candidate : candidates) {
                if (removeIfUnlocked(candidate)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    private static boolean removeIfUnlocked(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                return false; // a write in this JVM holds it (under another name for its folder)
            }
            if (lock == null) {
                return false; // a write in another process holds it
            }
            try {
                Files.deleteIfExists(file);
                return true;
            } finally {
                lock.release();
            }
        } catch (NoSuchFileException e) {
            return false; // its writer committed or discarded it meanwhile
        }
    }
}
