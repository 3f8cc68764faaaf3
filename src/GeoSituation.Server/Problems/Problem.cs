namespace GeoSituation.Server.Problems;

/// <summary>Short-hands for the problem+json answers endpoints give for bad input.</summary>
internal static class Problem
{
    public static IResult BadRequest(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail);

    public static IResult NotFound(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title, detail: detail);

    public static IResult Unavailable(HttpContext context)
    {
        context.Response.Headers.RetryAfter = "5";
        return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Database not ready",
            detail: "The database is starting or unreachable; retry shortly.");
    }
}
