package dev.scout.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code scout} command; subcommands do the work. */
@Command(name = "scout",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Finds micro-influencers in a niche from public profile data and hands them to a CRM.",
        subcommands = {
                dev.scout.app.cli.DemoCommand.class,
                dev.scout.app.cli.RunCommand.class,
                dev.scout.app.cli.InitCommand.class,
                dev.scout.app.cli.ScoreCommand.class,
                dev.scout.app.cli.ExportCommand.class,
                dev.scout.app.cli.ReportCommand.class,
                dev.scout.app.cli.StatusCommand.class,
                dev.scout.app.cli.ForgetCommand.class,
                dev.scout.app.cli.ServeCommand.class,
                dev.scout.app.cli.BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class ScoutCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A configured command line with Scout's exit codes: 0 ok, 1 run failed, 2 usage or config error. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ScoutCommand());
        cl.setExecutionExceptionHandler(ExitCodes.handler());
        cl.setExitCodeExceptionMapper(t -> ExitCodes.RUN_FAILED);
        // Parse errors (unknown option, bad value) are usage errors.
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("scout: " + ex.getMessage());
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, c.getErr())) {
                c.getErr().println("Run '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
            }
            return ExitCodes.USAGE;
        });
        return cl;
    }
}
