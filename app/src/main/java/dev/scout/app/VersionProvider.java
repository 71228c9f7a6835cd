package dev.scout.app;

import picocli.CommandLine;

/** Reads the version from the jar manifest (falls back to "development" when run from classes). */
public final class VersionProvider implements CommandLine.IVersionProvider {
    public static String version() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"scout " + version()};
    }
}
