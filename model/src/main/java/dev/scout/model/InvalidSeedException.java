package dev.scout.model;

/** A seed that Scout cannot turn into a profile reference; the message names the seed, the problem and the accepted forms. */
public final class InvalidSeedException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String seed;
    private final String problem;

    public InvalidSeedException(String seed, String problem) {
        super("seed '" + seed + "' " + problem + ". Accepted forms:\n" + SeedParser.ACCEPTED_FORMS);
        this.seed = seed;
        this.problem = problem;
    }

    public String seed() {
        return seed;
    }

    /** The problem alone, without the list of accepted forms. */
    public String problem() {
        return problem;
    }
}
