using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace GeoSituation.Server.Docs;

/// <summary>
/// Adds to every operation of the OpenAPI document the error responses the server really gives, as
/// application/problem+json (RFC 9457): the middleware (security, reliability, validation) answers them, so the
/// endpoints themselves do not declare them.
/// </summary>
internal static class ProblemResponses
{
    public static OpenApiOptions AddProblemResponses(this OpenApiOptions options) =>
        options.AddOperationTransformer((operation, context, _) =>
        {
            var route = context.Description.RelativePath ?? "";
            var method = context.Description.HttpMethod ?? "GET";
            var isWrite = !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method);
            operation.Responses ??= [];
            Add(operation, "400", "Invalid request: a parameter or body that does not parse or is out of range (the detail says which).");
            if (route.Contains('{', StringComparison.Ordinal)) Add(operation, "404", "Nothing with this identifier.");
            if (isWrite)
            {
                Add(operation, "401", "Missing or wrong Authorization: Bearer <key>.");
                Add(operation, "403", "The key may read but not write.");
                Add(operation, "413", "Body larger than GEOSITUATION_MAX_ARTICLE_BYTES.");
                Add(operation, "429", "Too many writes from this client; retry after the Retry-After header.");
            }
            else
            {
                Add(operation, "401", "Reads need a key when GEOSITUATION_READS=key.");
            }
            Add(operation, "503", "The database is not reachable yet or is restarting; retry after the Retry-After header.");
            return Task.CompletedTask;
        });

    private static void Add(OpenApiOperation operation, string status, string description)
    {
        if (operation.Responses!.ContainsKey(status)) return;
        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new OpenApiMediaType(),
            },
        };
    }
}
