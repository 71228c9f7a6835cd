package dev.scout.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code scout} command; subcommands do the work. */
@Command(name = "scout",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Finds micro-influencers in a niche from public profile data and hands them to a CRM.",
        subcommands = {CommandLine.HelpCommand.class})
public final class ScoutCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A configured command line with Scout's exit codes. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ScoutCommand());
        cl.setExitCodeExceptionMapper(ExitCodes::forException);
        return cl;
    }
}
