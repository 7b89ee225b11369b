using Microsoft.AspNetCore.Http;

namespace PolicyKB.Service.Api;

/// <summary>RFC 7807 answers that name what the caller got wrong.</summary>
public static class Problems
{
    /// <summary>400 with one entry per bad parameter in <c>errors</c> and the first one spelled out in <c>detail</c>.</summary>
    public static IResult BadParameters(IReadOnlyDictionary<string, string[]> errors)
    {
        var (name, messages) = errors.First();
        return TypedResults.ValidationProblem(
            errors,
            detail: $"Parameter '{name}': {messages[0]}",
            title: "Invalid request parameters",
            extensions: new Dictionary<string, object?> { ["parameters"] = errors.Keys.ToArray() });
    }

    public static IResult BadParameter(string name, string message)
        => BadParameters(new Dictionary<string, string[]> { [name] = [message] });

    public static IResult UnsupportedMediaType(string detail)
        => TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported content type");

    public static IResult NotFound(string detail)
        => TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static IResult SearchTimedOut(TimeSpan timeout)
        => TypedResults.Problem(
            detail: $"The search did not finish within {timeout.TotalSeconds:0.#} s; make the query narrower.",
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Search timed out");
}
