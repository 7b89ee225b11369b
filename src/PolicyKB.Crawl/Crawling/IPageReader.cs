using PolicyKB.Model;

namespace PolicyKB.Crawl;

/// <summary>A parsed page: the document, or why there is none.</summary>
internal sealed record PageReading(PolicyDocument? Document, string? Error);

/// <summary>Turns fetched bytes into documents and attachment text (the importer's parser; see <see cref="ImportPageReader"/>).</summary>
internal interface IPageReader
{
    /// <summary>Parses a detail page fetched from <paramref name="siteUrl"/> (its real site URL).</summary>
    PageReading Read(byte[] content, string siteUrl, string? contentType);

    /// <summary>The text of a PDF or DOCX attachment, or null when it has none that can be read.</summary>
    string? ReadAttachment(byte[] content, string fileNameOrKind);
}
