using PolicyKB.Search.Ingest;
using PolicyKB.Model;

namespace PolicyKB.Search.Compare;

/// <summary>One version of a document as listed: its number (1 = first fetched), when it was fetched, what it said.</summary>
public sealed record VersionSummary(int N, DateTimeOffset FetchedAt, DateOnly? PublishedDate, string ContentHash, int? Length, bool Current, bool TextKept);

/// <summary>
/// The versions a document keeps (<see cref="PolicyDocument.Versions"/>, oldest first) and their comparison. The latest
/// version is the document itself; earlier ones carry their text while the index keeps it.
/// </summary>
public static class DocumentVersions
{
    /// <summary>How many earlier texts a document keeps in the index; older versions keep their time and hash.</summary>
    public const int TextsKept = DocumentIngest.MaxVersionTexts;

    public static IReadOnlyList<VersionSummary> List(PolicyDocument document) =>
        document.Versions.Select((v, i) =>
        {
            var text = TextOf(document, i + 1);
            return new VersionSummary(i + 1, v.FetchedAt, text?.PublishedDate, v.ContentHash,
                text is null ? null : PolicyDocument.TextOf(text.Body).Length, i == document.Versions.Count - 1, text is not null);
        }).ToList();

    /// <summary>The text of version <paramref name="n"/> (1-based), or null when it is out of range or its text is no longer kept.</summary>
    public static VersionText? TextOf(PolicyDocument document, int n) =>
        n < 1 || n > document.Versions.Count ? null
        : n == document.Versions.Count ? VersionText.Of(document)
        : document.Versions[n - 1].Text;

    /// <summary>Two texts compared paragraph by paragraph, the title first (a draft's （征求意见稿） leaving it is a change too).</summary>
    public static TextComparison Compare(VersionText older, VersionText newer) => TextDiff.Compare(Paragraphs(older), Paragraphs(newer));

    private static List<string> Paragraphs(VersionText text) => [text.Title, .. text.Body.Select(b => b.Text)];
}
