using Microsoft.AspNetCore.Http;

namespace Aura.Server.Api;

/// <summary>The server's error answers, all with an <see cref="ApiProblem"/> body.</summary>
internal static class Problems
{
    public const string ContentType = "application/problem+json";

    public static IResult BadRequest(string field, string detail) =>
        Result(new ApiProblem("Invalid request", StatusCodes.Status400BadRequest, detail, field, "invalid_" + field));

    public static IResult Unauthorized(string code, string detail) =>
        Result(new ApiProblem("Unauthorized", StatusCodes.Status401Unauthorized, detail, Code: code));

    public static IResult Forbidden(string code, string detail) =>
        Result(new ApiProblem("Forbidden", StatusCodes.Status403Forbidden, detail, Code: code));

    public static IResult NotFound(string field, string detail) =>
        Result(new ApiProblem("Not found", StatusCodes.Status404NotFound, detail, field, "not_found"));

    public static IResult Unavailable(string code, string detail) =>
        Result(new ApiProblem("Unavailable", StatusCodes.Status503ServiceUnavailable, detail, Code: code));

    public static IResult TooLong(string field, string detail) =>
        Result(new ApiProblem("Request too large", StatusCodes.Status414UriTooLong, detail, field, "too_long"));

    /// <summary>A well-formed body whose <paramref name="field"/> breaks a rule (422, as Argus answered schema errors).</summary>
    public static IResult Invalid(string field, string detail) =>
        Result(new ApiProblem("Invalid field", StatusCodes.Status422UnprocessableEntity, detail, field, "invalid_field"));

    public static IResult PayloadTooLarge(string detail) =>
        Result(new ApiProblem("Request too large", StatusCodes.Status413PayloadTooLarge, detail, "body", "too_large"));

    public static IResult ServerError(string code, string detail) =>
        Result(new ApiProblem("Server error", StatusCodes.Status500InternalServerError, detail, Code: code));

    public static IResult NoSampleYet() =>
        Unavailable("no_sample", "the sampler has not taken its first snapshot yet; try again in a second");

    public static IResult Result(ApiProblem problem) =>
        TypedResults.Json(problem, ServerJsonContext.Default.ApiProblem, ContentType, problem.Status);
}
