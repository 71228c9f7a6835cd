package dev.scout.app.serve;

import dev.scout.app.UsageException;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;

/**
 * Where {@code scout serve} listens and whether it asks for a token, validated once at start-up.
 *
 * <p>The app binds to 127.0.0.1 unless told otherwise. Any address that is not loopback is reachable by others, so
 * it needs the token in {@value #TOKEN_ENV} (at least {@value #MIN_TOKEN_LENGTH} characters); when that variable is
 * set the token is checked on every request whatever the address.
 *
 * @param bind  address to listen on (an IP literal or a name that resolves to one)
 * @param port  TCP port, 0 for any free one (tests)
 * @param token the access token, when one is required
 */
public record ServeSettings(String bind, int port, Optional<String> token) {

    public static final String TOKEN_ENV = "SCOUT_SERVE_TOKEN";
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    static final int MIN_TOKEN_LENGTH = 16;

    /**
     * Validates the command line's {@code --bind} and {@code --port} with the environment's token.
     *
     * @throws UsageException naming the option or variable, the value and what to do
     */
    public static ServeSettings of(String bind, int port, Map<String, String> env) {
        String address = bind == null || bind.isBlank() ? DEFAULT_BIND : bind.strip();
        if (port < 0 || port > 65_535) {
            throw new UsageException("--port must be 0–65535 (got " + port + ")");
        }
        Optional<String> token = Optional.ofNullable(env.get(TOKEN_ENV)).map(String::strip).filter(t -> !t.isEmpty());
        if (token.isPresent() && token.get().length() < MIN_TOKEN_LENGTH) {
            throw new UsageException(TOKEN_ENV + " is " + token.get().length() + " characters long; use at least "
                    + MIN_TOKEN_LENGTH + " random characters (e.g. the output of 'openssl rand -hex 16')");
        }
        if (token.isPresent() && !token.get().matches("[A-Za-z0-9._~+/=-]+")) {
            throw new UsageException(TOKEN_ENV + " may hold only letters, digits and . _ ~ + / = - (it travels in a"
                    + " cookie and a URL); use e.g. the output of 'openssl rand -hex 16'");
        }
        if (!isLoopback(address) && token.isEmpty()) {
            throw new UsageException("--bind " + address + " lets other machines reach the review app, so it needs"
                    + " a token: set " + TOKEN_ENV + " to at least " + MIN_TOKEN_LENGTH + " random characters"
                    + " (e.g. export " + TOKEN_ENV + "=$(openssl rand -hex 16)), or leave out --bind to serve on "
                    + DEFAULT_BIND + " only");
        }
        return new ServeSettings(address, port, token);
    }

    private static boolean isLoopback(String address) {
        try {
            InetAddress[] all = InetAddress.getAllByName(address);
            for (InetAddress a : all) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return all.length > 0;
        } catch (UnknownHostException e) {
            throw new UsageException("--bind " + address + " is not an address of this machine (" + e.getMessage()
                    + "); use an IP address such as " + DEFAULT_BIND, e);
        }
    }

    @Override
    public String toString() {
        // Never print the token.
        return "ServeSettings[bind=" + bind + ", port=" + port + ", token=" + (token.isPresent() ? "set" : "none") + "]";
    }
}
