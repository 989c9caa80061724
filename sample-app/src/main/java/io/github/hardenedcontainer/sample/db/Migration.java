package io.github.hardenedcontainer.sample.db;

/**
 * One versioned schema change, applied once, in order.
 *
 * @param version the version, from 1 up without gaps
 * @param description what it does
 * @param sql the statements to run
 * @param checksum a hash of the statements, so that an edited migration is noticed
 */
public record Migration(int version, String description, String sql, String checksum) {
}
