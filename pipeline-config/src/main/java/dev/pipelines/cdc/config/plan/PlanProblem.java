package dev.pipelines.cdc.config.plan;

/**
 * One reason the pipeline cannot start.
 *
 * @param kind what is wrong, for the operator's condition reason
 * @param message names every table concerned and the statement or spec change that fixes it
 */
public record PlanProblem(ProblemKind kind, String message) {}
