using PolicyKB.Model;

namespace PolicyKB.Import;

/// <summary>Where parsed bytes came from: the page's address (picks the site profile, resolves links), the local file, the HTTP Content-Type.</summary>
public sealed record PageSource(string? Url = null, string? FilePath = null, string? ContentType = null);

/// <summary>The parsed document with the warnings of its parse, or the reason it could not be parsed.</summary>
public sealed record ParseResult(PolicyDocument? Document, IReadOnlyList<string> Warnings, string? Error)
{
    public bool Succeeded => Document is not null;

    public static ParseResult Fail(string error, IReadOnlyList<string>? warnings = null) => new(null, warnings ?? [], error);
}
