package dev.scout.demo.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts child JVMs with this JVM's {@code java} and class path, so the children run exactly the code of the
 * benchmark (the shaded {@code scout.jar}, or the module's classes under a test).
 *
 * @param java      the {@code java} executable
 * @param classPath the class path given to children
 */
public record JavaCommand(Path java, String classPath) {

    public static JavaCommand current() {
        Path home = Path.of(System.getProperty("java.home"));
        return new JavaCommand(home.resolve("bin").resolve("java"), System.getProperty("java.class.path"));
    }

    /** The {@code jcmd} next to {@link #java()}, which talks to a running JVM. */
    Path jcmd() {
        return java.resolveSibling("jcmd");
    }

    public ProcessBuilder builder(List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(args);
        return new ProcessBuilder(command);
    }
}
