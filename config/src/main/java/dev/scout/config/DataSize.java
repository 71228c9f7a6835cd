package dev.scout.config;

/**
 * An amount of bytes, written in configuration as {@code 512KiB}, {@code 5MiB}, {@code 1GiB} or {@code 100B}.
 *
 * @param bytes zero or more
 */
public record DataSize(long bytes) implements Comparable<DataSize> {
    public static final long KIB = 1024L;
    public static final long MIB = KIB * 1024L;
    public static final long GIB = MIB * 1024L;

    public DataSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("a size must be >= 0 bytes, got " + bytes);
        }
    }

    public static DataSize ofKibibytes(long kib) {
        return new DataSize(Math.multiplyExact(kib, KIB));
    }

    public static DataSize ofMebibytes(long mib) {
        return new DataSize(Math.multiplyExact(mib, MIB));
    }

    @Override
    public int compareTo(DataSize o) {
        return Long.compare(bytes, o.bytes);
    }

    /** The largest exact unit: {@code 5MiB}, {@code 1536KiB}, {@code 7B}. */
    @Override
    public String toString() {
        if (bytes != 0 && bytes % GIB == 0) {
            return bytes / GIB + "GiB";
        }
        if (bytes != 0 && bytes % MIB == 0) {
            return bytes / MIB + "MiB";
        }
        if (bytes != 0 && bytes % KIB == 0) {
            return bytes / KIB + "KiB";
        }
        return bytes + "B";
    }
}
