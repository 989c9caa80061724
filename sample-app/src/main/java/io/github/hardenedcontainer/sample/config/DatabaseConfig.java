package io.github.hardenedcontainer.sample.config;

/**
 * Where the database is, how to log in and how to protect the connection. {@link #toString()} never shows the
 * password.
 *
 * @param host the database host
 * @param port the database port
 * @param database the database name
 * @param user the user name
 * @param password the password, or {@code null} for none
 * @param sslMode TLS to the server, as libpq names it: {@code disable} (the default), {@code allow},
 *     {@code prefer}, {@code require} (encrypted, the server's certificate not checked unless {@code sslRootCert} is
 *     given), {@code verify-ca} (the certificate signed by {@code sslRootCert}), {@code verify-full} (and issued
 *     for {@code host})
 * @param sslRootCert a PEM file with the CA certificates to trust, or {@code null}
 * @param passwordFile the file the password was read from ({@code DATABASE_PASSWORD_FILE}), or {@code null}: read
 *     again for every new connection, so that a rotated password is taken up without a restart
 */
public record DatabaseConfig(String host, int port, String database, String user, String password, String sslMode,
        String sslRootCert, String passwordFile) {

    /** Without TLS, as the Compose stack's internal network runs it. */
    public DatabaseConfig(String host, int port, String database, String user, String password) {
        this(host, port, database, user, password, "disable", null, null);
    }

    /** The same target with another password. */
    public DatabaseConfig withPassword(String newPassword) {
        return new DatabaseConfig(host, port, database, user, newPassword, sslMode, sslRootCert, passwordFile);
    }

    /** The same target with the password of a file, read again for each new connection. */
    public DatabaseConfig withPasswordFile(String file, String currentPassword) {
        return new DatabaseConfig(host, port, database, user, currentPassword, sslMode, sslRootCert, file);
    }

    /** Whether the server's certificate is checked against {@link #sslRootCert()}. */
    public boolean verifiesCertificate() {
        return sslMode.startsWith("verify-") || sslRootCert != null;
    }

    /** The connection target without credentials, safe to log and to show in /info. */
    public String redacted() {
        return "postgres://" + user + "@" + host + ":" + port + "/" + database
                + (sslMode.equals("disable") ? "" : "?sslmode=" + sslMode);
    }

    @Override
    public String toString() {
        return redacted();
    }
}
