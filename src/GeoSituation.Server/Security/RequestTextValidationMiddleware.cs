namespace GeoSituation.Server.Security;

/// <summary>
/// Refuses (400 problem+json) a path or query string that no endpoint could mean: control characters such as
/// NUL (PostgreSQL cannot store them in text and would fail the query), unpaired UTF-16 surrogates (they cannot
/// be encoded for the database), and more parameters than any endpoint reads. Bodies are checked by their endpoints.
/// </summary>
internal sealed class RequestTextValidationMiddleware(RequestDelegate next)
{
    private const int MaxQueryParameters = 64;

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        string? problem = null;
        if (!IsClean(request.Path.Value)) problem = "The path contains control characters or invalid Unicode.";
        else if (request.Query.Count > MaxQueryParameters) problem = $"At most {MaxQueryParameters} query parameters are accepted.";
        else
        {
            foreach (var (name, values) in request.Query)
            {
                if (!IsClean(name) || values.Any(v => !IsClean(v)))
                {
                    problem = "A query parameter contains control characters (such as NUL) or invalid Unicode.";
                    break;
                }
            }
        }
        if (problem is null) return next(context);
        return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid characters in the request", detail: problem)
            .ExecuteAsync(context);
    }

    private static bool IsClean(string? text) => TextValidation.IsClean(text);
}
