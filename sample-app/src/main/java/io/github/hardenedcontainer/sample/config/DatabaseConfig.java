package io.github.hardenedcontainer.sample.config;

/**
 * Where the database is and how to log in. {@link #toString()} never shows the password.
 *
 * @param host the database host
 * @param port the database port
 * @param database the database name
 * @param user the user name
 * @param password the password, or {@code null} for none
 */
public record DatabaseConfig(String host, int port, String database, String user, String password) {

    /** The connection target without credentials, safe to log and to show in /info. */
    public String redacted() {
        return "postgres://" + user + "@" + host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return redacted();
    }
}
