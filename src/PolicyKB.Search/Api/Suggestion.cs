using System.Text.Json.Serialization;

namespace PolicyKB.Search;

/// <summary>A completion: a word to search for (a thesaurus term, an issuer) or a document to open.</summary>
public sealed record Suggestion
{
    public SuggestionKind Type { get; init; }
    /// <summary>The word to search for (terms and issuers).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Text { get; init; }
    /// <summary>The document's id (documents).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Id { get; init; }
    /// <summary>The document's title (documents).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Title { get; init; }

    public static Suggestion ForTerm(string text) => new() { Type = SuggestionKind.Term, Text = text };
    public static Suggestion ForIssuer(string text) => new() { Type = SuggestionKind.Issuer, Text = text };
    public static Suggestion ForDocument(string id, string title) => new() { Type = SuggestionKind.Document, Id = id, Title = title };
}

[JsonConverter(typeof(JsonStringEnumConverter<SuggestionKind>))]
public enum SuggestionKind
{
    [JsonStringEnumMemberName("term")] Term,
    [JsonStringEnumMemberName("issuer")] Issuer,
    [JsonStringEnumMemberName("document")] Document,
}
