package dev.pipelines.cdc.config.plan;

/**
 * The connecting user, as far as the planning rules care.
 *
 * @param name {@code current_user}, named in every message that asks for a grant
 * @param superuser a superuser may create and change any publication
 * @param mayCreateInDatabase CREATE on the database, needed to create a publication
 */
public record CatalogUser(String name, boolean superuser, boolean mayCreateInDatabase) {}
